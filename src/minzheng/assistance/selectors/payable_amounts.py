"""The month's payable rows as a query rather than objects: for set-based consumers such as payroll (发放),
which writes 200,000 roster lines with one ``INSERT … SELECT`` instead of reading them into Python.

Same rows as ``entitlements.entitlements_for_month`` (enrolments in force in the month that have an amount in
force), with every column named, so a consumer can wrap the SQL without knowing this domain's tables.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery

from minzheng.policy.interface import month_start

from ..models import EnrolmentAmount
from .entitlements import enrolments_in_force

# Column name → source. Names carry an ``e_`` prefix so they never collide with the enrolment's own fields.
_SOURCES = {
    "e_enrolment_id": "pk",
    "e_program_code": "program__code",
    "e_household_id": "household_id",
    "e_household_number": "household__number",
    "e_division_code": "division_code",
    "e_area": "area",
    "e_payee_id": "payee_id",
    "e_payee_name": "payee__name",
    "e_payee_id_number": "payee__id_number",
    "e_bank_name": "bank_name",
    "e_bank_account": "bank_account",
}
ENTITLEMENT_COLUMNS = (*_SOURCES, "e_persons", "e_monthly_amount")


def entitlement_rows(month: date, *, program_code: str | None = None, division_code: str = "") -> QuerySet:
    """A ``values()`` query whose columns are ``ENTITLEMENT_COLUMNS`` (unordered; amounts in 元)."""
    month = month_start(month)
    in_force_amount = EnrolmentAmount.objects.filter(
        enrolment=OuterRef("pk"), effective_month__lte=month
    ).order_by("-effective_month")
    return (
        enrolments_in_force(month, program_code=program_code, division_code=division_code)
        .filter(Exists(in_force_amount))
        .values(
            **{name: F(source) for name, source in _SOURCES.items()},
            e_persons=Subquery(in_force_amount.values("persons")[:1]),
            e_monthly_amount=Subquery(in_force_amount.values("monthly_amount")[:1]),
        )
    )


def payable_amounts(
    month: date, *, program_code: str | None = None, division_code: str = ""
) -> dict[int, Decimal]:
    """enrolment id → monthly amount in force in ``month`` — what payroll compares approved months against."""
    rows = entitlement_rows(month, program_code=program_code, division_code=division_code).values_list(
        "e_enrolment_id", "e_monthly_amount"
    )
    return {
        pk: Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for pk, amount in rows.iterator(chunk_size=5000)
    }
