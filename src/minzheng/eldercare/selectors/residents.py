"""入住记录 reads."""

from dataclasses import dataclass

from django.db.models import QuerySet

from ..models import Residency
from .common import one, scoped, under


@dataclass(frozen=True)
class ResidencyFilter:
    q: str = ""
    division_code: str = ""
    institution_id: int | None = None
    current_only: bool = True
    funding: str = ""


def residency_list(user, filters: ResidencyFilter = ResidencyFilter()) -> QuerySet[Residency]:
    qs = under(scoped(Residency.objects.select_related("person", "institution"), user), filters.division_code)
    if filters.institution_id:
        qs = qs.filter(institution_id=filters.institution_id)
    if filters.current_only:
        qs = qs.filter(discharged_on__isnull=True)
    if filters.funding:
        qs = qs.filter(funding=filters.funding)
    if filters.q:
        qs = qs.filter(person__name__startswith=filters.q)
    return qs.order_by("institution__name", "-admitted_on", "-id")


def residency_detail(user, pk: int) -> Residency:
    return one(
        Residency.objects.select_related("person", "institution", "transferred_from__institution"), user, pk
    )
