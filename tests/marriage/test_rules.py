"""Oracles written from the rule texts: 民法典 第一千零四十七条 (婚龄), 第一千零七十七条 (离婚冷静期) with
第二百零一、二百零三条 (counting), and the certificate 字号's form."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.marriage.rules.age import earliest_marriage_day, full_years, marriage_age_reached
from minzheng.marriage.rules.certificates import (
    CertificateNumberError,
    certificate_number,
    parse_certificate_number,
)
from minzheng.marriage.rules.cooling_off import (
    Phase,
    cooling_off_windows,
    deemed_withdrawn,
    may_register,
    may_withdraw,
    phase_on,
)
from minzheng.policy.rules.holiday_data import working_calendar_from_chinese_calendar

CALENDAR = working_calendar_from_chinese_calendar(range(2024, 2027))
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 9, 30))


def oracle_age(birth: date, on: date) -> int:
    """Count birthdays passed, one year at a time (obviously right, slowly)."""
    years = 0
    while True:
        try:
            next_birthday = birth.replace(year=birth.year + years + 1)
        except ValueError:  # 29 February: the birthday is 1 March in a common year
            next_birthday = date(birth.year + years + 1, 3, 1)
        if next_birthday > on:
            return years
        years += 1


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2010, 12, 31)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
)
def test_full_years_equals_counting_birthdays(birth, on):
    if on >= birth:
        assert full_years(birth, on) == oracle_age(birth, on)


@given(st.dates(min_value=date(1960, 1, 1), max_value=date(2010, 12, 31)), st.sampled_from(["1", "2"]))
def test_civil_code_1047_man_22_woman_20_from_the_birthday_on(birth, sex):
    """民法典 第一千零四十七条: 男不得早于二十二周岁，女不得早于二十周岁."""
    first = earliest_marriage_day(birth, sex, min_age_male=22, min_age_female=20)
    assert marriage_age_reached(birth, sex, first, min_age_male=22, min_age_female=20)
    assert not marriage_age_reached(birth, sex, first - timedelta(days=1), min_age_male=22, min_age_female=20)
    assert oracle_age(birth, first) == (22 if sex == "1" else 20)


def oracle_window_end(after: date, days: int) -> date:
    """民法典 第二百零一条 (start day not counted) and 第二百零三条 (last day on a holiday → the day after it):
    count ``days`` calendar days from the next day, then step over rest days one by one."""
    day = after
    for _ in range(days):
        day += timedelta(days=1)
    while not CALENDAR.is_working_day(day):
        day += timedelta(days=1)
    return day


@given(days)
def test_civil_code_1077_withdrawal_30_days_then_appearance_30_days(received):
    """民法典 第一千零七十七条: 30 days to withdraw from the day after receipt; the next 30 days to appear."""
    w = cooling_off_windows(
        received, withdrawal_days=30, appearance_days=30, is_working_day=CALENDAR.is_working_day
    )
    assert w.withdrawal_end == oracle_window_end(received, 30)
    assert w.appearance_start == w.withdrawal_end + timedelta(days=1)
    assert w.appearance_end == oracle_window_end(w.withdrawal_end, 30)
    assert may_withdraw(w, w.withdrawal_end) and not may_withdraw(w, w.withdrawal_end + timedelta(days=1))
    assert may_register(w, w.appearance_start) and may_register(w, w.appearance_end)
    assert not may_register(w, w.withdrawal_end) and not may_register(w, w.appearance_end + timedelta(days=1))
    assert deemed_withdrawn(w, w.appearance_end + timedelta(days=1))


def test_civil_code_203_last_day_on_labour_day_moves_to_the_next_working_day():
    """Received 2026-04-01: T0+30 = 2026-05-01, 劳动节 (05-01…05 off) → last day 2026-05-06; +30 = 06-05."""
    t0 = date(2026, 4, 1)
    w = cooling_off_windows(
        t0, withdrawal_days=30, appearance_days=30, is_working_day=CALENDAR.is_working_day
    )
    assert (w.withdrawal_end, w.appearance_end) == (date(2026, 5, 6), date(2026, 6, 5))
    assert phase_on(w, date(2026, 5, 6)) is Phase.WITHDRAWAL
    assert phase_on(w, date(2026, 5, 7)) is Phase.APPEARANCE


def test_civil_code_1077_no_holiday_gives_exactly_t30_t31_t60():
    t0 = date(2026, 6, 1)  # T0+30 = 07-01 (Wed), T0+60 = 07-31 (Fri)
    w = cooling_off_windows(
        t0, withdrawal_days=30, appearance_days=30, is_working_day=CALENDAR.is_working_day
    )
    assert (w.withdrawal_end, w.appearance_start, w.appearance_end) == (
        t0 + timedelta(days=30), t0 + timedelta(days=31), t0 + timedelta(days=60),
    )  # fmt: skip


def test_civil_code_203_last_day_in_spring_festival_moves_past_it():
    """Received 2026-01-17: T0+30 = 2026-02-16, inside 春节 (2026-02-15…23 off) → last day 2026-02-24."""
    t0 = date(2026, 1, 17)
    w = cooling_off_windows(
        t0, withdrawal_days=30, appearance_days=30, is_working_day=CALENDAR.is_working_day
    )
    assert w.withdrawal_end == date(2026, 2, 24)
    assert may_withdraw(w, date(2026, 2, 23))
    assert w.appearance_start == date(2026, 2, 25)
    assert w.appearance_end == date(2026, 3, 26)  # 02-24 + 30 = 03-26 (Thu)


def test_appearance_period_ending_in_spring_festival():
    """Received 2025-12-16: T0+30 = 2026-01-15 (Thu); +30 = 2026-02-14 (Sat, 调休上班日) stays."""
    w = cooling_off_windows(
        date(2025, 12, 16), withdrawal_days=30, appearance_days=30, is_working_day=CALENDAR.is_working_day
    )
    assert w.withdrawal_end == date(2026, 1, 15)
    assert w.appearance_end == oracle_window_end(date(2026, 1, 15), 30)


def test_certificate_number_form():
    assert certificate_number("J", "110101", 2010, 1) == "J110101-2010-000001"
    assert certificate_number("BL", "210602", 2026, 123456) == "BL210602-2026-123456"
    parsed = parse_certificate_number("bj210602-2026-000007")
    assert (parsed.kind, parsed.division_code, parsed.year, parsed.sequence) == ("BJ", "210602", 2026, 7)
    assert parse_certificate_number("J21060-2026-000001") is None
    for bad in [
        ("X", "210602", 2026, 1),
        ("J", "21060A", 2026, 1),
        ("J", "210602", 2026, 0),
        ("J", "210602", 2026, 1_000_000),
    ]:
        with pytest.raises(CertificateNumberError):
            certificate_number(*bad)


@given(st.sampled_from(["J", "L", "BJ", "BL"]), st.integers(1, 999_999), st.integers(1950, 2100))
def test_certificate_number_round_trips(kind, sequence, year):
    text = certificate_number(kind, "210602", year, sequence)
    assert str(parse_certificate_number(text)) == text
