"""Scoping of the 救助管理 reads by ``division_code`` (the station's, or the 易走失 person's residence)."""

from django.db.models import QuerySet

from minzheng.core.jurisdiction import division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, has_capability, require

FIELD = "division_code"


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


def is_handler(user) -> bool:
    """Health notes, photo, fingerprint and DNA ids are for the station's handlers only."""
    return has_capability(user, Capability.MANAGE_RESCUE)
