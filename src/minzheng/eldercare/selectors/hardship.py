"""特殊困难老年人 reads: the register, a month's plan with its visits, visit records, and the visit rate."""

from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import timezone

from minzheng.assistance.interface import tekun_person_ids
from minzheng.core.jurisdiction import division_prefix

from ..models import HardshipElder, Visit, VisitAssignment
from ..rules.ratios import percentage
from ..rules.visits import Month, months_between
from .common import one, scoped, under


@dataclass(frozen=True)
class ElderFilter:
    q: str = ""
    division_code: str = ""
    category: str = ""
    current_only: bool = True
    unassigned_only: bool = False


def _register(on: date | None = None) -> QuerySet[HardshipElder]:
    """The register with ``tekun_enrolled``: 特困 in 社会救助 on the day (today by default)."""
    enrolled = Q(person_id__in=tekun_person_ids(on or timezone.localdate()))
    return HardshipElder.objects.select_related("person", "assigned_to").annotate(
        tekun_enrolled=ExpressionWrapper(enrolled, output_field=BooleanField())
    )


def elder_list(user, filters: ElderFilter = ElderFilter()) -> QuerySet[HardshipElder]:
    qs = under(scoped(_register(), user), filters.division_code)
    if filters.current_only:
        qs = qs.filter(ended_on__isnull=True)
    if filters.unassigned_only:
        qs = qs.filter(assigned_to__isnull=True)
    if filters.category:
        # JSON containment is not portable to SQLite; the category code is a whole quoted word in the list.
        qs = qs.filter(categories__icontains=f'"{filters.category}"')
    if filters.q:
        qs = qs.filter(person__name__startswith=filters.q)
    return qs.order_by("division_code", "person__name")


def elder_detail(user, pk: int) -> HardshipElder:
    return one(_register(), user, pk)


def elder_visits(elder: HardshipElder) -> QuerySet[Visit]:
    return elder.visits.select_related("visitor").order_by("-visited_on", "-id")


def _visited_in(month: Month):
    return Exists(
        Visit.objects.filter(
            elder=OuterRef("elder"), visited_on__gte=month.first_day, visited_on__lte=month.last_day
        )
    )


def month_plan(user, month: Month, *, division_code: str = "", mine_only: bool = False):
    """The month's assignments, each annotated ``visited`` (any visit of the elder in the month)."""
    qs = under(scoped(VisitAssignment.objects.filter(month=month.first_day), user), division_code)
    if mine_only:
        qs = qs.filter(assigned_to=user)
    return (
        qs.select_related("elder__person", "assigned_to")
        .annotate(visited=_visited_in(month))
        .order_by("visited", "division_code", "elder__person__name")
    )


def visit_list(user, *, division_code: str = "", start: date | None = None, end: date | None = None):
    qs = under(scoped(Visit.objects.select_related("elder__person", "visitor"), user), division_code)
    if start:
        qs = qs.filter(visited_on__gte=start)
    if end:
        qs = qs.filter(visited_on__lte=end)
    return qs.order_by("-visited_on", "-id")


@dataclass(frozen=True)
class VisitRate:
    due: int  # elder-months on the register
    visited: int  # of those, elder-months with at least one visit
    rate: object  # Decimal percentage or None


def visit_rate(division_code: str, start: date, end: date) -> VisitRate:
    """月探访率 over the months touching start..end: elder-months visited / elder-months on the register.

    Counted per month in SQL (two COUNTs a month), so a year is 24 small queries whatever the register size.
    """
    prefix = division_prefix(division_code)
    due = visited = 0
    for month in months_between(start, end):
        on_register = HardshipElder.objects.filter(
            division_code__startswith=prefix, registered_on__lte=month.last_day
        )
        on_register = on_register.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=month.first_day))
        due += on_register.count()
        visited += on_register.filter(
            Exists(
                Visit.objects.filter(
                    elder=OuterRef("pk"), visited_on__gte=month.first_day, visited_on__lte=month.last_day
                )
            )
        ).count()
    return VisitRate(due, visited, percentage(visited, due))


def unvisited_elders(division_code: str, month: Month) -> QuerySet[HardshipElder]:
    """Drill-down of the visit rate: elders on the register in ``month`` without a visit (no user scope —
    the page calling it scopes the division to the viewer's jurisdiction first)."""
    prefix = division_prefix(division_code)
    qs = HardshipElder.objects.filter(division_code__startswith=prefix, registered_on__lte=month.last_day)
    qs = qs.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=month.first_day))
    visits = Visit.objects.filter(
        elder=OuterRef("pk"), visited_on__gte=month.first_day, visited_on__lte=month.last_day
    )
    return qs.exclude(Exists(visits)).select_related("person", "assigned_to").order_by("division_code")
