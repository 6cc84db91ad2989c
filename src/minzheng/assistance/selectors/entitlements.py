"""What is payable for a month: the set-based read payroll (发放) and the dashboards build on.

One query for any number of households: each enrolment in force in the month with the amount in force in
that month (the latest ``EnrolmentAmount`` not after it). No per-household loop — a 200,000-household
payroll reads in seconds.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, OuterRef, Q, Subquery

from minzheng.core.jurisdiction import division_prefix
from minzheng.policy.interface import month_start

from ..models import Enrolment, EnrolmentAmount


@dataclass(frozen=True)
class Entitlement:
    """One household's benefit for one month of one program (amounts in 元, two decimals)."""

    enrolment_id: int
    program_code: str
    household_id: int
    household_number: str
    division_code: str
    area: str
    payee_id: int
    payee_name: str
    payee_id_number: str
    bank_name: str
    bank_account: str
    persons: int
    monthly_amount: Decimal


def enrolments_in_force(month: date, *, program_code: str | None = None, division_code: str = ""):
    """Enrolments paid in ``month`` (started, not stopped), under ``division_code`` (a prefix covers all)."""
    month = month_start(month)
    queryset = Enrolment.objects.filter(start_month__lte=month).filter(
        Q(end_month__isnull=True) | Q(end_month__gte=month)
    )
    if program_code:
        queryset = queryset.filter(program__code=program_code)
    prefix = division_prefix(division_code) if division_code else ""
    if prefix:
        queryset = queryset.filter(division_code__startswith=prefix)
    return queryset


def entitlements_for_month(
    month: date, *, program_code: str | None = None, division_code: str = ""
) -> Iterator[Entitlement]:
    """Every payable entitlement of the month, ordered by division and household (a stable roster order)."""
    month = month_start(month)
    in_force_amount = EnrolmentAmount.objects.filter(
        enrolment=OuterRef("pk"), effective_month__lte=month
    ).order_by("-effective_month")
    rows = (
        enrolments_in_force(month, program_code=program_code, division_code=division_code)
        .filter(Exists(in_force_amount))
        .annotate(
            amount=Subquery(in_force_amount.values("monthly_amount")[:1]),
            amount_persons=Subquery(in_force_amount.values("persons")[:1]),
        )
        .order_by("division_code", "household__number")
        .values_list(
            "pk", "program__code", "household_id", "household__number", "division_code", "area",
            "payee_id", "payee__name", "payee__id_number", "bank_name", "bank_account",
            "amount_persons", "amount",
        )
    )  # fmt: skip
    for row in rows.iterator(chunk_size=5000):
        yield Entitlement(
            *row[:-1], monthly_amount=Decimal(row[-1]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        )
