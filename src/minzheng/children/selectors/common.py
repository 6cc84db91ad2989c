"""Shared pieces of the 儿童福利 selectors: scoping, names shown only to those who handle children."""

from django.db.models import QuerySet

from minzheng.core.identity import mask_name
from minzheng.core.jurisdiction import division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.registry import person_list

FIELD = "division_code"
HANDLING = (Capability.MANAGE_CHILDREN, Capability.CHECK_CHILD_ALLOWANCE, Capability.CONFIRM_CHILD_ALLOWANCE)


def scoped(queryset: QuerySet, user) -> QuerySet:
    require(user, Capability.VIEW_REGISTRY)
    return scope(queryset, user, FIELD)


def one(queryset: QuerySet, user, pk: int):
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(queryset, user, FIELD, pk=pk)


def under(queryset: QuerySet, division_code: str) -> QuerySet:
    return (
        queryset.filter(division_code__startswith=division_prefix(division_code))
        if division_code
        else queryset
    )


def handles_children(user) -> bool:
    """儿童主任, 儿童督导员 and the confirming county staff see children's names; others (leaders …) masked."""
    return any(has_capability(user, capability) for capability in HANDLING)


def shown_name(user, name: str) -> str:
    return name if handles_children(user) else mask_name(name)


def person_by_pk(user, pk: int):
    return person_list(user).filter(pk=pk).first()
