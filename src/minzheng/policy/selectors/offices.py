"""文书机关 as documents and pages use them: a division's office with its defaults filled in."""

from dataclasses import dataclass

from minzheng.core.jurisdiction import division_level, division_prefix, full_code, scope
from minzheng.core.selectors.divisions import division_path

from ..models import IssuingOffice
from ..rules.documents import DEFAULT_SUPERVISION_PHONE, default_abbreviation, office_name


@dataclass(frozen=True)
class OfficeProfile:
    division_code: str
    name: str  # heading and seal (抬头、落款)
    abbreviation: str  # 机关代字 of its 文号
    supervision_phone: str
    configured: bool  # False: every value is a default


def issuing_office(division_code: str) -> OfficeProfile:
    """The office of exactly this division (a county's 民政局, a township's 人民政府/街道办事处). A 监督电话
    left empty is the nearest enclosing office's, then 12345."""
    code = full_code(division_prefix(division_code))
    path = division_path(code)
    rows = {
        row.division_code: row
        for row in IssuingOffice.objects.filter(division_code__in=[d.code for d in path] + [code])
    }
    own = rows.get(code)
    phone = next(
        (
            rows[d.code].supervision_phone
            for d in reversed(path)
            if d.code in rows and rows[d.code].supervision_phone
        ),
        DEFAULT_SUPERVISION_PHONE,
    )
    if own is not None:
        return OfficeProfile(code, own.name, own.abbreviation, phone, True)
    names = [d.name for d in path]
    return OfficeProfile(
        code, office_name(names), default_abbreviation(names[-1] if names else ""), phone, False
    )


def bureau_code(division_code: str) -> str:
    """The county-level 民政局 responsible for a division (its first six digits), as a 12-digit code."""
    return full_code(division_prefix(division_code)[:6])


def township_code(division_code: str) -> str:
    return full_code(division_prefix(division_code)[:9])


def configured_offices(user):
    """Rows set inside the user's jurisdiction (the 文书机关 page)."""
    return scope(IssuingOffice.objects.all(), user, "division_code").order_by("division_code")


def can_have_office(division_code: str) -> bool:
    """Offices issue documents at city, county and township level (not provinces or villages)."""
    return 2 <= division_level(division_code) <= 4
