"""工作日历 from the ``HolidayCalendarDay`` table: seeded from chinese-calendar, extended by an administrator."""

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from django.db import IntegrityError, transaction

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot

from ..errors import InvalidPolicyValue, VersionConflict
from ..models import HolidayCalendarDay
from ..rules import CalendarNotCoveredError, WorkingCalendar, add_working_days
from ..rules.holiday_data import holiday_dates_from_chinese_calendar, holiday_names_from_chinese_calendar

SEED_SOURCE = "chinese-calendar"
HOLIDAY_SEED_YEARS = range(2020, 2027)  # the years chinese-calendar knows; later ones are entered by hand
T = TypeVar("T")


def working_calendar() -> WorkingCalendar:
    """The working calendar (法定节假日 and 调休) as the table holds it, known for its contiguous years.

    A year counts as known once any of its days is entered; with no data at all every question about a
    working day raises ``CalendarNotCoveredError`` rather than silently ignoring holidays.
    """
    rows = list(HolidayCalendarDay.objects.values_list("day", "kind"))
    if not rows:
        return WorkingCalendar(known_through=date.min)
    years = sorted({day.year for day, _ in rows})
    last = years[0]
    while last + 1 in years:
        last += 1
    return WorkingCalendar(
        holidays=frozenset(day for day, kind in rows if kind == HolidayCalendarDay.HOLIDAY),
        makeup_workdays=frozenset(day for day, kind in rows if kind == HolidayCalendarDay.MAKEUP_WORKDAY),
        known_from=date(years[0], 1, 1),
        known_through=date(last, 12, 31),
    )


def with_calendar(
    compute: Callable[[WorkingCalendar], T], calendar: WorkingCalendar | None = None
) -> tuple[T, bool]:
    """(result, provisional): a period reaching into a year whose 放假安排 is not loaded yet (the State Council
    publishes it each November) is counted with weekends only and flagged provisional, rather than blocking
    the work; it is right again once the year is entered on the 节假日 page."""
    calendar = calendar or working_calendar()
    try:
        return compute(calendar), False
    except CalendarNotCoveredError:
        return compute(replace(calendar, known_from=None, known_through=None)), True


def working_day_deadline(start: date, working_days: int) -> tuple[date, bool]:
    """(the day ``working_days`` working days after ``start``, provisional) — every domain's time limits."""
    return with_calendar(lambda calendar: add_working_days(start, working_days, calendar))


@transaction.atomic
def seed_holidays(years: Iterable[int]) -> int:
    """Copy chinese-calendar's schedule for ``years`` into the table; days already there are left alone."""
    holidays, makeup = holiday_dates_from_chinese_calendar(years)
    names = holiday_names_from_chinese_calendar(holidays | makeup)
    existing = set(HolidayCalendarDay.objects.filter(day__in=holidays | makeup).values_list("day", flat=True))
    new_rows = [
        HolidayCalendarDay(
            day=day,
            kind=HolidayCalendarDay.HOLIDAY if day in holidays else HolidayCalendarDay.MAKEUP_WORKDAY,
            note=names.get(day, "") + ("" if day in holidays else "调休上班"),
            source=SEED_SOURCE,
        )
        for day in sorted((holidays | makeup) - existing)
    ]
    HolidayCalendarDay.objects.bulk_create(new_rows)
    return len(new_rows)


@transaction.atomic
def add_calendar_day(user, *, day: date, kind: str, note: str = "") -> HolidayCalendarDay:
    """An administrator enters a day of a newly published schedule (国务院办公厅 节假日安排)."""
    require(user, Capability.MANAGE_POLICY)
    if kind not in dict(HolidayCalendarDay.KINDS):
        raise InvalidPolicyValue("请选择类型", field="kind")
    if kind == HolidayCalendarDay.MAKEUP_WORKDAY and day.weekday() < 5:
        raise InvalidPolicyValue("调休上班日应为周六或周日", field="day")
    try:
        with transaction.atomic():
            row = HolidayCalendarDay.objects.create(
                day=day, kind=kind, note=note.strip()[:100], source="管理员录入", created_by=user
            )
    except IntegrityError:
        raise VersionConflict(f"{day:%Y-%m-%d} 已登记", field="day") from None
    record_event(
        user,
        AuditEvent.CREATE,
        object_type="holiday_calendar_day",
        object_id=row.pk,
        summary=f"登记{row.get_kind_display()} {day:%Y-%m-%d} {row.note}",
        after=snapshot(row, ["day", "kind", "note", "source"]),
    )
    return row
