"""惠民殡葬 rules as dated per-division data: which 基本殡葬服务 are waived, up to what, for whom."""

from django.db import models

from minzheng.policy.interface import DatedVersion

from .homes import BasicService


class WaiverCategory(models.TextChoices):
    """Who qualifies at the date of death: read from 社会救助 (低保/特困/低保边缘) or known to the funeral home."""

    DIBAO = "dibao", "低保对象"
    TEKUN = "tekun", "特困人员"
    DIBAO_EDGE = "dibao_edge", "低保边缘家庭成员"
    UNIDENTIFIED = "unidentified", "无名尸体"


class WaiverRule(DatedVersion):
    """One waived item in one division from a date: cap in the item's unit (None = the whole quantity)."""

    basic_service = models.CharField("减免项目", max_length=15, choices=BasicService.choices)
    cap_quantity = models.DecimalField(
        "减免上限（数量）", max_digits=8, decimal_places=2, null=True, blank=True
    )
    cap_unit = models.CharField("上限单位", max_length=10, blank=True)
    categories = models.JSONField("适用对象")

    class Meta:
        verbose_name = "惠民殡葬减免规则"
        verbose_name_plural = "惠民殡葬减免规则"
        constraints = [
            models.UniqueConstraint(
                fields=["division_code", "basic_service", "effective_from"], name="funeral_waiver_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_basic_service_display()}（{self.division_code}，{self.effective_from:%Y-%m-%d}起）"

    def category_labels(self) -> list[str]:
        labels = dict(WaiverCategory.choices)
        return [labels.get(c, c) for c in self.categories]
