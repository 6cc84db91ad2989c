"""Whose file to open: persons and households of the jurisdiction matching a name, ID number or 户编号."""

from dataclasses import dataclass

from django.urls import reverse

from minzheng.core.identity import mask_id_number
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import names_of
from minzheng.core.selectors.registry import HouseholdFilter, PersonFilter, household_list, person_list

from .files import _shown

_MOST = 50  # a search box, not an export: the 人员 and 家庭户 lists page through the rest


@dataclass(frozen=True)
class Hit:
    label: str
    kind: str
    id_number: str  # masked
    division: str
    url: str


def find_subjects(user, q: str) -> list[Hit]:
    require(user, Capability.VIEW_REGISTRY)
    if not q:
        return []
    name = _shown(user)
    persons = list(person_list(user, PersonFilter(q=q))[:_MOST])
    households = list(household_list(user, HouseholdFilter(q=q, include_dissolved=True))[:_MOST])
    names = names_of(
        {p.residence_division_code for p in persons} | {h.residence_division_code for h in households}
    )
    hits = [
        Hit(name(p.name), "个人", mask_id_number(p.id_number), names.get(p.residence_division_code, ""),
            reverse("datacenter:person_file", args=[p.pk]))
        for p in persons
    ]  # fmt: skip
    hits += [
        Hit(h.number, "家庭", mask_id_number(h.head.id_number) if h.head else "—",
            names.get(h.residence_division_code, ""), reverse("datacenter:household_file", args=[h.pk]))
        for h in households
    ]  # fmt: skip
    return hits
