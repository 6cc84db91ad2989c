"""执法 records, scoped by registry."""

from ..models import InspectionRound, OrgInspection, PenaltyCase
from .common import one, scoped


def round_list(user):
    return scoped(InspectionRound.objects.all(), user).order_by("-drawn_on", "-pk")


def round_detail(user, pk: int) -> InspectionRound:
    return one(InspectionRound.objects.all(), user, pk)


def inspections_in(round_, user) -> list[OrgInspection]:
    return list(
        scoped(
            round_.inspections.select_related("organisation").prefetch_related("inspectors"), user
        ).order_by("pk")
    )


def inspection_detail(user, pk: int) -> OrgInspection:
    return one(OrgInspection.objects.select_related("round", "organisation"), user, pk)


def case_list(user):
    return scoped(PenaltyCase.objects.select_related("organisation"), user).order_by(
        "status", "-opened_on", "-pk"
    )


def case_detail(user, pk: int) -> PenaltyCase:
    return one(PenaltyCase.objects.select_related("organisation", "entered_by", "decided_by"), user, pk)


def cases_of(organisation) -> list[PenaltyCase]:
    return list(organisation.penalties.order_by("-opened_on", "-pk"))
