"""Reporting periods (期别) as values: 2024 (year), 2024Q2 (quarter), 2024M03 (month). Pure, no Django.

Point-in-time figures are taken at the period's end; flows and 累计 figures run from ``start`` to ``end``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_KEY = re.compile(r"^(?P<year>\d{4})(?:(?P<kind>[QM])(?P<index>\d{1,2}))?$")
_MONTHS = {"year": 12, "quarter": 3, "month": 1}


class InvalidPeriod(ValueError):
    """A period key that is not 2024 / 2024Q1–Q4 / 2024M01–M12."""


@dataclass(frozen=True, order=True)
class Period:
    year: int
    index: int = 1  # quarter 1–4 or month 1–12; 1 for a year
    type: str = "year"

    @classmethod
    def parse(cls, key: str) -> Period:
        match = _KEY.match((key or "").strip().upper())
        if match is None:
            raise InvalidPeriod(f"期别“{key}”格式应为 2024、2024Q2 或 2024M03")
        year, kind = int(match.group("year")), match.group("kind")
        if kind is None:
            return cls(year)
        index = int(match.group("index"))
        if kind == "Q" and 1 <= index <= 4:
            return cls(year, index, "quarter")
        if kind == "M" and 1 <= index <= 12:
            return cls(year, index, "month")
        raise InvalidPeriod(f"期别“{key}”的季度应为1–4、月份应为1–12")

    @classmethod
    def of(cls, period_type: str, year: int, index: int = 1) -> Period:
        return cls(year, index if period_type != "year" else 1, period_type)

    @classmethod
    def containing(cls, period_type: str, day: date) -> Period:
        if period_type == "month":
            return cls(day.year, day.month, "month")
        if period_type == "quarter":
            return cls(day.year, (day.month - 1) // 3 + 1, "quarter")
        return cls(day.year)

    @property
    def key(self) -> str:
        if self.type == "quarter":
            return f"{self.year}Q{self.index}"
        if self.type == "month":
            return f"{self.year}M{self.index:02d}"
        return str(self.year)

    @property
    def label(self) -> str:
        if self.type == "quarter":
            return f"{self.year}年第{self.index}季度"
        if self.type == "month":
            return f"{self.year}年{self.index}月"
        return f"{self.year}年"

    @property
    def first_month(self) -> int:
        return (
            (self.index - 1) * 3 + 1
            if self.type == "quarter"
            else (self.index if self.type == "month" else 1)
        )

    @property
    def last_month(self) -> int:
        return self.first_month + _MONTHS[self.type] - 1

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        following = (
            date(self.year + 1, 1, 1) if self.last_month == 12 else date(self.year, self.last_month + 1, 1)
        )
        return following - timedelta(days=1)

    @property
    def year_start(self) -> date:
        """Start of the year to date (累计 rows of the statistical forms run from 1 January)."""
        return date(self.year, 1, 1)

    def previous(self) -> Period:
        if self.type == "year":
            return Period(self.year - 1)
        per_year = 4 if self.type == "quarter" else 12
        if self.index == 1:
            return Period(self.year - 1, per_year, self.type)
        return Period(self.year, self.index - 1, self.type)

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.index, self.type)
