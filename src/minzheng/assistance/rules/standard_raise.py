"""提标 preview: what each household would receive under a new 低保标准, before the raise is applied."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from .benefits import DibaoBenefit, MemberCategory


@dataclass(frozen=True)
class HouseholdOnPayroll:
    """A household as the preview needs it: its key, its current monthly amount and its benefit inputs."""

    household_key: str
    current_amount: Decimal
    per_capita_income: Decimal
    members: int
    member_categories: tuple[frozenset[MemberCategory], ...] = ()
    household_income: Decimal | None = None  # the household's total, when known (取整规则: from totals)
    income_members: int | None = None


@dataclass(frozen=True)
class RaisePreviewLine:
    """One household's amount before and after 提标."""

    household_key: str
    current_amount: Decimal
    new_amount: Decimal

    @property
    def difference(self) -> Decimal:
        return self.new_amount - self.current_amount


@dataclass(frozen=True)
class RaisePreview:
    """提标测算: per-household lines and the monthly totals the finance bureau asks for."""

    lines: tuple[RaisePreviewLine, ...]

    @property
    def current_total(self) -> Decimal:
        return sum((line.current_amount for line in self.lines), Decimal("0.00"))

    @property
    def new_total(self) -> Decimal:
        return sum((line.new_amount for line in self.lines), Decimal("0.00"))

    @property
    def difference_total(self) -> Decimal:
        return self.new_total - self.current_total


def dibao_standard_raise_preview(
    households: Iterable[HouseholdOnPayroll],
    new_standard: Decimal,
    benefit_under: Callable[[Decimal, HouseholdOnPayroll], DibaoBenefit],
) -> RaisePreview:
    """提标 preview: each household's amount recomputed under ``new_standard`` and the difference.

    ``benefit_under(standard, household)`` applies the division's benefit rule (usually
    ``dibao_monthly_benefit`` with its minimum and 分类施保 parameters bound), so the preview uses exactly
    the rule payroll will. Source: 《社会救助暂行办法》(国务院令第649号): standards are adjusted with prices
    and living costs, and benefits follow.
    """
    return RaisePreview(
        lines=tuple(
            RaisePreviewLine(
                household_key=household.household_key,
                current_amount=household.current_amount,
                new_amount=benefit_under(new_standard, household).total,
            )
            for household in households
        )
    )
