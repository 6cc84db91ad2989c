"""Scoping by ``division_code`` (where the named thing lies): another county's record answers 404."""

from django.db.models import Q, QuerySet
from django.http import Http404

from minzheng.core.jurisdiction import InvalidDivisionCode, division_prefix, get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, require

FIELD = "division_code"


def scoped(queryset: QuerySet, user) -> QuerySet:
    require(user, Capability.VIEW_REGISTRY)
    return scope(queryset, user, FIELD)


def one(queryset: QuerySet, user, pk: int):
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(queryset, user, FIELD, pk=pk)


def under(queryset: QuerySet, division_code: str, field: str = FIELD) -> QuerySet:
    try:
        prefix = division_prefix(division_code) if division_code else ""
    except InvalidDivisionCode:
        prefix = ""
    return queryset.filter(**{f"{field}__startswith": prefix}) if prefix else queryset


def either_side(queryset: QuerySet, user, prefix_field: str = "") -> QuerySet:
    """A boundary (or what hangs on it) is in the jurisdiction of both its sides."""
    require(user, Capability.VIEW_REGISTRY)
    if not user.division_code:
        return queryset.none()
    prefix = division_prefix(user.division_code)
    if not prefix:
        return queryset
    return queryset.filter(
        Q(**{f"{prefix_field}side_a_code__startswith": prefix})
        | Q(**{f"{prefix_field}side_b_code__startswith": prefix})
    )


def one_on_side(queryset: QuerySet, user, pk: int, prefix_field: str = ""):
    row = either_side(queryset, user, prefix_field).filter(pk=pk).first()
    if row is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return row


def division_choices(user, max_level: int = 4) -> list[tuple[str, str]]:
    """The divisions a user may file a name under (their own and below, to township level)."""
    from minzheng.core.models import Division

    prefix = division_prefix(user.division_code or "") if user and user.division_code else None
    if prefix is None:
        return []
    rows = (
        Division.objects.filter(code__startswith=prefix, valid_to__isnull=True, level__lte=max_level)
        .order_by("code")
        .values_list("code", "name", "level")
    )
    return [(code, "　" * max(level - 2, 0) + name) for code, name, level in rows]
