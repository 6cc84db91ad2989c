"""殡葬监管 reads, scoped by the facility's division."""

from django.db.models import QuerySet

from ..models import FacilityLicence, SupervisionInspection, Violation
from .common import one, scoped


def inspections(user) -> QuerySet[SupervisionInspection]:
    return scoped(SupervisionInspection.objects.select_related("round"), user).order_by(
        "status", "-planned_on", "pk"
    )


def inspection_for_action(user, pk: int) -> SupervisionInspection:
    return one(SupervisionInspection.objects.all(), user, pk)


def violations(user) -> QuerySet[Violation]:
    return scoped(Violation.objects.all(), user).order_by("status", "rectify_by", "pk")


def violation_for_action(user, pk: int) -> Violation:
    return one(Violation.objects.all(), user, pk)


def licences(user) -> QuerySet[FacilityLicence]:
    return scoped(FacilityLicence.objects.all(), user).order_by("facility_name", "-issued_on")


def inspector_names(inspections) -> dict[int, str]:
    """The drawn inspectors' names for a page of inspections, in one query."""
    from minzheng.core.models import User

    ids = {i for x in inspections for i in x.inspector_ids}
    return dict(User.objects.filter(pk__in=ids).values_list("pk", "full_name"))
