"""Calendar arithmetic the rules share."""

from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the last day of a shorter month (01-31 + 1 → 02-28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    last = (following - date(year, month, 1)).days
    return date(year, month, min(day.day, last))
