"""工作日 arithmetic over holiday data, 办理时限 and 公示."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules import (
    CalendarNotCoveredError,
    DayKind,
    DeadlineStatus,
    DecidingLevel,
    WorkingCalendar,
    add_working_days,
    deadline_status,
    dibao_confirmation_due,
    dibao_procedure_due,
    publicity_end,
    tekun_county_decision_due,
    tekun_township_review_due,
    working_days_between,
)
from minzheng.assistance.rules.defaults import DIBAO_TIME_LIMITS, TEKUN_TIME_LIMITS
from minzheng.policy.rules.holiday_data import working_calendar_from_chinese_calendar

# Built once: frozen, so tests cannot change it for one another.
CALENDAR = working_calendar_from_chinese_calendar([2024, 2025, 2026])
WEEKENDS_ONLY = WorkingCalendar()

# 2025 Spring Festival (国务院办公厅 schedule): rest 2025-01-28..02-04, work Sun 01-26 and Sat 02-08.
SPRING_FESTIVAL_2025 = [date(2025, 1, 28) + timedelta(days=i) for i in range(8)]


def test_spring_festival_rest_days_are_not_working_days():
    assert not any(CALENDAR.is_working_day(day) for day in SPRING_FESTIVAL_2025)


def test_tiaoxiu_saturday_counts_as_a_working_day():
    assert CALENDAR.is_working_day(date(2025, 2, 8))
    assert add_working_days(date(2025, 2, 7), 1, CALENDAR) == date(2025, 2, 8)


def test_confirmation_deadline_spanning_the_spring_festival_moves_past_the_holiday():
    # Received Fri 01-24: Sun 01-26 and Mon 01-27 count, the holiday does not, the 调休 Sat 02-08 does.
    assert dibao_confirmation_due(date(2025, 1, 24), DIBAO_TIME_LIMITS, CALENDAR) == date(2025, 2, 13)
    assert dibao_confirmation_due(date(2025, 1, 24), DIBAO_TIME_LIMITS, WEEKENDS_ONLY) == date(2025, 2, 7)


def test_the_day_of_receipt_is_not_counted():
    assert add_working_days(date(2025, 3, 3), 1, CALENDAR) == date(2025, 3, 4)
    assert add_working_days(date(2025, 3, 3), 0, CALENDAR) == date(2025, 3, 3)


def test_whole_dibao_procedure_is_shorter_where_the_township_confirms():
    accepted = date(2025, 3, 3)
    county = dibao_procedure_due(accepted, DIBAO_TIME_LIMITS, CALENDAR, deciding_level=DecidingLevel.COUNTY)
    township = dibao_procedure_due(
        accepted, DIBAO_TIME_LIMITS, CALENDAR, deciding_level=DecidingLevel.TOWNSHIP
    )
    extended = dibao_procedure_due(
        accepted, DIBAO_TIME_LIMITS, CALENDAR, deciding_level=DecidingLevel.COUNTY, extended=True
    )
    assert working_days_between(accepted, county, CALENDAR) == 30
    assert working_days_between(accepted, township, CALENDAR) == 20
    assert working_days_between(accepted, extended, CALENDAR) == 45
    assert township < county < extended


def test_periods_a_local_rule_excludes_extend_the_procedure():
    accepted = date(2025, 3, 3)
    plain = dibao_procedure_due(accepted, DIBAO_TIME_LIMITS, CALENDAR, deciding_level=DecidingLevel.COUNTY)
    paused = dibao_procedure_due(
        accepted, DIBAO_TIME_LIMITS, CALENDAR, deciding_level=DecidingLevel.COUNTY, suspended_working_days=5
    )
    assert working_days_between(plain, paused, CALENDAR) == 5


def test_tekun_township_and_county_each_have_fifteen_working_days():
    # Accepted Mon 2025-09-29: National Day rest 10-01..10-08, 调休 Sat 10-11 worked.
    township_due = tekun_township_review_due(date(2025, 9, 29), TEKUN_TIME_LIMITS, CALENDAR)
    assert township_due == date(2025, 10, 27)
    assert working_days_between(date(2025, 9, 29), township_due, CALENDAR) == 15
    county_due = tekun_county_decision_due(township_due, TEKUN_TIME_LIMITS, CALENDAR)
    assert working_days_between(township_due, county_due, CALENDAR) == 15


def test_publicity_of_seven_calendar_days_runs_through_the_holiday():
    assert publicity_end(date(2025, 1, 27), 7, DayKind.CALENDAR, CALENDAR) == date(2025, 2, 3)


def test_publicity_of_seven_working_days_skips_the_holiday():
    assert publicity_end(date(2025, 1, 27), 7, DayKind.WORKING, CALENDAR) == date(2025, 2, 12)


def test_item_past_its_due_day_is_overdue():
    assert deadline_status(
        date(2025, 3, 14), date(2025, 3, 17), CALENDAR, due_soon_within_working_days=3
    ) is (DeadlineStatus.OVERDUE)


def test_item_within_the_warning_window_is_due_soon_counting_working_days():
    # Fri 03-14 due, Tue 03-11 today: three working days left.
    assert deadline_status(
        date(2025, 3, 14), date(2025, 3, 11), CALENDAR, due_soon_within_working_days=3
    ) is (DeadlineStatus.DUE_SOON)
    assert deadline_status(
        date(2025, 3, 14), date(2025, 3, 10), CALENDAR, due_soon_within_working_days=3
    ) is (DeadlineStatus.ON_TIME)


def test_item_due_today_is_due_soon_not_overdue():
    assert deadline_status(
        date(2025, 3, 14), date(2025, 3, 14), CALENDAR, due_soon_within_working_days=0
    ) is (DeadlineStatus.DUE_SOON)


def test_item_finished_late_stays_overdue():
    status = deadline_status(
        date(2025, 3, 14),
        date(2025, 4, 1),
        CALENDAR,
        due_soon_within_working_days=3,
        completed_on=date(2025, 3, 18),
    )
    assert status is DeadlineStatus.OVERDUE


def test_a_year_without_loaded_holidays_is_refused_rather_than_guessed():
    with pytest.raises(CalendarNotCoveredError):
        add_working_days(date(2026, 12, 28), 10, CALENDAR)
    with pytest.raises(ValueError):
        working_calendar_from_chinese_calendar([2099])


def test_an_administrator_can_extend_the_calendar_with_next_years_schedule():
    # An invented schedule standing in for one the State Council has yet to publish.
    extended = CALENDAR.extended_with(
        holidays={date(2027, 1, 1)}, makeup_workdays={date(2027, 1, 2)}, known_through=date(2027, 12, 31)
    )
    assert not extended.is_working_day(date(2027, 1, 1))
    assert extended.is_working_day(date(2027, 1, 2))
    assert add_working_days(date(2026, 12, 31), 1, extended) == date(2027, 1, 2)


# Kept inside the loaded years: 2 × 45 working days from mid-2026 still ends before 2027.
starts = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 6, 30))
periods = st.integers(min_value=0, max_value=45)


@given(start=starts, working_days=periods)
def test_adding_working_days_agrees_with_counting_them(start, working_days):
    end = add_working_days(start, working_days, CALENDAR)
    assert working_days_between(start, end, CALENDAR) == working_days
    if working_days:
        assert CALENDAR.is_working_day(end)
        assert working_days_between(start, end - timedelta(days=1), CALENDAR) == working_days - 1


@given(start=starts, first=periods, second=periods)
def test_adding_working_days_in_two_steps_equals_adding_them_at_once(start, first, second):
    in_two_steps = add_working_days(add_working_days(start, first, CALENDAR), second, CALENDAR)
    assert in_two_steps == add_working_days(start, first + second, CALENDAR)


@given(start=starts, other=starts)
def test_counting_backwards_is_the_negative_of_counting_forwards(start, other):
    assert working_days_between(start, other, CALENDAR) == -working_days_between(other, start, CALENDAR)
