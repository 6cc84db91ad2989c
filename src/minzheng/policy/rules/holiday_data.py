"""Seed holiday data from the ``chinese-calendar`` package (schedules up to its last published year).

Only a starting point: the platform stores these dates in an administrator-editable table and extends
it each year; rules receive them as a ``WorkingCalendar``.
"""

from collections.abc import Iterable
from datetime import date

import chinese_calendar

from .working_calendar import WorkingCalendar


def last_year_known_to_chinese_calendar() -> int:
    """The last year whose official schedule the installed ``chinese-calendar`` contains."""
    return max(chinese_calendar.holidays).year


def holiday_dates_from_chinese_calendar(years: Iterable[int]) -> tuple[frozenset[date], frozenset[date]]:
    """(法定节假日 rest days, 调休 working weekends) for the given years, as ``chinese-calendar`` lists them."""
    wanted = set(years)
    holidays = frozenset(day for day in chinese_calendar.holidays if day.year in wanted)
    makeup = frozenset(day for day in chinese_calendar.workdays if day.year in wanted)
    return holidays, makeup


def working_calendar_from_chinese_calendar(years: Iterable[int]) -> WorkingCalendar:
    """A ``WorkingCalendar`` for the given years from ``chinese-calendar``, known from the first to the last.

    Years beyond the package's data raise ``ValueError``: an empty year would look like one without holidays.
    """
    wanted = sorted(set(years))
    if not wanted:
        raise ValueError("no years asked for")
    last_known = last_year_known_to_chinese_calendar()
    if wanted[-1] > last_known:
        raise ValueError(f"chinese-calendar knows schedules only to {last_known}; enter {wanted[-1]} by hand")
    holidays, makeup = holiday_dates_from_chinese_calendar(wanted)
    return WorkingCalendar(
        holidays=holidays,
        makeup_workdays=makeup,
        known_from=date(wanted[0], 1, 1),
        known_through=date(wanted[-1], 12, 31),
    )


def holiday_names_from_chinese_calendar(days: Iterable[date]) -> dict[date, str]:
    """The Chinese name of the festival each rest day or 调休 working day belongs to (春节, 国庆节 …)."""
    names: dict[date, str] = {}
    for day in days:
        _, holiday_name = chinese_calendar.get_holiday_detail(day)
        if holiday_name is not None:
            holiday = next((h for h in chinese_calendar.Holiday if h.value == holiday_name), None)
            names[day] = holiday.chinese if holiday is not None else holiday_name
    return names
