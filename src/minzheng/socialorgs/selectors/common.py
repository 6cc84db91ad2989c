"""Scoping by ``division_code`` (the registry's division): another registry's record answers 404."""

from django.db.models import QuerySet

from minzheng.core.jurisdiction import InvalidDivisionCode, division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, require

FIELD = "division_code"


def scoped(queryset: QuerySet, user) -> QuerySet:
    require(user, Capability.VIEW_REGISTRY)
    return scope(queryset, user, FIELD)


def one(queryset: QuerySet, user, pk: int):
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(queryset, user, FIELD, pk=pk)


def under(queryset: QuerySet, division_code: str) -> QuerySet:
    """Narrow to a division named in the query string (inside the jurisdiction already); a code that is not
    one filters nothing out rather than failing the page."""
    try:
        prefix = division_prefix(division_code) if division_code else ""
    except InvalidDivisionCode:
        prefix = ""
    return queryset.filter(division_code__startswith=prefix) if prefix else queryset
