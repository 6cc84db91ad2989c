"""Loading a ``PolicyBook``: every standard and parameter version that can apply to some divisions."""

from collections.abc import Iterable

from ..models import AssistanceStandard, PolicyParameter
from ..policy_book import ParameterVersion, PolicyBook, StandardVersion
from ..rules.dated_records import ancestor_division_codes


def policy_book(division_codes: Iterable[str]) -> PolicyBook:
    """Every version that can apply to the given divisions (theirs and their ancestors'), in two queries."""
    codes = {code for division in division_codes for code in ancestor_division_codes(division)}
    return PolicyBook(
        (standard_version(row) for row in AssistanceStandard.objects.filter(division_code__in=codes)),
        (parameter_version(row) for row in PolicyParameter.objects.filter(division_code__in=codes)),
    )


def standard_version(row: AssistanceStandard) -> StandardVersion:
    return StandardVersion(
        id=row.pk, kind=row.kind, area=row.area, division_code=row.division_code,
        effective_from=row.effective_from, valid_to=row.valid_to, amount=row.amount, period=row.period,
        is_override=row.is_override, is_reference_average=row.is_reference_average, source_note=row.source_note,
    )  # fmt: skip


def parameter_version(row: PolicyParameter) -> ParameterVersion:
    return ParameterVersion(
        id=row.pk, name=row.name, division_code=row.division_code, effective_from=row.effective_from,
        valid_to=row.valid_to, value=row.value, text_value=row.text_value, unit=row.unit,
        source_note=row.source_note,
    )  # fmt: skip
