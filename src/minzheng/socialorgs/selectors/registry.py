"""Organisations and their applications, for lists and detail pages."""

from datetime import date

from django.db.models import Q

from ..models import Application, ApplicationStatus, NameRecord, Organisation
from .common import one, scoped, under


def organisation_list(user, *, q: str = "", kind: str = "", status: str = "", division_code: str = ""):
    rows = under(scoped(Organisation.objects.all(), user), division_code)
    if q:
        former = NameRecord.objects.filter(name__contains=q).values("organisation_id")
        rows = rows.filter(Q(name__contains=q) | Q(uscc=q.upper()) | Q(pk__in=former))
    if kind:
        rows = rows.filter(kind=kind)
    if status:
        rows = rows.filter(status=status)
    return rows.order_by("-registered_on", "-pk")


def organisation_detail(user, pk: int) -> Organisation:
    return one(Organisation.objects.all(), user, pk)


def name_history(organisation: Organisation) -> list[NameRecord]:
    return list(organisation.names.all())


def applications_of(organisation: Organisation) -> list[Application]:
    return list(
        organisation.applications.select_related("received_by", "decided_by").order_by("-received_on", "-pk")
    )


def application_list(user, *, status: str = "", kind: str = "", division_code: str = ""):
    rows = under(scoped(Application.objects.select_related("received_by"), user), division_code)
    if status:
        rows = rows.filter(status=status)
    if kind:
        rows = rows.filter(kind=kind)
    return rows.order_by("status", "due_on", "pk")


def application_detail(user, pk: int) -> Application:
    return one(Application.objects.select_related("received_by", "decided_by", "organisation"), user, pk)


def open_applications(user):
    return scoped(Application.objects.filter(status=ApplicationStatus.RECEIVED), user)


def overdue_count(user, today: date) -> int:
    return open_applications(user).filter(due_on__lt=today).count()
