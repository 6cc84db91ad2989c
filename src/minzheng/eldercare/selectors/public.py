"""The public institution list (no login): what a family choosing a home needs, no personal data."""

from datetime import date

from django.db.models import QuerySet

from minzheng.core.jurisdiction import division_prefix

from ..models import Institution, ProviderStatus
from .providers import with_occupancy


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
