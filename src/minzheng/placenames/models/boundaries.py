"""行政区域界线: lines between divisions with their agreement, 界桩 with GB/T 17796 numbers, inspections,
联合检查 rounds, repairs/moves (neighbour present, filing) and disputes."""

from django.db import models

from .choices import DisputeStatus, MarkerCondition, RepairKind


class BoundaryLine(models.Model):
    """界线: the two sides, the 协议书 and 详图, the line itself as GeoJSON."""

    code = models.CharField("界线代码", max_length=4, unique=True)
    name = models.CharField("界线名称", max_length=100)
    side_a_code = models.CharField("一侧区划代码（代码较小）", max_length=12, db_index=True)
    side_b_code = models.CharField("另一侧区划代码", max_length=12, db_index=True)
    agreement = models.CharField("界线协议书", max_length=200)
    agreed_on = models.DateField("协议签订日期")
    approved_by = models.CharField("批准机关", max_length=100, blank=True)
    map_version = models.CharField("界线详图版本", max_length=100, blank=True)
    length_km = models.DecimalField("长度（千米）", max_digits=8, decimal_places=2, null=True, blank=True)
    geometry = models.JSONField("界线（GeoJSON LineString）", null=True, blank=True)

    class Meta:
        verbose_name = "行政区域界线"
        verbose_name_plural = "行政区域界线"

    def __str__(self) -> str:
        return self.name


class BoundaryMarker(models.Model):
    """界桩."""

    line = models.ForeignKey(
        BoundaryLine, on_delete=models.PROTECT, related_name="markers", verbose_name="界线"
    )
    number = models.CharField("界桩编号", max_length=8, unique=True)
    type_code = models.CharField("类型码", max_length=1)
    longitude = models.DecimalField("经度", max_digits=10, decimal_places=6)
    latitude = models.DecimalField("纬度", max_digits=10, decimal_places=6)
    material = models.CharField("材质", max_length=50, blank=True)
    responsible_code = models.CharField("维护方区划代码", max_length=12)
    installed_on = models.DateField("埋设日期", null=True, blank=True)
    condition = models.CharField(
        "现状", max_length=10, choices=MarkerCondition.choices, default=MarkerCondition.GOOD
    )

    class Meta:
        verbose_name = "界桩"
        verbose_name_plural = "界桩"
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number


class MarkerInspection(models.Model):
    """界桩日常巡查."""

    marker = models.ForeignKey(
        BoundaryMarker, on_delete=models.PROTECT, related_name="inspections", verbose_name="界桩"
    )
    inspected_on = models.DateField("巡查日期")
    condition = models.CharField("现状", max_length=10, choices=MarkerCondition.choices)
    photo_reference = models.CharField("照片编号", max_length=100, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)
    inspector = models.CharField("巡查人", max_length=50)

    def __str__(self) -> str:
        return f"{self.marker_id} {self.inspected_on}"


class JointInspection(models.Model):
    """联合检查 (第十二条): a round of one line, its findings and the joint filing."""

    line = models.ForeignKey(
        BoundaryLine, on_delete=models.PROTECT, related_name="joint_inspections", verbose_name="界线"
    )
    round_number = models.PositiveSmallIntegerField("轮次")
    inspected_on = models.DateField("检查日期")
    participants = models.CharField("参加单位", max_length=300)
    findings = models.CharField("检查结果", max_length=1000)
    filed_on = models.DateField("备案日期", null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["line", "round_number"], name="joint_inspection_round_once")
        ]

    def __str__(self) -> str:
        return f"第{self.round_number}轮"


class MarkerRepair(models.Model):
    """界桩维修、移动、增设 (第六条)."""

    marker = models.ForeignKey(
        BoundaryMarker, on_delete=models.PROTECT, related_name="repairs", verbose_name="界桩"
    )
    kind = models.CharField("类型", max_length=10, choices=RepairKind.choices)
    done_on = models.DateField("日期")
    neighbour_present = models.BooleanField("相邻方在场")
    neighbour_people = models.CharField("相邻方在场人员", max_length=100)
    agreement_reference = models.CharField("协议文号", max_length=100, blank=True)
    filing_reference = models.CharField("备案文号", max_length=100, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.done_on}"


class BoundaryDispute(models.Model):
    """界线争议 and its 应急处置."""

    line = models.ForeignKey(
        BoundaryLine, on_delete=models.PROTECT, related_name="disputes", verbose_name="界线"
    )
    opened_on = models.DateField("发生日期")
    description = models.CharField("争议情况", max_length=1000)
    emergency_measures = models.CharField("应急处置措施", max_length=1000, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=DisputeStatus.choices, default=DisputeStatus.OPEN
    )
    settled_on = models.DateField("解决日期", null=True, blank=True)
    settlement = models.CharField("解决结果", max_length=500, blank=True)

    def __str__(self) -> str:
        return f"{self.opened_on} {self.line_id}"
