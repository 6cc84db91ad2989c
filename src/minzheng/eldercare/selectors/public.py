"""The public institution list (no login): what a family choosing a home needs, no personal data."""

from datetime import date

from django.db.models import QuerySet

from minzheng.core.jurisdiction import division_prefix

from ..models import CreditRecord, Inspection, InspectionStatus, Institution, ProviderStatus
from .providers import with_occupancy
from .supervision import blacklisted_q


def public_institutions(
    division_code: str = "", q: str = "", on: date | None = None
) -> QuerySet[Institution]:
    """Operating institutions with beds, free beds (counted) and the rating in force; only public fields."""
    qs = Institution.objects.filter(status=ProviderStatus.OPERATING)
    if division_code:
        qs = qs.filter(division_code__startswith=division_prefix(division_code))
    if q:
        qs = qs.filter(name__contains=q)
    fields = (
        "id",
        "name",
        "nature",
        "division_code",
        "address",
        "phone",
        "beds_total",
        "nursing_beds",
        "medical_care",
    )
    return with_occupancy(qs.only(*fields), on or date.today()).order_by("division_code", "name")


def public_inspection_results(since: date) -> QuerySet[Inspection]:
    """一公开: completed inspections of random rounds and their published conclusions since ``since``."""
    qs = Inspection.objects.filter(status=InspectionStatus.DONE, inspected_on__gte=since)
    return (
        qs.select_related("institution", "round")
        .only("inspected_on", "conclusion", "division_code", "institution__name", "round__title")
        .order_by("-inspected_on", "id")
    )


def public_blacklist(on: date) -> QuerySet[CreditRecord]:
    """失信名单 in force: the institution, the reason as decided, and the term."""
    return (
        CreditRecord.objects.filter(blacklisted_q(on)).select_related("institution").order_by("-recorded_on")
    )
