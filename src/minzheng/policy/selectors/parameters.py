"""政策参数 as the list page shows them."""

from dataclasses import dataclass

from django.db.models import QuerySet

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.selectors.divisions import names_of

from ..models import PolicyParameter
from .visibility import visible


@dataclass(frozen=True)
class ParameterFilter:
    name: str = ""
    division_code: str = ""
    current_only: bool = False


def parameter_list(user, filters: ParameterFilter = ParameterFilter()) -> QuerySet[PolicyParameter]:
    qs = visible(PolicyParameter.objects.all(), user)
    if filters.name:
        qs = qs.filter(name=filters.name)
    if filters.division_code and division_prefix(filters.division_code):
        qs = qs.filter(division_code__startswith=division_prefix(filters.division_code))
    if filters.current_only:
        qs = qs.filter(valid_to__isnull=True)
    return qs.order_by("name", "division_code", "-effective_from")


def division_names(records) -> dict[str, str]:
    """Names of the divisions of a page of records (one query); the whole country is 全国."""
    codes = {r.division_code for r in records}
    names = names_of(codes)
    return {code: ("全国" if not division_prefix(code) else names.get(code, code)) for code in codes}
