"""社会工作: 乡镇（街道）社会工作和社会救助服务站 (社工站) with their dated “六有” checks and services, and the
社会工作专业人才 who hold a 社会工作者职业水平 certificate."""

from django.db import models


class WorkerLevel(models.TextChoices):
    """社会工作者职业水平 (national examination)."""

    ASSISTANT = "assistant", "助理社会工作师"
    INTERMEDIATE = "intermediate", "社会工作师"
    SENIOR = "senior", "高级社会工作师"


class StationServiceKind(models.TextChoices):
    """The services a 社工站 gives (丹东市十四五规划, 提升基层社会救助经办服务能力)."""

    DISCOVERY = "discovery", "主动发现"
    APPLICATION = "application", "协助申请"
    RESOURCES = "resources", "资源链接"
    POLICY = "policy", "政策信息"
    COUNSELLING = "counselling", "心理调适"
    REFERRAL = "referral", "转办转介"
    INTEGRATION = "integration", "社会融入"
    VISIT = "visit", "走访探视"


class SocialWorkStation(models.Model):
    """乡镇（街道）社会工作和社会救助服务站; ``division_code`` is the 乡镇/街道 (one open station each)."""

    division_code = models.CharField("所在乡镇（街道）", max_length=12, db_index=True)
    name = models.CharField("站点名称", max_length=100)
    operator = models.CharField("承接机构（政府购买服务）", max_length=100)
    opened_on = models.DateField("设立日期")
    closed_on = models.DateField("撤销日期", null=True, blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "社工站"
        verbose_name_plural = "社工站"

    def __str__(self) -> str:
        return self.name


class StationCheck(models.Model):
    """A dated “六有” check (有场地、有设备、有人员、有服务功能、有工作流程、有规章制度): the latest check on or
    before a day says whether the station met the standard that day."""

    station = models.ForeignKey(SocialWorkStation, on_delete=models.PROTECT, related_name="checks")
    division_code = models.CharField("所在乡镇（街道）", max_length=12, db_index=True)
    checked_on = models.DateField("核查日期")
    has_site = models.BooleanField("有场地")
    has_equipment = models.BooleanField("有设备")
    has_staff = models.BooleanField("有人员")
    has_services = models.BooleanField("有服务功能")
    has_workflow = models.BooleanField("有工作流程")
    has_rules = models.BooleanField("有规章制度")
    note = models.CharField("核查说明", max_length=300, blank=True)
    checked_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "社工站“六有”核查"
        verbose_name_plural = "社工站“六有”核查"

    def __str__(self) -> str:
        return f"{self.station}（{self.checked_on}核查）"


class StationService(models.Model):
    """A service the station gave (服务记录)."""

    station = models.ForeignKey(SocialWorkStation, on_delete=models.PROTECT, related_name="services")
    division_code = models.CharField("所在乡镇（街道）", max_length=12, db_index=True)
    served_on = models.DateField("服务日期")
    kind = models.CharField("服务类型", max_length=20, choices=StationServiceKind.choices)
    persons = models.PositiveIntegerField("服务人次")
    note = models.CharField("服务内容", max_length=300)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "社工站服务记录"
        verbose_name_plural = "社工站服务记录"

    def __str__(self) -> str:
        return f"{self.station}（{self.served_on}{self.get_kind_display()}）"


class SocialWorker(models.Model):
    """社会工作专业人才: a person holding a 社会工作者职业水平 certificate, working in the division."""

    division_code = models.CharField("工作所在区划", max_length=12, db_index=True)
    name = models.CharField("姓名", max_length=50)
    id_number = models.CharField("身份证件号码", max_length=18, unique=True)
    level = models.CharField("职业水平", max_length=20, choices=WorkerLevel.choices)
    certificate_no = models.CharField("证书编号", max_length=40)
    certified_on = models.DateField("取得证书日期")
    employer = models.CharField("工作单位", max_length=100)
    station = models.ForeignKey(
        SocialWorkStation, on_delete=models.PROTECT, null=True, blank=True, related_name="workers"
    )
    joined_on = models.DateField("入职日期")
    left_on = models.DateField("离职日期", null=True, blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "社会工作者"
        verbose_name_plural = "社会工作者"

    def __str__(self) -> str:
        return self.name
