"""Scoping every 婚姻登记 read by the registry's ``division_code`` (the user's jurisdiction)."""

from django.db.models import QuerySet

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, require

FIELD = "division_code"


def scoped(queryset: QuerySet, user) -> QuerySet:
    require(user, Capability.VIEW_REGISTRY)
    return scope(queryset, user, FIELD)


def one(queryset: QuerySet, user, pk: int):
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(queryset, user, FIELD, pk=pk)
