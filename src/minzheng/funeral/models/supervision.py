"""殡葬监管: facility licences, 四不两直 inspections drawn by the kernel's 双随机 draw, the prices charged checked
against the list, violations with their 整改 and fines."""

from django.db import models

from minzheng.core.money import TOTAL_MAX, money_constraint


class FacilityKind(models.TextChoices):
    HOME = "home", "殡仪馆（火葬场）"
    CEMETERY = "cemetery", "公墓"


class FacilityLicence(models.Model):
    """A facility's approval or licence (设立批准、经营许可) with its validity."""

    facility_kind = models.CharField("设施类型", max_length=10, choices=FacilityKind.choices)
    facility_id = models.PositiveIntegerField("设施")
    facility_name = models.CharField("设施名称", max_length=100)
    division_code = models.CharField("设施区划代码", max_length=12, db_index=True)
    title = models.CharField("许可事项", max_length=50)
    document = models.CharField("批准（许可）文号", max_length=100)
    issued_by = models.CharField("发证机关", max_length=100)
    issued_on = models.DateField("发证日期")
    valid_to = models.DateField("有效期至", null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "殡葬设施许可"
        verbose_name_plural = "殡葬设施许可"

    def __str__(self) -> str:
        return f"{self.facility_name} {self.title}"


class SupervisionRound(models.Model):
    """双随机抽查批次: the candidates and the inspector pool as drawn, with the public seed (repeatable)."""

    division_code = models.CharField("组织单位区划", max_length=12, db_index=True)
    title = models.CharField("抽查名称", max_length=100)
    planned_on = models.DateField("计划检查日期")
    seed = models.BigIntegerField("随机种子")
    share_percent = models.PositiveSmallIntegerField("抽查比例（%）")
    team_size = models.PositiveSmallIntegerField("每组检查人员数")
    candidates = models.JSONField("检查对象名录", default=list)
    inspector_pool_ids = models.JSONField("执法检查人员名录", default=list)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "殡葬监管抽查批次"
        verbose_name_plural = "殡葬监管抽查批次"

    def __str__(self) -> str:
        return self.title


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", "待检查"
    DONE = "done", "已检查"


class SupervisionInspection(models.Model):
    """One 四不两直 inspection of one facility (不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场)."""

    round = models.ForeignKey(
        SupervisionRound, null=True, blank=True, on_delete=models.PROTECT, related_name="inspections"
    )
    facility_kind = models.CharField("设施类型", max_length=10, choices=FacilityKind.choices)
    facility_id = models.PositiveIntegerField("设施")
    facility_name = models.CharField("设施名称", max_length=100)
    division_code = models.CharField("设施区划代码", max_length=12, db_index=True)
    inspector_ids = models.JSONField("检查人员", default=list)
    planned_on = models.DateField("计划检查日期")
    status = models.CharField(
        "状态", max_length=10, choices=InspectionStatus.choices, default=InspectionStatus.PLANNED
    )
    inspected_on = models.DateField("检查日期", null=True, blank=True)
    unannounced = models.BooleanField("四不两直（未事先通知）", default=False)
    findings = models.CharField("检查情况", max_length=500, blank=True)
    price_checks = models.JSONField("收费核查", default=list, blank=True)

    class Meta:
        verbose_name = "殡葬监督检查"
        verbose_name_plural = "殡葬监督检查"

    def __str__(self) -> str:
        return f"{self.facility_name} {self.planned_on:%Y-%m-%d}"


class ViolationStatus(models.TextChoices):
    OPEN = "open", "待整改"
    RECTIFIED = "rectified", "已整改"


class Violation(models.Model):
    """违法违规问题: found in an inspection (or reported), with the 整改 deadline and the fine decided."""

    inspection = models.ForeignKey(
        SupervisionInspection, null=True, blank=True, on_delete=models.PROTECT, related_name="violations"
    )
    facility_kind = models.CharField("设施类型", max_length=10, choices=FacilityKind.choices)
    facility_id = models.PositiveIntegerField("设施")
    facility_name = models.CharField("设施名称", max_length=100)
    division_code = models.CharField("设施区划代码", max_length=12, db_index=True)
    found_on = models.DateField("发现日期")
    description = models.CharField("问题", max_length=300)
    basis = models.CharField("依据", max_length=200)
    rectify_by = models.DateField("整改期限")
    status = models.CharField(
        "状态", max_length=10, choices=ViolationStatus.choices, default=ViolationStatus.OPEN
    )
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)
    fine = models.DecimalField("罚款（元）", max_digits=12, decimal_places=2, default=0)
    fine_document = models.CharField("处罚决定书文号", max_length=100, blank=True)
    fine_decided_on = models.DateField("处罚决定日期", null=True, blank=True)

    class Meta:
        verbose_name = "殡葬违法违规问题"
        verbose_name_plural = "殡葬违法违规问题"
        constraints = [money_constraint("funeral_violation", "fine", TOTAL_MAX)]

    def __str__(self) -> str:
        return self.description
