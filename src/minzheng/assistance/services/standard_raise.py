"""提标测算: what each household would get under a new 低保标准, before the raise is saved.

There are no 低保 cases in the platform yet, so the service takes the households as a plain iterable of
(household id, per-capita monthly income, members, current monthly amount); when casework exists it will
feed the same function from its payroll.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from minzheng.policy.interface import normalise_division_code, parameter_value, parse_decimal

from ..errors import StandardNotFound
from ..models import StandardKind
from ..rules import (
    AreaKind,
    HouseholdOnPayroll,
    MinimumLivingStandard,
    RaisePreview,
    StandardPeriod,
    dibao_monthly_benefit,
    dibao_standard_raise_preview,
)
from .in_force import StandardInForce, standard_in_force

_RULE_AREA = {"urban": AreaKind.URBAN, "rural": AreaKind.RURAL}
_RULE_PERIOD = {"month": StandardPeriod.PER_MONTH, "year": StandardPeriod.PER_YEAR}


@dataclass(frozen=True)
class StandardRaisePreview:
    """The standard before and after, and every household's amount before and after."""

    division_code: str
    area: str
    effective_from: date
    current_standard: StandardInForce | None
    new_monthly_standard: Decimal
    preview: RaisePreview


def preview_standard_raise(
    *,
    division_code: str,
    area: str,
    new_amount: Decimal,
    period: str,
    effective_from: date,
    households: Iterable[tuple[object, Decimal, int, Decimal]],
) -> StandardRaisePreview:
    """提标 preview: each household's 补差 recomputed under the new standard with the division's 保底 minimum.

    ``households``: (household id, per-capita monthly income, members, current monthly amount).
    """
    division_code = normalise_division_code(division_code)
    new_standard = MinimumLivingStandard(
        division_code,
        _RULE_AREA[area],
        effective_from,
        parse_decimal(new_amount, field="amount"),
        _RULE_PERIOD[period],
    )
    minimum = parameter_value("dibao_minimum_per_person", division_code, effective_from, default=Decimal("0"))
    try:
        current = standard_in_force(
            division_code, StandardKind.DIBAO, effective_from - timedelta(days=1), area=area
        )
    except StandardNotFound:
        current = None
    on_payroll = [
        HouseholdOnPayroll(
            str(key),
            Decimal(current_amount),
            Decimal(income),
            int(members),
            household_income=Decimal(total) if total is not None else None,
            income_members=income_members,
        )
        for key, income, members, current_amount, total, income_members in (_six(row) for row in households)
    ]
    # 取整规则: the same rule as a decision — from the household's totals where known, rounded once.
    preview = dibao_standard_raise_preview(
        on_payroll,
        new_standard.monthly_amount,
        lambda standard, household: dibao_monthly_benefit(
            standard,
            household.per_capita_income,
            household.members,
            minimum_per_person=minimum,
            household_income=household.household_income,
            income_members=household.income_members,
        ),
    )
    return StandardRaisePreview(
        division_code, area, effective_from, current, new_standard.monthly_amount, preview
    )


def _six(row: tuple) -> tuple:
    """(id, per-capita income, members, current amount[, household income, income members])."""
    return (*row, None, None) if len(row) == 4 else tuple(row)
