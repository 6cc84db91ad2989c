"""救助案件: one application for one program by one household, from 申请 to a decision, never deleted."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from .choices import Area
from .programs import AssistanceProgram


class CaseSource(models.TextChoices):
    """How the application reached the bureau (民发〔2021〕57号: 申请、代办、主动发现)."""

    SELF = "self", "本人申请"
    PROXY = "proxy", "代为申请（村（居）委会代办）"
    PROACTIVE = "proactive", "主动发现"
    MONITORING = "monitoring", "监测预警转入"
    ONE_STOP = "one_stop", "全市通办受理"


class CaseStatus(models.TextChoices):
    """Where a case stands. The workflow's allowed moves live in the casework rules, not here."""

    APPLIED = "applied", "已申请"
    MATERIALS_PENDING = "materials_pending", "待补齐材料"
    ACCEPTED = "accepted", "已受理"
    VERIFYING = "verifying", "家庭经济状况核对"
    INVESTIGATING = "investigating", "入户调查"
    TOWNSHIP_REVIEW = "township_review", "乡镇（街道）审核"
    PUBLICITY = "publicity", "公示中"
    APPROVAL = "approval", "待审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "不予批准"
    WITHDRAWN = "withdrawn", "已撤回"


CLOSED_STATUSES = frozenset({CaseStatus.APPROVED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN})


class AssistanceCase(models.Model):
    """救助案件 (申请). ``prefill`` holds what the source already knew (e.g. a monitoring warning's evidence)."""

    number = models.CharField("案件编号", max_length=32, unique=True)
    program = models.ForeignKey(AssistanceProgram, on_delete=models.PROTECT, related_name="cases")
    household = models.ForeignKey("core.Household", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("受理地区划代码", max_length=12, db_index=True)
    area = models.CharField("城乡", max_length=10, choices=Area.choices)
    source = models.CharField("申请方式", max_length=20, choices=CaseSource.choices)
    status = models.CharField("状态", max_length=20, choices=CaseStatus.choices, default=CaseStatus.APPLIED)
    applied_on = models.DateField("申请日期")
    reason = models.TextField("申请理由", blank=True)
    prefill = models.JSONField("预填信息", default=dict, blank=True)
    source_reference = models.CharField("来源编号", max_length=64, blank=True, help_text="如预警编号")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("录入时间", db_default=Now())
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "救助案件"
        verbose_name_plural = "救助案件"
        ordering = ["-applied_on", "-id"]
        indexes = [models.Index(fields=["division_code", "status"])]

    def __str__(self) -> str:
        return self.number
