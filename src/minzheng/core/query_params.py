"""Query-string and form values of the UI, parsed once: a year, a month, a whole number, a page.

Views hand what the user typed to these functions; anything outside the platform's range raises
``InvalidParameter`` (a 400 with a Chinese message naming the field, shown by ``DomainErrorMiddleware``), so
``?year=99999`` or ``?page=1e99`` never reaches a date constructor or the database as a 500.
"""

from datetime import date

from .errors import MinzhengError

# Years the platform's records and plans live in (规划 from the 十一五 on; dates beyond are typing errors).
FIRST_YEAR, LAST_YEAR = 1900, 2100
MAX_INTEGER = 2**31 - 1


class InvalidParameter(MinzhengError, ValueError):
    code = "invalid_parameter"


def parse_int(text, *, field: str, label: str, minimum: int = 0, maximum: int = MAX_INTEGER) -> int | None:
    """A whole number within [minimum, maximum], or None when empty."""
    value = (text if isinstance(text, str) else "" if text is None else str(text)).strip()
    if not value:
        return None
    if not (value.isascii() and value.lstrip("-").isdigit()) or len(value) > 12:
        raise InvalidParameter(f"{label}应为整数", field=field)
    number = int(value)
    if not minimum <= number <= maximum:
        raise InvalidParameter(f"{label}应在 {minimum} 至 {maximum} 之间", field=field)
    return number


def parse_year(text, *, field: str = "year", label: str = "年份") -> int | None:
    """A calendar year between 1900 and 2100, or None when empty."""
    return parse_int(text, field=field, label=label, minimum=FIRST_YEAR, maximum=LAST_YEAR)


def parse_month(text, *, field: str = "month", label: str = "月份") -> date | None:
    """``2026-05`` (or ``2026-05-01``) as the first day of that month, or None when empty."""
    value = (text or "").strip()
    if not value:
        return None
    parts = value.split("-")
    if len(parts) not in (2, 3) or not all(p.isascii() and p.isdigit() for p in parts):
        raise InvalidParameter(f"{label}格式应为 2026-05", field=field)
    year = parse_year(parts[0], field=field, label=label)
    month = parse_int(parts[1], field=field, label=label, minimum=1, maximum=12)
    return date(year, month, 1)


def parse_date(text, *, field: str, label: str = "日期") -> date | None:
    """``2026-05-31`` within the platform's years, or None when empty."""
    value = (text or "").strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InvalidParameter(f"{label}格式应为 2026-01-31", field=field) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidParameter(f"{label}应在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间", field=field)
    return day


def check_period(start: date, end: date, *, max_years: int = 10, field: str = "end") -> tuple[date, date]:
    """A period from ``start`` to ``end`` (inclusive): in order, within the platform's years, at most
    ``max_years`` long — a figure over ten thousand years would run for hours."""
    for day, name in ((start, "start"), (end, "end")):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise InvalidParameter(f"日期应在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间", field=name)
    if end < start:
        raise InvalidParameter("结束日期不能早于开始日期", field=field)
    if end.year - start.year > max_years:
        raise InvalidParameter(f"统计期间不能超过 {max_years} 年", field=field)
    return start, end
