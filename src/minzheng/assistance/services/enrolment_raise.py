"""提标 over the real 在保 households: preview every affected enrolment's new amount, then apply from the
effective month as ``change_amount(kind="raise")`` — history kept, a second run changes nothing.

The 补差 part is recomputed by the same rule as a decision (``dibao_monthly_benefit`` with the division's
保底); what the current amount holds beyond the 补差 under the old standard (分类施保, earlier adjustments)
is carried over unchanged, so a raise never takes an increment away.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import month_start, normalise_division_code, parameter_value

from ..errors import InvalidCase, StandardNotFound
from ..models import Area, Enrolment, StandardKind
from ..rules import dibao_monthly_benefit
from ..selectors.enrolments import EnrolmentFilter, enrolment_list
from .enrolments import change_amount
from .in_force import standard_in_force
from .standard_raise import preview_standard_raise
from .standards import set_standard

PROGRAM_OF_AREA = {Area.URBAN: "dibao_urban", Area.RURAL: "dibao_rural"}


@dataclass(frozen=True)
class RaiseLine:
    enrolment_id: int
    household_number: str
    division_code: str
    persons: int
    per_capita_income: Decimal | None
    current_amount: Decimal
    new_amount: Decimal | None  # None: no recorded income, the caseworker must recompute by hand

    @property
    def difference(self) -> Decimal:
        return (self.new_amount - self.current_amount) if self.new_amount is not None else Decimal(0)


@dataclass(frozen=True)
class EnrolmentRaise:
    division_code: str
    area: str
    effective_month: date
    current_standard: Decimal | None
    new_standard: Decimal
    lines: list[RaiseLine]

    @property
    def current_total(self) -> Decimal:
        return sum((line.current_amount for line in self.lines), Decimal(0))

    @property
    def new_total(self) -> Decimal:
        return sum(
            (line.new_amount if line.new_amount is not None else line.current_amount for line in self.lines),
            Decimal(0),
        )

    @property
    def changed(self) -> list[RaiseLine]:
        return [line for line in self.lines if line.new_amount is not None and line.difference != 0]

    @property
    def unknown_income(self) -> list[RaiseLine]:
        return [line for line in self.lines if line.new_amount is None]


def preview_enrolment_raise(
    user, *, division_code: str, area: str, new_amount: Decimal, period: str, effective_from: date
) -> EnrolmentRaise:
    """Every 低保 enrolment of the area paid in the effective month, in the user's jurisdiction, re-computed."""
    division_code = normalise_division_code(division_code or user.division_code)
    if not covers(user.division_code, division_code):
        raise InvalidCase("所选区划不在您的管辖范围内", field="division_code")
    if area not in PROGRAM_OF_AREA:
        raise InvalidCase("请选择城市或农村", field="area")
    month = month_start(effective_from)
    # Amounts as paid the month before the raise; enrolments that end before the effective month are left out.
    before = month_start(month - timedelta(days=1))
    rows = list(
        enrolment_list(
            user, EnrolmentFilter(program=PROGRAM_OF_AREA[area], division_code=division_code, month=before)
        )
        .exclude(end_month__lt=month)
        .values_list(
            "pk",
            "household__number",
            "division_code",
            "amount_persons",
            "amount",
            "case__per_capita_income",
            "case__household_monthly_income",
            "case__income_persons",
        )
    )
    known = [
        (pk, income, persons, amount, total, income_persons)
        for pk, _, _, persons, amount, income, total, income_persons in rows
        if income is not None and amount is not None
    ]
    preview = preview_standard_raise(
        division_code=division_code, area=area, new_amount=new_amount, period=period, effective_from=month,
        households=known,
    )  # fmt: skip
    minimum = parameter_value("dibao_minimum_per_person", division_code, month, default=Decimal(0))
    old_standard = preview.current_standard.monthly_amount if preview.current_standard else None
    new_by_key = {line.household_key: line.new_amount for line in preview.preview.lines}
    lines = []
    for pk, number, code, persons, amount, income, total, income_persons in rows:
        if amount is None:
            continue
        new = new_by_key.get(str(pk))
        if new is not None and old_standard is not None:
            old_top_up = dibao_monthly_benefit(
                old_standard, income, persons, minimum_per_person=minimum, household_income=total,
                income_members=income_persons,
            ).total  # fmt: skip
            new += max(amount - old_top_up, Decimal(0))
        lines.append(RaiseLine(pk, number, code, persons, income, amount, new))
    return EnrolmentRaise(division_code, area, month, old_standard, preview.new_monthly_standard, lines)


@transaction.atomic
def apply_enrolment_raise(
    user,
    *,
    division_code: str,
    area: str,
    new_amount: Decimal,
    period: str,
    effective_from: date,
    source_note: str,
) -> tuple[EnrolmentRaise, int]:
    """Record the new 低保标准 (if it is not already the one in force) and change every affected amount from
    the effective month. Returns the preview and how many enrolments changed (0 on a second run)."""
    require(user, Capability.MANAGE_POLICY)
    require(user, Capability.APPROVE_CASES)
    division_code = normalise_division_code(division_code or user.division_code)
    month = month_start(effective_from)
    try:
        in_force = standard_in_force(division_code, StandardKind.DIBAO, month, area=area)
        already = in_force.division_code == division_code and in_force.effective_from == month
    except StandardNotFound:
        already = False
    if not already:
        set_standard(
            user, kind=StandardKind.DIBAO, area=area, division_code=division_code, effective_from=month,
            amount=new_amount, period=period, source_note=source_note or "提标",
        )  # fmt: skip
    # The preview compares with the standard before the raise (the day before the effective month).
    result = preview_enrolment_raise(
        user,
        division_code=division_code,
        area=area,
        new_amount=new_amount,
        period=period,
        effective_from=month,
    )
    changed = 0
    enrolments = Enrolment.objects.in_bulk([line.enrolment_id for line in result.changed])
    for line in result.changed:
        enrolment = enrolments[line.enrolment_id]
        if enrolment.amounts.filter(effective_month=month).exists():
            continue
        change_amount(
            user, enrolment, from_month=month, monthly_amount=line.new_amount, persons=line.persons, kind="raise",
            reason=f"提标：低保标准 {result.current_standard} → {result.new_standard} 元/人/月",
        )  # fmt: skip
        changed += 1
    return result, changed
