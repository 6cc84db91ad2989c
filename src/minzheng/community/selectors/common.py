"""Scoping by ``division_code`` (the village or community's code): another region's record answers 404."""

from django.db.models import QuerySet

from minzheng.core.jurisdiction import InvalidDivisionCode, division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, require


def scoped(queryset: QuerySet, user, field: str = "division_code") -> QuerySet:
    require(user, Capability.VIEW_REGISTRY)
    return scope(queryset, user, field)


def one(queryset: QuerySet, user, pk: int, field: str = "division_code"):
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(queryset, user, field, pk=pk)


def under(queryset: QuerySet, division_code: str, field: str = "division_code") -> QuerySet:
    """Narrow to a division named in the query string; a code that is not one filters nothing out."""
    try:
        prefix = division_prefix(division_code) if division_code else ""
    except InvalidDivisionCode:
        prefix = ""
    return queryset.filter(**{f"{field}__startswith": prefix}) if prefix else queryset
