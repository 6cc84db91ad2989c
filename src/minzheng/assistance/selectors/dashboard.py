"""社会救助 dashboard: households, persons and amounts by subordinate division and program for a month,
the 12-month trend and overdue cases — each figure a set-based query, each with the list behind it."""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, Substr

from minzheng.core.jurisdiction import child_prefix_length, division_prefix, full_code, scope
from minzheng.core.selectors.divisions import names_of
from minzheng.policy.interface import add_months, month_start

from ..models import CLOSED_STATUSES, AssistanceCase, AssistanceProgram, EnrolmentAmount
from .entitlements import enrolments_in_force


@dataclass(frozen=True)
class Figure:
    households: int
    persons: int
    amount: Decimal


@dataclass
class Dashboard:
    month: date
    division_code: str
    total: Figure
    by_division: list[tuple[str, str, Figure, int]]  # code, name, figure, overdue cases
    by_program: list[tuple[str, str, Figure]]  # code, name, figure
    trend: list[tuple[str, Figure]] = field(default_factory=list)
    overdue: int = 0
    open_cases: int = 0


def _in_force_with_amount(user, month: date, division_code: str):
    amount = EnrolmentAmount.objects.filter(enrolment=OuterRef("pk"), effective_month__lte=month).order_by(
        "-effective_month"
    )
    return scope(enrolments_in_force(month, division_code=division_code), user, "division_code").annotate(
        amount=Subquery(amount.values("monthly_amount")[:1]),
        persons=Subquery(amount.values("persons")[:1], output_field=IntegerField()),
    )


def _figure(row: dict) -> Figure:
    return Figure(
        row["households"] or 0,
        row["persons_total"] or 0,
        (row["amount_total"] or Decimal(0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
    )


_AGGREGATES = {
    "households": Count("pk"),
    "persons_total": Coalesce(Sum("persons"), 0),
    "amount_total": Sum("amount"),
}


def month_figure(user, month: date, division_code: str = "", program_code: str = "") -> Figure:
    queryset = _in_force_with_amount(user, month_start(month), division_code)
    if program_code:
        queryset = queryset.filter(program__code=program_code)
    return _figure(queryset.aggregate(**_AGGREGATES))


def dashboard(
    user, month: date, division_code: str = "", *, trend_months: int = 12, today: date | None = None
) -> Dashboard:
    month = month_start(month)
    division_code = division_code or user.division_code
    prefix_length = max(child_prefix_length(division_code), len(division_prefix(division_code)))
    if len(division_prefix(division_code)) >= 12:
        prefix_length = 12
    base = _in_force_with_amount(user, month, division_code)
    by_part = {
        row["part"]: _figure(row)
        for row in base.annotate(part=Substr("division_code", 1, prefix_length))
        .values("part")
        .annotate(**_AGGREGATES)
    }
    cases = scope(AssistanceCase.objects.exclude(status__in=CLOSED_STATUSES), user, "division_code")
    if division_prefix(division_code):
        cases = cases.filter(division_code__startswith=division_prefix(division_code))
    overdue_cases = cases.filter(step_due_on__lt=today or date.today())
    overdue_by = dict(
        overdue_cases.annotate(part=Substr("division_code", 1, prefix_length))
        .values("part").annotate(n=Count("pk")).values_list("part", "n")
    )  # fmt: skip
    parts = sorted(set(by_part) | set(overdue_by))
    names = names_of({full_code(part) for part in parts})
    empty = Figure(0, 0, Decimal("0.00"))
    by_division = [
        (
            full_code(part),
            names.get(full_code(part), full_code(part)),
            by_part.get(part, empty),
            overdue_by.get(part, 0),
        )
        for part in parts
    ]
    program_names = dict(AssistanceProgram.objects.values_list("code", "name"))
    by_program = [
        (row["program__code"], program_names.get(row["program__code"], ""), _figure(row))
        for row in base.values("program__code").annotate(**_AGGREGATES).order_by("program__code")
    ]
    trend = [
        (f"{m:%Y-%m}", month_figure(user, m, division_code))
        for m in (add_months(month, -offset) for offset in range(trend_months - 1, -1, -1))
    ]
    return Dashboard(
        month=month, division_code=division_code, total=_figure(base.aggregate(**_AGGREGATES)),
        by_division=by_division, by_program=by_program, trend=trend,
        overdue=overdue_cases.count(), open_cases=cases.count(),
    )  # fmt: skip
