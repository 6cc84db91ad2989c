"""Loading a ``PolicyBook``: every standard and parameter version that can apply to some divisions."""

from collections.abc import Iterable

from minzheng.policy.interface import division_and_ancestor_codes, parameter_book

from ..models import AssistanceStandard
from ..policy_book import PolicyBook, StandardVersion


def policy_book(division_codes: Iterable[str]) -> PolicyBook:
    """Every version that can apply to the given divisions (theirs and their ancestors'), in two queries."""
    division_codes = list(division_codes)
    codes = division_and_ancestor_codes(division_codes)
    return PolicyBook(
        (standard_version(row) for row in AssistanceStandard.objects.filter(division_code__in=codes)),
        parameter_book(division_codes),
    )


def standard_version(row: AssistanceStandard) -> StandardVersion:
    return StandardVersion(
        id=row.pk, kind=row.kind, area=row.area, division_code=row.division_code,
        effective_from=row.effective_from, valid_to=row.valid_to, amount=row.amount, period=row.period,
        is_override=row.is_override, is_reference_average=row.is_reference_average, source_note=row.source_note,
    )  # fmt: skip
