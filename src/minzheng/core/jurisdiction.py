"""Jurisdiction (管辖范围): ONE mechanism, applied where data is fetched.

A user works for one division; everything whose division code starts with that division's prefix is theirs.
Selectors call ``scope()`` on every queryset they return and ``get_in_jurisdiction_or_404()`` for single
records, so a record of another region answers 404 (it does not exist for this user), never 403.

The same holds for records named by a natural key in an upload or a form (户编号, 公民身份号码): lookups
``scope()`` their query, so another region's record answers exactly like a missing one. Only a path that
*creates* a person cannot pretend — one person, one record (一人一档) — and it answers ``NOT_REGISTRABLE_HERE``
whatever the other record holds (name, household, alive or not): no household number, no name confirmed.
See docs/adr/0006-no-existence-oracles.md.
"""

from django.db.models import QuerySet
from django.http import Http404

from .errors import MinzhengError

# Significant digits of a 12-digit code at each level: province, city, county, township, village.
LEVEL_LENGTHS = (2, 4, 6, 9, 12)

NOT_REGISTRABLE_HERE = "该公民身份号码无法在本辖区登记，请联系上级民政部门核实"


class InvalidDivisionCode(MinzhengError, ValueError):
    code = "invalid_division_code"


def parse_division_code(text, *, field: str = "division_code", label: str = "行政区划代码") -> str:
    """The one parser of a division code as typed anywhere (API, form, query string): any spelling of a
    division (``2106``, ``210600``, ``210600000000``) becomes its 12-digit code, empty stays empty, and
    anything else — letters, 13 digits, full-width digits — raises ``InvalidDivisionCode`` (400)."""
    code = (text if isinstance(text, str) else "" if text is None else str(text)).strip()
    if not code:
        return ""
    if not (code.isascii() and code.isdigit()) or len(code) > 12:
        raise InvalidDivisionCode(f"{label}应为不超过12位的数字，如 210602 或 210602000000", field=field)
    return code.ljust(12, "0")


def division_prefix(code: str) -> str:
    """The significant prefix of a division code: 210602000000 → 210602; 000000000000 → '' (whole country)."""
    code = parse_division_code(code) or "0" * 12
    if code == "0" * 12:
        return ""
    for length in LEVEL_LENGTHS:
        if set(code[length:]) <= {"0"}:
            return code[:length]
    return code


def division_level(code: str) -> int:
    """1 province … 5 village; 0 for the whole country."""
    prefix = division_prefix(code)
    return LEVEL_LENGTHS.index(len(prefix)) + 1 if prefix else 0


def full_code(prefix: str) -> str:
    return parse_division_code(prefix) or "0" * 12


def child_prefix_length(code: str) -> int:
    """Digits that identify the children of a division (a province's children are 4-digit prefixes)."""
    level = division_level(code)
    return LEVEL_LENGTHS[min(level, len(LEVEL_LENGTHS) - 1)]


def covers(user_division_code: str, record_division_code: str) -> bool:
    record = parse_division_code(record_division_code) if record_division_code else ""
    return record.startswith(division_prefix(user_division_code))


def scope(queryset: QuerySet, user, field: str = "residence_division_code") -> QuerySet:
    """Limit a queryset to the user's jurisdiction. Users without a division see nothing."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.division_code:
        return queryset.none()
    prefix = division_prefix(user.division_code)
    if not prefix:
        return queryset
    return queryset.filter(**{f"{field}__startswith": prefix})


def get_in_jurisdiction_or_404(queryset: QuerySet, user, field: str = "residence_division_code", **lookup):
    try:
        return scope(queryset, user, field).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404("记录不存在或不在您的管辖范围内") from None
