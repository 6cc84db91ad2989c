"""Loading a ``ParameterBook``: every parameter version that can apply to some divisions."""

from collections.abc import Iterable

from ..book import ParameterBook, ParameterVersion
from ..models import PolicyParameter
from ..rules import ancestor_division_codes


def division_and_ancestor_codes(division_codes: Iterable[str]) -> set[str]:
    """The divisions whose versions can be in force for any of ``division_codes`` (theirs and their ancestors')."""
    return {code for division in division_codes for code in ancestor_division_codes(division)}


def parameter_book(division_codes: Iterable[str]) -> ParameterBook:
    """Every parameter version that can apply to the given divisions, in one query."""
    codes = division_and_ancestor_codes(division_codes)
    return ParameterBook(
        parameter_version(row) for row in PolicyParameter.objects.filter(division_code__in=codes)
    )


def parameter_version(row: PolicyParameter) -> ParameterVersion:
    return ParameterVersion(
        id=row.pk, name=row.name, division_code=row.division_code, effective_from=row.effective_from,
        valid_to=row.valid_to, value=row.value, text_value=row.text_value, unit=row.unit,
        source_note=row.source_note,
    )  # fmt: skip
