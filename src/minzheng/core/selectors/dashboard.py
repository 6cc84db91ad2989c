"""首页 figures for the user's division: live counts and the breakdown by subordinate division."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import Substr

from ..jurisdiction import child_prefix_length, division_prefix, full_code, scope
from ..models import Household, HouseholdMembership, Person
from ..permissions import Capability, require
from .divisions import names_of
from .registry import age_bands


@dataclass
class DashboardFigures:
    households: int
    persons: int
    deceased: int
    disabled: int
    urban_households: int
    rural_households: int
    by_division: list[tuple[str, str, int, int]]  # code, name, households, persons
    age_bands: list[tuple[str, int]]


def dashboard_figures(user, on: date) -> DashboardFigures:
    require(user, Capability.VIEW_REGISTRY)
    households = scope(Household.objects.filter(dissolved_on__isnull=True), user)
    persons = scope(Person.objects.all(), user)
    hh = households.aggregate(
        total=Count("pk"),
        urban=Count("pk", filter=Q(area_type=Household.URBAN)),
        rural=Count("pk", filter=Q(area_type=Household.RURAL)),
    )
    pp = persons.aggregate(
        total=Count("pk", filter=Q(is_deceased=False)),
        deceased=Count("pk", filter=Q(is_deceased=True)),
        disabled=Count("pk", filter=Q(is_deceased=False) & ~Q(disability_category="")),
    )
    length = child_prefix_length(user.division_code)
    if len(division_prefix(user.division_code)) >= 12:
        length = 12
    hh_by = dict(
        households.annotate(part=Substr("residence_division_code", 1, length))
        .values("part")
        .annotate(n=Count("pk"))
        .values_list("part", "n")
    )
    members = scope(
        HouseholdMembership.objects.filter(valid_to__isnull=True, household__dissolved_on__isnull=True),
        user,
        "household__residence_division_code",
    )
    pp_by = dict(
        members.annotate(part=Substr("household__residence_division_code", 1, length))
        .values("part")
        .annotate(n=Count("pk"))
        .values_list("part", "n")
    )
    names = names_of({full_code(p) for p in hh_by})
    by_division = sorted(
        ((full_code(p), names.get(full_code(p), full_code(p)), n, pp_by.get(p, 0)) for p, n in hh_by.items()),
        key=lambda row: row[0],
    )
    return DashboardFigures(
        households=hh["total"],
        persons=pp["total"],
        deceased=pp["deceased"],
        disabled=pp["disabled"],
        urban_households=hh["urban"],
        rural_households=hh["rural"],
        by_division=by_division,
        age_bands=age_bands(user, on),
    )
