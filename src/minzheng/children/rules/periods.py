"""Date arithmetic the child rules share: ages, the last day under an age, inclusive periods."""

from datetime import date, timedelta


def age_on(birth: date, on: date) -> int:
    """Full years (周岁) on ``on``."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def birthday(birth: date, years: int) -> date:
    """The ``years``-th birthday (29 February → 1 March in a common year, 民法典 Art 1259 counts whole years)."""
    try:
        return birth.replace(year=birth.year + years)
    except ValueError:
        return date(birth.year + years, 3, 1)


def last_day_under(birth: date, years: int) -> date:
    """The last day the child is under ``years`` (不满 N 周岁): the day before that birthday."""
    return birthday(birth, years) - timedelta(days=1)


def months_later(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def overlaps(a_from: date, a_to: date | None, b_from: date, b_to: date | None) -> bool:
    """Do two inclusive periods share a day (``None`` = open-ended)?"""
    return (b_to is None or a_from <= b_to) and (a_to is None or b_from <= a_to)
