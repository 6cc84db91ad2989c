"""Calendar arithmetic the clocks share (pure)."""

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day (31 Aug + 6 months → 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years (29 Feb → 28 Feb in a common year)."""
    return add_months(day, 12 * years)


def add_days(day: date, days: int) -> date:
    """A period of ``days`` calendar days counted from ``day`` ends ``days`` days later (《民法典》第二百零一条:
    开始的当日不计入)."""
    return day + timedelta(days=days)
