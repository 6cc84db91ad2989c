"""Working days (工作日) from holiday data: 法定节假日 and 调休 working weekends are data, never code.

The State Council publishes each year's schedule late in the year before; an administrator loads it
(the ``chinese-calendar`` package is only a convenient seed and knows schedules to 2026).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .errors import CalendarNotCoveredError, PolicyRuleError


@dataclass(frozen=True)
class WorkingCalendar:
    """工作日历: rest days (``holidays``), working weekends (``makeup_workdays``, 调休上班), and the dates
    the data is known to be complete for (``known_from``..``known_through``; ``None`` = do not check)."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    makeup_workdays: frozenset[date] = field(default_factory=frozenset)
    known_from: date | None = None
    known_through: date | None = None

    def is_working_day(self, day: date) -> bool:
        """A weekday that is not a holiday, or a 调休 weekend that is worked."""
        if (self.known_through is not None and day > self.known_through) or (
            self.known_from is not None and day < self.known_from
        ):
            raise CalendarNotCoveredError(
                f"no holiday data for {day.isoformat()}; load the schedule for {day.year}"
            )
        if day in self.makeup_workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def extended_with(
        self, holidays: Iterable[date], makeup_workdays: Iterable[date], known_through: date | None
    ) -> "WorkingCalendar":
        """This calendar with another year's schedule added, as an administrator enters it."""
        return WorkingCalendar(
            holidays=self.holidays | frozenset(holidays),
            makeup_workdays=self.makeup_workdays | frozenset(makeup_workdays),
            known_from=self.known_from,
            known_through=known_through,
        )


def add_working_days(start: date, working_days: int, calendar: WorkingCalendar) -> date:
    """The day on which a period of ``working_days`` working days counted from ``start`` ends.

    The start day itself is not counted (《民法典》第二百零一条: 开始的当日不计入), so "within 10 working days
    of receipt" ends on the 10th working day after the day of receipt. Zero days → ``start``.
    """
    if working_days < 0:
        raise PolicyRuleError("a period cannot be negative")
    day = start
    remaining = working_days
    while remaining:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date, calendar: WorkingCalendar) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is before ``start``)."""
    if end < start:
        return -working_days_between(end, start, calendar)
    return sum(
        1 for offset in range(1, (end - start).days + 1) if calendar.is_working_day(start + timedelta(offset))
    )
