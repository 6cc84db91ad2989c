"""保障标准 as the list and history pages show them, with the derived standards beside each 低保标准."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.selectors.divisions import names_of
from minzheng.policy.interface import visible, visible_or_404

from ..models import AssistanceStandard, StandardKind
from ..policy_book import DerivedStandards
from ..rules.standards import standard_is_stale
from .books import policy_book


@dataclass(frozen=True)
class StandardFilter:
    """The search form above the standards table."""

    kind: str = ""
    area: str = ""
    division_code: str = ""
    current_only: bool = False


@dataclass(frozen=True)
class StandardRow:
    """One version as a table row: the standard, where it applies, and (for 低保标准) what derives from it."""

    standard: AssistanceStandard
    division_name: str
    derived: DerivedStandards | None
    derived_as_of: date | None


def standard_list(user, filters: StandardFilter = StandardFilter()) -> QuerySet[AssistanceStandard]:
    qs = visible(AssistanceStandard.objects.all(), user)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.area:
        qs = qs.filter(area=filters.area)
    if filters.division_code and division_prefix(filters.division_code):
        qs = qs.filter(division_code__startswith=division_prefix(filters.division_code))
    if filters.current_only:
        qs = qs.filter(valid_to__isnull=True)
    return qs.order_by("division_code", "kind", "area", "-effective_from")


def standard_rows(standards, today: date) -> list[StandardRow]:
    """Rows for a page of versions: names and derived standards resolved in three queries, whatever the size.

    Derived figures are shown as of the last day the version applied (today for the current version).
    """
    standards = list(standards)
    codes = {s.division_code for s in standards}
    names = names_of(codes)
    dibao = [s for s in standards if s.kind == StandardKind.DIBAO and not s.is_reference_average]
    book = policy_book({s.division_code for s in dibao}) if dibao else None
    rows = []
    for standard in standards:
        derived, as_of = None, None
        if book is not None and standard in dibao:
            as_of = standard.valid_to or max(today, standard.effective_from)
            derived = book.derived(standard.division_code, standard.area, as_of)
        rows.append(StandardRow(standard, _name(standard.division_code, names), derived, as_of))
    return rows


def _name(code: str, names: dict[str, str]) -> str:
    return "全国" if not division_prefix(code) else names.get(code, code)


def standard_detail(user, pk: int) -> AssistanceStandard:
    """One version the user may see (their jurisdiction or above), else 404."""
    return visible_or_404(AssistanceStandard.objects.all(), user, pk=pk)


def standard_history(standard: AssistanceStandard) -> list[AssistanceStandard]:
    """Every version of the same standard for the same division, newest first."""
    return list(
        AssistanceStandard.objects.filter(
            kind=standard.kind, area=standard.area, division_code=standard.division_code
        ).order_by("-effective_from")
    )


@dataclass(frozen=True)
class StaleStandard:
    """A 低保标准 in force that has not been adjusted for longer than ``standard_stale_after_months``."""

    standard: AssistanceStandard
    division_name: str
    months: int


def stale_standards(user, on: date) -> list[StaleStandard]:
    """The current 低保标准 versions the user can see (own jurisdiction and above; never the province's
    reference average) that have run longer than the division's ``standard_stale_after_months``."""
    current = list(
        visible(AssistanceStandard.objects.filter(kind=StandardKind.DIBAO, is_reference_average=False), user)
        .filter(effective_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("division_code", "area")
    )
    if not current:
        return []
    book = policy_book({s.division_code for s in current})
    names = names_of({s.division_code for s in current})
    stale = []
    for standard in current:
        months = book.value("standard_stale_after_months", standard.division_code, on)
        if months is not None and standard_is_stale(standard.effective_from, on, months=int(months)):
            stale.append(StaleStandard(standard, _name(standard.division_code, names), int(months)))
    return stale
