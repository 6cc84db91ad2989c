"""事项清单: every 民政 matter as data (国务院令第716号 第六条: published 办事指南)."""

from django.db import models


class Domain(models.TextChoices):
    """The business domain that handles a matter once the window has received it."""

    ASSISTANCE = "assistance", "社会救助"
    ELDERCARE = "eldercare", "养老服务"
    MARRIAGE = "marriage", "婚姻登记"
    CHILDREN = "children", "儿童福利"
    DISABILITY = "disability", "残疾人福利"
    FUNERAL = "funeral", "殡葬管理"
    SOCIALORGS = "socialorgs", "社会组织"
    PLACENAMES = "placenames", "区划地名"
    WINDOW = "window", "窗口即办"


class Matter(models.Model):
    """政务服务事项 (one line of the 事项清单): basis, handling units, materials, time limits, channels."""

    code = models.CharField("事项编码", max_length=40, unique=True)
    name = models.CharField("事项名称", max_length=100)
    kind = models.CharField("事项类型", max_length=20, default="行政给付")
    domain = models.CharField("办理业务", max_length=20, choices=Domain.choices)
    program_code = models.CharField("对应救助项目", max_length=40, blank=True)
    legal_basis = models.TextField("设定依据")
    conditions = models.TextField("申请条件", blank=True)
    # {"乡镇（街道）": "受理、初审", "县级": "审核确认"}: what each level does
    units = models.JSONField("办理机构（按层级）", default=dict)
    # [{"code": "application", "name": "申请书", "shared": "", "required": true}]; ``shared`` names the source
    # the bureau reads it from (国务院令第716号 第七条: not asked again)
    materials = models.JSONField("申请材料", default=list)
    statutory_days = models.PositiveSmallIntegerField("法定办结时限（工作日）")
    promised_days = models.PositiveSmallIntegerField("承诺办结时限（工作日）")
    fee = models.CharField("收费标准", max_length=50, default="不收费")
    channels = models.JSONField("办理渠道", default=list)
    online = models.BooleanField("可网上申请", default=True)
    instant = models.BooleanField("即办件", default=False)
    cross_county = models.BooleanField("可跨县通办", default=False)
    # 跨县通办 clocks in working days: push to the competent county, its decision, informing the applicant
    forward_push_days = models.PositiveSmallIntegerField("转办推送时限（工作日）", default=3)
    forward_decide_days = models.PositiveSmallIntegerField("属地办理时限（工作日）", default=10)
    forward_inform_days = models.PositiveSmallIntegerField("结果告知时限（工作日）", default=3)
    household_matter = models.BooleanField("以家庭为单位申请", default=True)
    enabled = models.BooleanField("启用", default=True)
    sort = models.PositiveSmallIntegerField("排序", default=0)
    source_note = models.TextField("时限来源说明", blank=True)

    class Meta:
        ordering = ["sort", "code"]
        verbose_name = "政务服务事项"

    def __str__(self) -> str:
        return self.name
