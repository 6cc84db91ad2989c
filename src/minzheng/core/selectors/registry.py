"""Households and persons as screens, exports and the API read them — always inside the jurisdiction."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from ..identity import normalise_id_number
from ..jurisdiction import get_in_jurisdiction_or_404, scope
from ..models import Household, HouseholdMembership, Person
from ..permissions import Capability, require
from ..read_audit import Channel, audited_read
from ..search_terms import parse_search_term
from .search import household_pks, person_condition

_LOOKUP_CHUNK = 900  # stays under SQLite's bound-parameter limit on old builds


@dataclass(frozen=True)
class HouseholdFilter:
    """The search form above the household table."""

    q: str = ""  # 户编号, 户主姓名 or 户主身份证号
    division_code: str = ""
    area_type: str = ""
    include_dissolved: bool = False


@dataclass(frozen=True)
class PersonFilter:
    q: str = ""  # 姓名 or 身份证号
    division_code: str = ""
    sex: str = ""
    disabled_only: bool = False
    include_deceased: bool = True


def _current_members() -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=HouseholdMembership.objects.filter(valid_to__isnull=True)
        .select_related("person")
        .order_by("relation", "pk"),
        to_attr="current_memberships",
    )


def household_list(user, filters: HouseholdFilter = HouseholdFilter()) -> QuerySet[Household]:
    require(user, Capability.VIEW_REGISTRY)
    qs = scope(Household.objects.all(), user).select_related("head")
    if filters.division_code:
        qs = qs.filter(residence_division_code__startswith=_prefix(filters.division_code))
    if filters.area_type:
        qs = qs.filter(area_type=filters.area_type)
    if not filters.include_dissolved:
        qs = qs.filter(dissolved_on__isnull=True)
    if filters.q:
        q = filters.q.strip()
        found = Q(number=q) | Q(head__name__startswith=q) | Q(head__id_number=normalise_id_number(q))
        if parse_search_term(q).searchable:  # also a member's name, ID fragment or phone (全局检索)
            found |= Q(pk__in=household_pks(user, parse_search_term(q)))
        qs = qs.filter(found)
    return qs.annotate(
        member_count=Count("memberships", filter=Q(memberships__valid_to__isnull=True))
    ).order_by("number")


def household_detail(user, pk: int) -> Household:
    require(user, Capability.VIEW_REGISTRY)
    qs = Household.objects.select_related("head", "split_from").prefetch_related(_current_members())
    return get_in_jurisdiction_or_404(qs, user, pk=pk)


def read_household(user, pk: int, *, channel: Channel) -> Household:
    """家庭户详情 for someone to look at: inside the jurisdiction (404 otherwise) and audited (查看家庭)."""
    household = household_detail(user, pk)
    return audited_read(
        user, household, channel=channel, object_type="household",
        division_code=household.residence_division_code, summary=f"查看家庭 {household.number}",
    )  # fmt: skip


def household_history(household: Household) -> QuerySet:
    """Members past and present, for the detail page's 成员变动 tab."""
    return household.memberships.select_related("person").order_by("valid_from", "pk")


def person_list(user, filters: PersonFilter = PersonFilter()) -> QuerySet[Person]:
    require(user, Capability.VIEW_REGISTRY)
    qs = scope(Person.objects.all(), user)
    if filters.division_code:
        qs = qs.filter(residence_division_code__startswith=_prefix(filters.division_code))
    if filters.sex:
        qs = qs.filter(sex=filters.sex)
    if filters.disabled_only:
        qs = qs.exclude(disability_category="")
    if not filters.include_deceased:
        qs = qs.filter(is_deceased=False)
    if filters.q:
        q = filters.q.strip()
        found = Q(name__startswith=q) | Q(id_number=normalise_id_number(q))
        condition = person_condition(parse_search_term(q))  # ID fragments, given names, phone (全局检索)
        qs = qs.filter(found | condition if condition is not None else found)
    return qs.order_by("residence_division_code", "pk")


def person_detail(user, pk: int) -> Person:
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(Person.objects.all(), user, pk=pk)


def read_person(user, pk: int, *, channel: Channel) -> Person:
    """人员详情 for someone to look at: inside the jurisdiction (404 otherwise) and audited (查看人员)."""
    person = person_detail(user, pk)
    return audited_read(
        user, person, channel=channel, object_type="person",
        division_code=person.residence_division_code, summary=f"查看人员 {person.name}",
    )  # fmt: skip


def current_household_of(person: Person) -> Household | None:
    membership = person.memberships.filter(valid_to__isnull=True).select_related("household").first()
    return membership.household if membership else None


def age_bands(user, on: date) -> list[tuple[str, int]]:
    """Persons alive by age band (dashboard): counted by birth-date ranges, so it runs as SQL."""
    qs = scope(Person.objects.filter(is_deceased=False), user)
    bands = [("0-17岁", 0, 18), ("18-59岁", 18, 60), ("60-79岁", 60, 80), ("80岁及以上", 80, 200)]
    aggregates = {}
    for label, low, high in bands:
        youngest = _years_before(on, low)
        oldest = _years_before(on, high)
        aggregates[label] = Count("pk", filter=Q(birth_date__lte=youngest, birth_date__gt=oldest))
    counts = qs.aggregate(**aggregates)
    return [(label, counts[label]) for label, _, _ in bands]


def _years_before(on: date, years: int) -> date:
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February
        return on.replace(year=on.year - years, day=28)


def _prefix(code: str) -> str:
    from ..jurisdiction import division_prefix

    return division_prefix(code)


def verification_roster(
    user, *, household_ids: list[int] | None = None, division_code: str = ""
) -> list[tuple[int, str, str]]:
    """(household id, residence division code, member 公民身份号码) of the current members of households in
    the user's jurisdiction — what 家庭经济状况核对 sends to the department data. Ordered by household."""
    require(user, Capability.VIEW_REGISTRY)
    qs = scope(
        HouseholdMembership.objects.filter(valid_to__isnull=True, household__dissolved_on__isnull=True),
        user,
        "household__residence_division_code",
    )
    if division_code:
        qs = qs.filter(household__residence_division_code__startswith=_prefix(division_code))
    fields = ("household_id", "household__residence_division_code", "person__id_number")
    if household_ids is None:
        return list(qs.order_by("household_id", "pk").values_list(*fields))
    # an uploaded list may name 100,000 households: chunks keep under SQLite's bound-parameter limit
    wanted = sorted(set(household_ids))
    rows: list[tuple[int, str, str]] = []
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = qs.filter(household_id__in=wanted[start : start + _LOOKUP_CHUNK])
        rows += chunk.order_by("household_id", "pk").values_list(*fields)
    return rows


def population_rows(division_prefix: str):
    """Every person registered in a division (system jobs such as demo data, not users): plain tuples of
    (公民身份号码, name, sex, birth date, residence code, deceased, death date, is head of a household)."""
    heads = set(
        Household.objects.filter(residence_division_code__startswith=division_prefix).values_list(
            "head_id", flat=True
        )
    )
    for row in (
        Person.objects.filter(residence_division_code__startswith=division_prefix)
        .order_by("pk")
        .values_list(
            "pk",
            "id_number",
            "name",
            "sex",
            "birth_date",
            "residence_division_code",
            "is_deceased",
            "death_date",
        )
        .iterator(chunk_size=5000)
    ):
        yield (*row[1:], row[0] in heads)


@dataclass(frozen=True)
class HouseholdLocation:
    """A household named in an uploaded list, found inside the user's jurisdiction. Another region's
    household is never found (``core.jurisdiction``): it answers like one that does not exist."""

    household_id: int
    division_code: str
    dissolved: bool


def locate_households(
    user, *, numbers: Iterable[str] = (), head_id_numbers: Iterable[str] = ()
) -> tuple[dict[str, HouseholdLocation], dict[str, HouseholdLocation]]:
    """Households in the jurisdiction by 户编号 and by their head's 公民身份号码 (a current household before a
    dissolved one), for lists a caseworker uploads: ({number: location}, {head id: location}); keys not
    found — or found only outside the jurisdiction — are absent."""
    require(user, Capability.VIEW_REGISTRY)
    households = scope(Household.objects.all(), user)

    def located(row: tuple) -> HouseholdLocation:
        pk, code, dissolved_on = row[1:4]
        return HouseholdLocation(pk, code, dissolved_on is not None)

    fields = ("number", "pk", "residence_division_code", "dissolved_on")
    by_number: dict[str, HouseholdLocation] = {}
    wanted = sorted(set(numbers))
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        for row in households.filter(number__in=wanted[start : start + _LOOKUP_CHUNK]).values_list(*fields):
            by_number[row[0]] = located(row)
    by_head: dict[str, HouseholdLocation] = {}
    wanted = sorted(set(head_id_numbers))
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        rows = households.filter(head__id_number__in=wanted[start : start + _LOOKUP_CHUNK]).values_list(
            "head__id_number", *fields[1:]
        )
        for row in sorted(rows, key=lambda r: (r[3] is None, r[1])):
            by_head[row[0]] = located(row)  # a current household (sorted last) wins
    return by_number, by_head
