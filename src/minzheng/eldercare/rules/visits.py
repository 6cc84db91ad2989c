"""特殊困难老年人探访: who must be visited in a month, and the monthly visit rate.

民政部等《关于加快建立全面的特殊困难老年人探访关爱制度的指导意见》(2024): 月探访率 target 100% in the
plans. An elder counts in a month when registered on or before its last day and not ended before its first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - timedelta(days=1)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}"


def months_between(start: date, end: date) -> list[Month]:
    """Every calendar month touching start..end (inclusive)."""
    months, current = [], Month.of(start)
    while current.first_day <= end:
        months.append(current)
        current = Month.of(current.last_day + timedelta(days=1))
    return months


def due_in_month(registered_on: date, ended_on: date | None, month: Month) -> bool:
    """Whether an elder is on the register — and so must be visited — during ``month``."""
    return registered_on <= month.last_day and (ended_on is None or ended_on >= month.first_day)
