"""Reads of committees and what hangs on them, for the pages."""

from django.db.models import Count, Q, QuerySet

from ..models import (
    Committee,
    DisclosureItem,
    ElectionRound,
    Grid,
    GridEvent,
    Meeting,
    Member,
    Objection,
    Recall,
)
from .common import one, scoped, under


def committee_list(user, *, kind: str = "", q: str = "", division_code: str = "") -> QuerySet:
    rows = under(scoped(Committee.objects.all(), user), division_code)
    if kind:
        rows = rows.filter(kind=kind)
    if q:
        rows = rows.filter(name__contains=q)
    return rows.annotate(
        sitting=Count("members", filter=Q(members__ended_on__isnull=True), distinct=True),
        women=Count("members", filter=Q(members__ended_on__isnull=True, members__sex="2"), distinct=True),
    ).order_by("division_code")


def committee_detail(user, pk: int) -> Committee:
    return one(Committee.objects.all(), user, pk)


def member_detail(user, pk: int) -> Member:
    return one(Member.objects.select_related("committee"), user, pk, "committee__division_code")


def round_list(user, *, status: str = "", year: int | None = None, division_code: str = "") -> QuerySet:
    rows = under(scoped(ElectionRound.objects.select_related("committee"), user), division_code)
    if status:
        rows = rows.filter(status=status)
    if year:
        rows = rows.filter(round_year=year)
    return rows.annotate(
        open_objections=Count("objections", filter=Q(objections__answered_on__isnull=True))
    ).order_by("election_on", "pk")


def round_detail(user, pk: int) -> ElectionRound:
    return one(ElectionRound.objects.select_related("committee"), user, pk)


def objection_detail(user, pk: int) -> Objection:
    return one(Objection.objects.select_related("round"), user, pk, "round__division_code")


def recall_detail(user, pk: int) -> Recall:
    return one(Recall.objects.select_related("member__committee"), user, pk)


def meeting_detail(user, pk: int) -> Meeting:
    return one(Meeting.objects.select_related("committee"), user, pk)


def disclosure_list(user, *, category: str = "", state: str = "", division_code: str = "", today=None):
    rows = under(scoped(DisclosureItem.objects.select_related("committee"), user), division_code)
    if category:
        rows = rows.filter(category=category)
    if state == "open":
        rows = rows.filter(published_on__isnull=True)
    elif state == "overdue" and today is not None:
        rows = rows.filter(published_on__isnull=True, due_on__lt=today)
    return rows.order_by("published_on", "due_on", "pk")


def disclosure_detail(user, pk: int) -> DisclosureItem:
    return one(DisclosureItem.objects.select_related("committee"), user, pk)


def grid_detail(user, pk: int) -> Grid:
    return one(Grid.objects.select_related("committee", "group"), user, pk)


def event_detail(user, pk: int) -> GridEvent:
    return one(GridEvent.objects.select_related("grid", "reported_by", "household"), user, pk)


def event_list(user, *, status: str = "", division_code: str = "") -> QuerySet:
    rows = under(scoped(GridEvent.objects.select_related("grid", "reported_by"), user), division_code)
    return rows.filter(status=status) if status else rows


def recalls_of(committee: Committee) -> QuerySet:
    return (
        Recall.objects.filter(member__committee=committee).select_related("member").order_by("-proposed_on")
    )
