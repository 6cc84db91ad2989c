"""Shared pieces of the 养老服务 selectors: scoping by ``division_code``, persons picked by ID number."""

from django.db.models import QuerySet

from minzheng.core.identity import normalise_id_number
from minzheng.core.jurisdiction import division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.registry import PersonFilter, person_list

FIELD = "division_code"


def scoped(queryset: QuerySet, user) -> QuerySet:
    require(user, Capability.VIEW_REGISTRY)
    return scope(queryset, user, FIELD)


def one(queryset: QuerySet, user, pk: int):
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(queryset, user, FIELD, pk=pk)


def under(queryset: QuerySet, division_code: str) -> QuerySet:
    """Narrow to a division chosen in the search form (inside the jurisdiction already)."""
    return (
        queryset.filter(division_code__startswith=division_prefix(division_code))
        if division_code
        else queryset
    )


def person_by_pk(user, pk: int):
    """The person ``pk`` inside the user's jurisdiction, or ``None`` (a picker's choice, checked again)."""
    return person_list(user).filter(pk=pk).first()


def person_by_id_number(user, id_number: str):
    """The living or deceased person with this ID number inside the user's jurisdiction, or ``None``."""
    number = normalise_id_number((id_number or "").strip())
    if not number:
        return None
    return person_list(user, PersonFilter(q=number)).filter(id_number=number).first()
