"""保障标准: a published standard amount per division, kind and area, with its effective date."""

from decimal import Decimal

from django.db import models

from minzheng.core.money import money_constraint
from minzheng.policy.interface import DatedVersion

from ..rules.money import round_yuan
from .choices import Area, StandardKind, StandardPeriod


class AssistanceStandard(DatedVersion):
    """保障标准 (低保标准 城市 元/人/月, 农村 元/人/年 …): one version for a division, kind and area.

    低保边缘 and 特困基本生活 standards are derived from the 低保标准 by the division's multipliers; a row of
    those kinds is a division's own figure: ``is_override`` → taken as is, otherwise a published amount the
    derived figure may not fall below. ``is_reference_average`` rows (e.g. a province's average standard) are
    shown but never used to compute benefits.
    """

    kind = models.CharField("标准种类", max_length=40, choices=StandardKind.choices)
    area = models.CharField("城乡", max_length=10, choices=Area.choices, default=Area.ALL)
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    period = models.CharField(
        "计量单位", max_length=10, choices=StandardPeriod.choices, default=StandardPeriod.PER_MONTH
    )
    is_override = models.BooleanField("地方自定（不按倍数推算）", default=False)
    is_reference_average = models.BooleanField("平均标准（仅供参考，不用于计发）", default=False)

    class Meta:
        verbose_name = "保障标准"
        verbose_name_plural = "保障标准"
        ordering = ["kind", "area", "division_code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "area", "division_code", "effective_from"],
                name="assistance_standard_one_version_per_day",
            ),
            money_constraint("assistance_standard", "amount"),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="assistance_standard_amount_positive"
            ),
        ]
        indexes = [models.Index(fields=["division_code", "kind"], name="assistance_standard_div_idx")]

    @property
    def monthly_amount(self) -> Decimal:
        """Per person per month, to 分 (a yearly figure divided by 12)."""
        if self.period == StandardPeriod.PER_YEAR:
            return round_yuan(self.amount / 12)
        return round_yuan(self.amount)

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()}（{self.get_area_display()}）{self.amount}{self.get_period_display()}"
        )
