"""公墓 (经营性/公益性/村级公益性), their 墓区 laid out as a grid of 墓位, plot-area limits as dated data, 年检."""

from django.db import models

from minzheng.policy.interface import DatedVersion

from ..rules import cemeteries as r
from .deaths import DeathRecord


class CemeteryKind(models.TextChoices):
    COMMERCIAL = r.COMMERCIAL, "经营性公墓"
    PUBLIC = r.PUBLIC, "城市公益性公墓"
    VILLAGE = r.VILLAGE, "农村公益性墓地"


class ApprovingLevel(models.TextChoices):
    PROVINCE = r.PROVINCE, "省级民政部门"
    COUNTY = r.COUNTY, "县级民政部门"


class PlotKind(models.TextChoices):
    SINGLE_ASHES = r.SINGLE_ASHES, "单人骨灰墓"
    DOUBLE_ASHES = r.DOUBLE_ASHES, "双人骨灰墓"
    SINGLE_BODY = r.SINGLE_BODY, "单人遗体墓"
    DOUBLE_BODY = r.DOUBLE_BODY, "双人遗体墓"
    ECO = r.ECO, "节地生态葬位"


class PlotState(models.TextChoices):
    AVAILABLE = "available", "空闲"
    RESERVED = "reserved", "已葬一人（预留配偶）"
    OCCUPIED = "occupied", "已安葬"


class Cemetery(models.Model):
    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=12, choices=CemeteryKind.choices)
    division_code = models.CharField("所在区划代码", max_length=12, db_index=True)
    address = models.CharField("地址", max_length=200, blank=True)
    approving_level = models.CharField("审批机关", max_length=10, choices=ApprovingLevel.choices)
    approval_document = models.CharField("批准文件", max_length=100)
    approved_on = models.DateField("批准日期")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "公墓"
        verbose_name_plural = "公墓"

    def __str__(self) -> str:
        return self.name


class CemeterySection(models.Model):
    """墓区: ``rows`` × ``columns`` places, each a 墓位 (the plot map draws the grid)."""

    cemetery = models.ForeignKey(Cemetery, on_delete=models.PROTECT, related_name="sections")
    name = models.CharField("墓区", max_length=20)
    rows = models.PositiveSmallIntegerField("排数")
    columns = models.PositiveSmallIntegerField("每排墓位数")

    class Meta:
        verbose_name = "墓区"
        verbose_name_plural = "墓区"
        constraints = [
            models.UniqueConstraint(fields=["cemetery", "name"], name="funeral_section_name_unique")
        ]

    def __str__(self) -> str:
        return f"{self.cemetery.name}{self.name}区"


class Plot(models.Model):
    section = models.ForeignKey(CemeterySection, on_delete=models.PROTECT, related_name="plots")
    division_code = models.CharField("公墓区划代码", max_length=12, db_index=True)
    number = models.CharField("墓位编号", max_length=30)
    row = models.PositiveSmallIntegerField("排")
    column = models.PositiveSmallIntegerField("号")
    kind = models.CharField("墓位类型", max_length=15, choices=PlotKind.choices)
    area_m2 = models.DecimalField("占地面积（平方米）", max_digits=6, decimal_places=2)
    state = models.CharField("状态", max_length=10, choices=PlotState.choices, default=PlotState.AVAILABLE)
    first_occupant = models.ForeignKey(
        DeathRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="安葬人"
    )
    second_occupant = models.ForeignKey(
        DeathRecord, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="合葬人"
    )
    reserved_for = models.CharField("预留配偶姓名", max_length=50, blank=True)
    contract_on = models.DateField("安葬（签约）日期", null=True, blank=True)
    cycle_ends_on = models.DateField("使用周期届满日", null=True, blank=True)

    class Meta:
        verbose_name = "墓位"
        verbose_name_plural = "墓位"
        constraints = [
            models.UniqueConstraint(fields=["section", "row", "column"], name="funeral_plot_place_unique"),
            models.UniqueConstraint(
                fields=["first_occupant"],
                condition=models.Q(first_occupant__isnull=False),
                name="funeral_one_plot_per_deceased",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class PlotAreaLimit(DatedVersion):
    """墓位占地面积上限 for a plot kind (and a cemetery kind, or all), per division from a date."""

    plot_kind = models.CharField("墓位类型", max_length=15, choices=PlotKind.choices)
    cemetery_kind = models.CharField(
        "公墓类型（空为全部）", max_length=12, choices=CemeteryKind.choices, blank=True
    )
    max_area_m2 = models.DecimalField("面积上限（平方米）", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "墓位面积上限"
        verbose_name_plural = "墓位面积上限"
        constraints = [
            models.UniqueConstraint(
                fields=["division_code", "plot_kind", "cemetery_kind", "effective_from"],
                name="funeral_area_limit_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_plot_kind_display()} ≤ {self.max_area_m2} 平方米"


class InspectionResult(models.TextChoices):
    PASSED = "passed", "合格"
    BASIC = "basic", "基本合格"
    FAILED = "failed", "不合格"


class AnnualInspection(models.Model):
    """公墓年检 result of one year."""

    cemetery = models.ForeignKey(Cemetery, on_delete=models.PROTECT, related_name="inspections")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    year = models.PositiveSmallIntegerField("年度")
    result = models.CharField("结论", max_length=10, choices=InspectionResult.choices)
    inspected_on = models.DateField("检查日期")
    note = models.CharField("问题及整改要求", max_length=300, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "公墓年检"
        verbose_name_plural = "公墓年检"
        constraints = [
            models.UniqueConstraint(fields=["cemetery", "year"], name="funeral_one_inspection_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.cemetery_id} {self.year}年检"
