"""Calendar-month arithmetic: benefits and reviews run by month, not by day."""

import calendar
from datetime import date


def month_start(day: date) -> date:
    """The first day of the month ``day`` falls in."""
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day (31 Jan + 1 month → 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))


def next_month_start(day: date) -> date:
    """The first day of the month after the one ``day`` falls in (次月)."""
    return add_months(month_start(day), 1)


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier``'s month to ``later``'s month (days ignored)."""
    return (later.year - earlier.year) * 12 + (later.month - earlier.month)
