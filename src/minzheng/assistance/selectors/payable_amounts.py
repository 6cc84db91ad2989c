"""The amount payable per enrolment for a month, without the payee details: what payroll compares against
already-approved months to find 补发/扣发 (one narrow query; ``entitlements_for_month`` carries the rest)."""

from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, Subquery

from ..models import EnrolmentAmount
from ..rules.months import month_start
from .entitlements import enrolments_in_force


def payable_amounts(
    month: date, *, program_code: str | None = None, division_code: str = ""
) -> dict[int, Decimal]:
    """enrolment id → monthly amount in force in ``month`` (enrolments without an amount yet are absent)."""
    month = month_start(month)
    in_force_amount = EnrolmentAmount.objects.filter(
        enrolment=OuterRef("pk"), effective_month__lte=month
    ).order_by("-effective_month")
    rows = (
        enrolments_in_force(month, program_code=program_code, division_code=division_code)
        .annotate(amount=Subquery(in_force_amount.values("monthly_amount")[:1]))
        .filter(amount__isnull=False)
        .values_list("pk", "amount")
    )
    return {pk: Decimal(amount).quantize(Decimal("0.01")) for pk, amount in rows.iterator(chunk_size=5000)}
