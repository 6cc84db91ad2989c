"""综合监管 reads: rounds, inspections, hazards (with overdue), ratings, credit and the 失信 list, incidents."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from ..models import CreditRecord, Hazard, HazardStatus, Incident, Inspection, InspectionRound, QualityRating
from .common import one, scoped, under


def round_list(user) -> QuerySet[InspectionRound]:
    return scoped(InspectionRound.objects.all(), user).order_by("-planned_on", "-id")


def round_detail(user, pk: int) -> InspectionRound:
    return one(InspectionRound.objects.all(), user, pk)


def round_inspections(round_: InspectionRound) -> QuerySet[Inspection]:
    return round_.inspections.select_related("institution").prefetch_related("inspectors").order_by("id")


def inspection_list(user, *, division_code: str = "", status: str = "", mine_only: bool = False):
    qs = under(scoped(Inspection.objects.select_related("institution", "round"), user), division_code)
    if status:
        qs = qs.filter(status=status)
    if mine_only:
        qs = qs.filter(inspectors=user)
    return qs.prefetch_related("inspectors").order_by("-planned_on", "-id")


def inspection_detail(user, pk: int) -> Inspection:
    return one(
        Inspection.objects.select_related("institution", "round").prefetch_related("inspectors"), user, pk
    )


@dataclass(frozen=True)
class HazardFilter:
    division_code: str = ""
    status: str = ""
    severity: str = ""
    overdue_only: bool = False
    institution_id: int | None = None


def overdue_q(on: date) -> Q:
    """Overdue: not closed and the deadline has passed without a rectification report in time."""
    return Q(status=HazardStatus.OPEN, deadline__lt=on)


def hazard_list(user, filters: HazardFilter = HazardFilter(), on: date | None = None) -> QuerySet[Hazard]:
    qs = under(scoped(Hazard.objects.select_related("institution"), user), filters.division_code)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.severity:
        qs = qs.filter(severity=filters.severity)
    if filters.institution_id:
        qs = qs.filter(institution_id=filters.institution_id)
    if filters.overdue_only:
        qs = qs.filter(overdue_q(on or date.today()))
    return qs.order_by("status", "deadline", "id")


def hazard_detail(user, pk: int) -> Hazard:
    related = ("institution", "inspection", "found_by", "rectified_by", "closed_by")
    return one(Hazard.objects.select_related(*related), user, pk)


def rating_list(user, *, division_code: str = "") -> QuerySet[QualityRating]:
    return under(scoped(QualityRating.objects.select_related("institution"), user), division_code).order_by(
        "-rated_on", "-id"
    )


def credit_list(user, *, division_code: str = "", kind: str = "") -> QuerySet[CreditRecord]:
    qs = under(scoped(CreditRecord.objects.select_related("institution"), user), division_code)
    return (qs.filter(kind=kind) if kind else qs).order_by("-recorded_on", "-id")


def blacklisted_q(on: date) -> Q:
    return Q(blacklisted=True, removed_on__isnull=True, recorded_on__lte=on, blacklist_until__gte=on)


def blacklist(user, on: date | None = None) -> QuerySet[CreditRecord]:
    """失信名单 in force on a day."""
    return scoped(CreditRecord.objects.filter(blacklisted_q(on or date.today())), user).select_related(
        "institution"
    )


def credit_detail(user, pk: int) -> CreditRecord:
    return one(CreditRecord.objects.select_related("institution"), user, pk)


def incident_list(user, *, division_code: str = "", status: str = "", kind: str = "") -> QuerySet[Incident]:
    qs = under(scoped(Incident.objects.select_related("institution"), user), division_code)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("-occurred_on", "-id")


def incident_detail(user, pk: int) -> Incident:
    return one(Incident.objects.select_related("institution", "reported_by"), user, pk)
