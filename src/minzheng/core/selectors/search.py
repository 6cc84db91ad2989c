"""全局检索 in the registry: persons and households by name, ID fragment, 户编号 or phone — inside the user's
jurisdiction, ID numbers masked, every reading answered from an index (ADR 0013).

Other domains find *their* records of a person through ``person_pks`` / ``household_pks``: bounded subqueries
(at most ``MATCH_CAP`` rows), so "黄" among a million persons costs them a few hundred index lookups, not a join
over every 黄.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse

from ..identity import mask_id_number
from ..jurisdiction import get_in_jurisdiction_or_404, scope
from ..models import Household, HouseholdMembership, Person
from ..permissions import Capability, has_capability
from ..search_terms import SearchTerm, parse_search_term, reversed_text
from .divisions import names_of

LIMIT = 20  # hits per kind on one page
MATCH_CAP = 200  # persons/households another domain's search starts from


@dataclass(frozen=True)
class SearchHit:
    """One found record as a result line or picker option: never a full ID number (masked in ``detail``)."""

    pk: int
    title: str
    detail: str
    url: str


def starts_with(field: str, prefix: str) -> Q:
    """``field`` begins with ``prefix``, answered from the column's index on both databases.

    PostgreSQL: LIKE 'p%' uses the ``varchar_pattern_ops`` index Django adds to every indexed CharField.
    SQLite: LIKE is case-insensitive and never uses an ordinary index; a range over the code points does
    (every text starting with p sorts in [p, p with its last character incremented) in BINARY order)."""
    if connection.vendor == "sqlite" and prefix and ord(prefix[-1]) < 0x10FFFF:
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return Q(**{f"{field}__gte": prefix, f"{field}__lt": upper})
    return Q(**{f"{field}__startswith": prefix})


def ends_with(reversed_field: str, suffix: str) -> Q:
    return starts_with(reversed_field, reversed_text(suffix))


def person_parts(term: SearchTerm) -> list[Q]:
    """The ways a person matches the term, each answered by one index (name, reversed name, ID number,
    reversed ID number, phone)."""
    parts: list[Q] = []
    if term.is_full_id:
        parts.append(Q(id_number=term.text))
    if term.id_tail:
        parts.append(ends_with("id_number_reversed", term.id_tail))
    if term.id_head:
        parts.append(starts_with("id_number", term.id_head))
    if term.phone:
        parts.append(starts_with("phone", term.phone))
    if term.number and not term.digits:  # 临时编号 LS…
        parts.append(starts_with("id_number", term.number))
    if term.name:
        parts.append(starts_with("name", term.name))
        parts.append(ends_with("name_reversed", term.name))
    return parts


def person_condition(term: SearchTerm) -> Q | None:
    """How a person matches the term, as one condition (None: the term names no person)."""
    parts = person_parts(term)
    if not parts:
        return None
    found = parts[0]
    for part in parts[1:]:
        found |= part
    return found


def _remembered(term: SearchTerm, user, reading: str, compute):
    key = (getattr(user, "pk", None), getattr(user, "division_code", ""), reading)
    if key not in term.found:
        term.found[key] = compute()
    return term.found[key]


_PERSON_ROW = ("pk", "name", "id_number", "residence_division_code", "is_deceased")


def _person_rows(user, term: SearchTerm) -> list[tuple]:
    """At most ``MATCH_CAP`` persons in the jurisdiction matching the term, exact names first, as
    ``_PERSON_ROW`` tuples (remembered: the page's groups and the 人员 list all start from them).

    One query per reading, each on its own index with its own LIMIT: with the readings OR-ed and a LIMIT,
    PostgreSQL expects to meet enough matches early in a sequential scan and reads the whole table when they
    are rare."""

    def compute() -> list[tuple]:
        if not has_capability(user, Capability.VIEW_REGISTRY):
            return []
        parts = ([Q(name=term.name)] if term.name else []) + person_parts(term)
        found: dict[int, tuple] = {}
        for part in parts:
            if len(found) >= MATCH_CAP:
                break
            for row in scope(Person.objects.filter(part), user).values_list(*_PERSON_ROW)[:MATCH_CAP]:
                found.setdefault(row[0], row)
        return list(found.values())[:MATCH_CAP]

    return _remembered(term, user, "persons", compute)


def person_pks(user, term: SearchTerm) -> list[int]:
    """Primary keys of those persons. A list, not a subquery: "x = ANY(list) OR number LIKE …" lets
    PostgreSQL combine two indexes, where "x IN (subquery) OR …" tests the subquery against every row."""
    return [row[0] for row in _person_rows(user, term)]


def person_id_numbers(user, term: SearchTerm) -> list[str]:
    """公民身份号码 of those persons, for records that name a person by number (never shown)."""
    return [row[2] for row in _person_rows(user, term)]


def household_pks(user, term: SearchTerm) -> list[int]:
    """Households in the jurisdiction by 户编号, or whose current member matches the term (at most
    ``MATCH_CAP`` of each)."""
    return _remembered(
        term,
        user,
        "households",
        lambda: list(_households(user, term).values_list("pk", flat=True)[: 2 * MATCH_CAP]),
    )


def _households(user, term: SearchTerm, *, open_only: bool = False) -> QuerySet[Household]:
    if not has_capability(user, Capability.VIEW_REGISTRY):
        return Household.objects.none()
    parts: list[Q] = []
    if term.number and term.digits:
        # a township's 9 digits would be thousands of households: a prefix counts from 12 digits on
        parts.append(starts_with("number", term.number) if len(term.number) >= 12 else Q(number=term.number))
    persons = person_pks(user, term) if person_condition(term) is not None else []
    if persons:
        members = HouseholdMembership.objects.filter(valid_to__isnull=True, person__in=persons)
        parts.append(Q(pk__in=list(members.values_list("household_id", flat=True))))
    if not parts:
        return Household.objects.none()
    found = parts[0]
    for part in parts[1:]:
        found |= part
    households = scope(Household.objects.filter(found), user)
    return households.filter(dissolved_on__isnull=True) if open_only else households


def search_persons(user, term: SearchTerm, limit: int = LIMIT) -> list[SearchHit]:
    """人员 matching the term: name, masked ID, where they live; linked to the person page. Exact names first,
    then by name; a surname alone matches tens of thousands, of which the first ``MATCH_CAP`` found count."""
    rows = sorted(_person_rows(user, term), key=lambda row: (row[1] != term.name, row[1], row[0]))[:limit]
    names = names_of({row[3] for row in rows})
    return [
        SearchHit(
            pk,
            name,
            " · ".join(
                part
                for part in (mask_id_number(id_number), names.get(code, ""), "已死亡" if deceased else "")
                if part
            ),
            reverse("core:person_detail", args=[pk]),
        )
        for pk, name, id_number, code, deceased in rows
    ]


def search_households(
    user, term: SearchTerm, limit: int = LIMIT, *, open_only: bool = False
) -> list[SearchHit]:
    """家庭 by 户编号 or a current member: number, head (masked ID), where; linked to the household page."""
    rows = list(
        _households(user, term, open_only=open_only)
        .order_by("number")
        .values_list(
            "pk", "number", "head__name", "head__id_number", "residence_division_code", "dissolved_on"
        )[:limit]
    )
    names = names_of({row[4] for row in rows})
    return [
        SearchHit(
            pk,
            f"户编号 {number}",
            " · ".join(
                part
                for part in (
                    f"户主 {head}" if head else "",
                    mask_id_number(head_id or ""),
                    names.get(code, ""),
                    "已销户" if dissolved else "",
                )
                if part
            ),
            reverse("core:household_detail", args=[pk]),
        )
        for pk, number, head, head_id, code, dissolved in rows
    ]


# --- pickers: one record chosen by its primary key, checked again on the server --------------------------


def person_option(user, pk) -> SearchHit | None:
    """The person ``pk`` as a picker shows it, if it is in the user's jurisdiction (else None, like a missing
    one)."""
    person = _one(Person.objects.all(), user, pk)
    if person is None:
        return None
    return SearchHit(
        person.pk,
        person.name,
        mask_id_number(person.id_number),
        reverse("core:person_detail", args=[person.pk]),
    )


def household_option(user, pk) -> SearchHit | None:
    household = _one(Household.objects.select_related("head").filter(dissolved_on__isnull=True), user, pk)
    if household is None:
        return None
    head = household.head
    detail = f"户主 {head.name} {mask_id_number(head.id_number)}" if head else ""
    return SearchHit(
        household.pk,
        f"户编号 {household.number}",
        detail,
        reverse("core:household_detail", args=[household.pk]),
    )


def _one(queryset: QuerySet, user, pk):
    if not has_capability(user, Capability.VIEW_REGISTRY):
        return None
    try:
        key = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < key < 2**63:
        return None
    from django.http import Http404

    try:
        return get_in_jurisdiction_or_404(queryset, user, pk=key)
    except Http404:
        return None


__all__ = [
    "LIMIT",
    "SearchHit",
    "household_option",
    "household_pks",
    "parse_search_term",
    "person_id_numbers",
    "person_option",
    "person_pks",
    "search_households",
    "search_persons",
    "starts_with",
]
