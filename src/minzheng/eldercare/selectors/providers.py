"""Institutions, facilities, home-care beds and staff as the pages, exports and API read them."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ..models import CommunityFacility, HomeCareBed, Institution, QualityRating, Residency, StaffMember
from .common import one, scoped, under


@dataclass(frozen=True)
class InstitutionFilter:
    q: str = ""
    division_code: str = ""
    nature: str = ""
    status: str = ""
    medical_care: str = ""


def _current_grade(on: date) -> Subquery:
    latest = QualityRating.objects.filter(
        institution=OuterRef("pk"), rated_on__lte=on, valid_until__gte=on
    ).order_by("-rated_on", "-id")
    return Subquery(latest.values("grade")[:1], output_field=IntegerField())


def with_occupancy(queryset: QuerySet[Institution], on: date) -> QuerySet[Institution]:
    """Annotate occupied beds (all, 护理型) counted from residencies, and the rating in force."""
    open_stay = Q(residencies__admitted_on__lte=on) & (
        Q(residencies__discharged_on__isnull=True) | Q(residencies__discharged_on__gt=on)
    )
    return queryset.annotate(
        occupied=Coalesce(Count("residencies", filter=open_stay), 0),
        occupied_nursing=Coalesce(
            Count("residencies", filter=open_stay & Q(residencies__bed_kind="nursing")), 0
        ),
        grade=_current_grade(on),
    )


def institution_list(user, filters: InstitutionFilter = InstitutionFilter(), on: date | None = None):
    qs = under(scoped(Institution.objects.all(), user), filters.division_code)
    if filters.q:
        qs = qs.filter(
            Q(name__contains=filters.q) | Q(operator_uscc=filters.q.upper()) | Q(filing_number=filters.q)
        )
    for name in ("nature", "status", "medical_care"):
        if getattr(filters, name):
            qs = qs.filter(**{name: getattr(filters, name)})
    return with_occupancy(qs, on or date.today()).order_by("division_code", "name")


def institution_detail(user, pk: int, on: date | None = None) -> Institution:
    return one(with_occupancy(Institution.objects.all(), on or date.today()), user, pk)


def institution_residents(institution: Institution, current_only: bool = True) -> QuerySet[Residency]:
    qs = institution.residencies.select_related("person").order_by("-admitted_on", "-id")
    return qs.filter(discharged_on__isnull=True) if current_only else qs


def institution_choices(user) -> QuerySet[Institution]:
    return scoped(Institution.objects.filter(status="operating"), user).order_by("name").only("id", "name")


@dataclass(frozen=True)
class FacilityFilter:
    q: str = ""
    division_code: str = ""
    kind: str = ""


def facility_list(user, filters: FacilityFilter = FacilityFilter()) -> QuerySet[CommunityFacility]:
    qs = under(scoped(CommunityFacility.objects.all(), user), filters.division_code)
    if filters.q:
        qs = qs.filter(name__contains=filters.q)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return qs.order_by("division_code", "name")


def facility_detail(user, pk: int) -> CommunityFacility:
    staff = StaffMember.objects.filter(left_on__isnull=True).order_by("role", "name")
    return one(CommunityFacility.objects.prefetch_related(Prefetch("staff", queryset=staff)), user, pk)


def home_bed_list(user, *, division_code: str = "", open_only: bool = True) -> QuerySet[HomeCareBed]:
    qs = under(scoped(HomeCareBed.objects.select_related("person", "institution"), user), division_code)
    return (qs.filter(ended_on__isnull=True) if open_only else qs).order_by("-started_on", "-id")


def home_bed_detail(user, pk: int) -> HomeCareBed:
    return one(HomeCareBed.objects.select_related("person", "institution"), user, pk)


def staff_list(user, *, division_code: str = "", role: str = "", current_only: bool = True):
    qs = under(scoped(StaffMember.objects.select_related("institution", "facility"), user), division_code)
    if role:
        qs = qs.filter(role=role)
    return (qs.filter(left_on__isnull=True) if current_only else qs).order_by("division_code", "name")


def staff_detail(user, pk: int) -> StaffMember:
    return one(StaffMember.objects.all(), user, pk)
