"""Display helpers: masked IDs, money as ¥1,234.50, dates as 2025-01-31, code labels."""

from decimal import Decimal

from django import template
from django.utils.http import urlencode

from minzheng.core import codes
from minzheng.core.identity import mask_id_number

register = template.Library()

_RELATIONS = dict(codes.RELATIONS)
_SEXES = dict(codes.SEXES)


@register.filter
def masked(id_number: str) -> str:
    return mask_id_number(id_number or "")


@register.filter
def yuan(amount) -> str:
    if amount in (None, ""):
        return ""
    return f"¥{Decimal(amount):,.2f}"


@register.filter
def ymd(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


@register.filter
def relation_label(code: str) -> str:
    return _RELATIONS.get(code, code)


@register.filter
def sex_label(code: str) -> str:
    return _SEXES.get(code, "")


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination keeps the search form)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + urlencode(params, doseq=True)


@register.inclusion_tag("web/division_picker.html", takes_context=True)
def division_picker(context, name: str, value: str = ""):
    """区划选择: starts at the user's own division; each choice loads the next level (htmx)."""
    from minzheng.core.selectors.divisions import children_in_jurisdiction, division_name

    user = context["request"].user
    return {
        "name": name,
        "value": value,
        "root_code": user.division_code,
        "root_name": division_name(user.division_code),
        "options": children_in_jurisdiction(user, user.division_code),
    }


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None
