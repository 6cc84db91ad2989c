"""Reads for the facility, worker, grid and event pages."""

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from ..models import Committee, CommitteeKind, CommunityWorker, Grid
from .common import scoped, under


def facility_rows(user, *, kind: str = "", division_code: str = "") -> QuerySet:
    rows = under(scoped(Committee.objects.all(), user), division_code)
    if kind:
        rows = rows.filter(kind=kind)
    open_centre = Q(centres__closed_on__isnull=True)
    return rows.annotate(
        area=Coalesce(Sum("centres__area_m2", filter=open_centre), Value(0), output_field=DecimalField()),
        centre_count=Count("centres", filter=open_centre),
        with_volunteers=Count("centres", filter=open_centre & Q(centres__volunteer_station=True)),
    ).order_by("division_code")


def coverage(user, division_code: str = "") -> dict[str, tuple[int, int]]:
    """Per kind: (committees with an open service centre, committees)."""
    rows = under(scoped(Committee.objects.all(), user), division_code)
    counted = rows.values("kind").annotate(
        n=Count("pk", distinct=True),
        covered=Count("pk", filter=Q(centres__closed_on__isnull=True), distinct=True),
    )
    return {r["kind"]: (r["covered"], r["n"]) for r in counted}


def worker_list(user, *, division_code: str = "") -> QuerySet:
    rows = under(
        scoped(CommunityWorker.objects.filter(left_on__isnull=True).select_related("committee"), user),
        division_code,
    )
    return rows.order_by("division_code", "post", "pk")


def worker_totals(user, division_code: str = "") -> tuple[int, int]:
    """(社区工作者 in post, population of the residents' committees) in the jurisdiction."""
    workers = under(scoped(CommunityWorker.objects.filter(left_on__isnull=True), user), division_code).count()
    residents = (
        under(scoped(Committee.objects.filter(kind=CommitteeKind.RESIDENTS), user), division_code).aggregate(
            n=Sum("population")
        )["n"]
        or 0
    )
    return workers, residents


def grid_households(grid: Grid) -> QuerySet:
    return grid.attached.select_related("household").order_by("household__number")
