"""Which policy records a user may see: their jurisdiction plus the divisions above it."""

from django.db.models import Q, QuerySet
from django.http import Http404

from minzheng.core.jurisdiction import division_prefix

from ..rules import ancestor_division_codes


def visible_division_q(user, field: str = "division_code") -> Q | None:
    """Records inside the jurisdiction, or set for an ancestor (national, province, city …) that applies to it.
    ``None``: the user sees nothing (not signed in, or no division)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.division_code:
        return None
    prefix = division_prefix(user.division_code)
    return Q(**{f"{field}__startswith": prefix}) | Q(
        **{f"{field}__in": ancestor_division_codes(user.division_code)}
    )


def visible(queryset: QuerySet, user, field: str = "division_code") -> QuerySet:
    condition = visible_division_q(user, field)
    return queryset.none() if condition is None else queryset.filter(condition)


def division_visible_to(user, division_code: str) -> bool:
    """A division the user may ask about: inside the jurisdiction or above it (ancestors' policy applies)."""
    if not user.division_code or not division_code:
        return False
    own, asked = division_prefix(user.division_code), division_prefix(division_code)
    return asked.startswith(own) or own.startswith(asked)


def visible_or_404(queryset: QuerySet, user, **lookup):
    """One record the user may see, else 404 (another region's record does not exist for them)."""
    try:
        return visible(queryset, user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404("记录不存在或不在您的管辖范围内") from None
