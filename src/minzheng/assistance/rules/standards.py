"""低保标准 and the standards derived from it, resolved from dated, per-division records.

Standards are set by the 设区的市 (or county) government and change yearly; the platform stores each
published figure with its division and effective date, and these functions pick and derive from them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from minzheng.policy.rules import add_months, division_covers, significant_division_prefix

from .errors import AssistanceRuleError, StandardNotFoundError
from .money import round_yuan


class AreaKind(StrEnum):
    """城市 or 农村: most divisions publish a separate 低保标准 for each."""

    URBAN = "城市"
    RURAL = "农村"


class StandardPeriod(StrEnum):
    """The period a published standard is stated for: 元/人/月 or 元/人/年 (common for 农村)."""

    PER_MONTH = "元/人/月"
    PER_YEAR = "元/人/年"


@dataclass(frozen=True)
class MinimumLivingStandard:
    """低保标准: one published figure for a division and area, in force from ``effective_from``."""

    division_code: str
    area: AreaKind
    effective_from: date
    amount: Decimal
    period: StandardPeriod = StandardPeriod.PER_MONTH

    @property
    def monthly_amount(self) -> Decimal:
        """The standard per person per month, rounded to 分 (a yearly 农村 figure divided by 12)."""
        if self.period is StandardPeriod.PER_YEAR:
            return round_yuan(self.amount / 12)
        return round_yuan(self.amount)


def resolve_dibao_standard(
    records: Iterable[MinimumLivingStandard], division_code: str, area: AreaKind, on: date
) -> MinimumLivingStandard:
    """The 低保标准 in force for a division and area on a date.

    The most specific division wins (a county's own figure over its city's), then the latest record
    effective on or before the date. Source: 《社会救助暂行办法》(国务院令第649号) — standards are set and
    published by provincial or 设区的市 governments, so a record for a higher level covers its children.
    """
    candidates = [
        record
        for record in records
        if record.area is area
        and record.effective_from <= on
        and division_covers(record.division_code, division_code)
    ]
    if not candidates:
        raise StandardNotFoundError(
            f"no {area.value}低保标准 for division {division_code} on {on.isoformat()}"
        )
    return max(
        candidates,
        key=lambda record: (len(significant_division_prefix(record.division_code)), record.effective_from),
    )


def monthly_dibao_standard(
    records: Iterable[MinimumLivingStandard], division_code: str, area: AreaKind, on: date
) -> Decimal:
    """The 低保标准 per person per month in force for a division and area on a date (see resolve_dibao_standard)."""
    return resolve_dibao_standard(records, division_code, area, on).monthly_amount


def dibao_edge_income_line(dibao_standard: Decimal, multiplier: Decimal) -> Decimal:
    """低保边缘家庭 income line = multiplier × 低保标准 (per person per month).

    Source: 民政部 2021 低收入人口认定 (低保边缘家庭: per-capita income ≤ 1.5 × 低保标准 in the plans);
    the multiplier comes from the division's parameter record.
    """
    if multiplier < 1:
        raise AssistanceRuleError("the 低保边缘 multiplier cannot put the line below the 低保标准")
    return round_yuan(dibao_standard * multiplier)


def tekun_basic_living_standard(
    dibao_standard: Decimal,
    *,
    multiplier: Decimal,
    minimum_multiplier: Decimal,
    published_amount: Decimal | None = None,
    division_override: Decimal | None = None,
) -> Decimal:
    """特困人员基本生活标准 per person per month.

    Normally max(published amount, multiplier × 低保标准), the multiplier being at least the policy floor.
    A division that sets its own standard by another method (``division_override``) is taken as is.
    Source: 民政部《特困人员认定办法》(2021) and the provincial plans: 基本生活标准 ≥ 1.3 × 低保标准.
    """
    if division_override is not None:
        return round_yuan(division_override)
    if multiplier < minimum_multiplier:
        raise AssistanceRuleError(
            f"特困 multiplier {multiplier} is below the policy floor {minimum_multiplier}"
        )
    derived = dibao_standard * multiplier
    if published_amount is not None:
        derived = max(derived, published_amount)
    return round_yuan(derived)


def standard_is_stale(effective_from: date, on: date, *, months: int) -> bool:
    """标准已超过一年未调整: the standard in force on ``on`` has not changed for more than ``months`` months.

    The plans ask for standards adjusted with prices every year (辽宁、丹东规划: 社会救助和保障标准与物价上涨挂钩
    的联动机制; 《社会救助暂行办法》第十条: 适时调整); ``months`` is the parameter ``standard_stale_after_months``.
    A stale standard is still the one in force: the warning never replaces it with an invented figure.
    """
    return on > add_months(effective_from, months)
