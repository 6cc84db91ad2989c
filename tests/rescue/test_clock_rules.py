"""The §7.3 clocks against an oracle written from the rule texts (domain-rules-2 §7.1, §7.3).

- 实施细则（民政部令第24号）: 救助期限一般不超过10天 — counted with the day of admission as the first day; a
  stay past it needs an extension filed with the supervising 民政部门.
- 2015 民政部 公安部 意见: 寻亲公告 within 24 hours; DNA result within 1 month of the request; unidentified for
  more than 3 months → 落户安置 candidate. 2019 专项行动: 头条寻人 for stays over 1 month.
"""

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from minzheng.rescue.rules import clocks

days = st.dates(min_value=date(2003, 8, 1), max_value=date(2035, 12, 31))


def oracle_last_stay_day(admitted: date, limit_days: int) -> date:
    """Day 1 is the day of admission; day ``limit_days`` is the last one (一般不超过10天)."""
    day, count = admitted, 1
    while count < limit_days:
        day, count = day + timedelta(days=1), count + 1
    return day


def oracle_month_later(day: date, months: int) -> date:
    """The same day number ``months`` later, or the month's last day when it has none (31 Jan → 28/29 Feb)."""
    year, month = day.year, day.month
    for _ in range(months):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    while True:
        try:
            return date(year, month, day.day - 0)
        except ValueError:
            day = day.replace(day=day.day - 1)


@given(days, st.integers(min_value=1, max_value=60))
def test_the_stay_limit_of_the_implementing_rules_counts_the_admission_day_as_day_one(admitted, limit_days):
    """实施细则: 救助期限一般不超过10天 — an oracle counting days one by one."""
    assert clocks.stay_ends_on(admitted, limit_days) == oracle_last_stay_day(admitted, limit_days)


def test_a_person_admitted_on_the_first_may_stay_until_the_tenth_not_the_eleventh():
    """实施细则: 10 days — the 10th is still inside, the 11th is an alert without a filed extension."""
    assert not clocks.stay_overdue(date(2026, 3, 1), date(2026, 3, 10), 10)
    assert clocks.stay_overdue(date(2026, 3, 1), date(2026, 3, 11), 10)
    assert not clocks.stay_overdue(date(2026, 3, 1), date(2026, 3, 11), 10, extended_until=date(2026, 3, 20))


@given(days, st.integers(min_value=1, max_value=60), days)
def test_a_filed_extension_only_ever_lengthens_the_stay(admitted, limit_days, until):
    """实施细则: 延长的报上级民政主管部门备案 — the filed date replaces the limit only when later."""
    assert clocks.stay_ends_on(admitted, limit_days, until) == max(
        oracle_last_stay_day(admitted, limit_days), until
    )


@given(st.datetimes(min_value=datetime(2015, 8, 20), max_value=datetime(2035, 1, 1)), st.integers(0, 200))
def test_the_notice_is_late_exactly_when_more_than_24_hours_passed_without_it(admitted, minutes_after):
    """2015 意见: 入站24小时内发布寻亲公告."""
    now = admitted + timedelta(hours=23, minutes=minutes_after)
    assert clocks.notice_late(admitted, None, now, 24) == (now - admitted > timedelta(hours=24))
    assert not clocks.notice_late(admitted, admitted + timedelta(hours=24), now, 24)
    assert clocks.notice_late(admitted, admitted + timedelta(hours=24, seconds=1), now, 24)


@given(days, st.integers(min_value=1, max_value=12))
def test_month_clocks_follow_the_calendar_month(day, months):
    """DNA 1 month (2015 意见), 头条寻人 1 month (2019), 落户安置 3 months (2015 意见): calendar months."""
    expected = oracle_month_later(day, months)
    assert clocks.dna_result_due_on(day, months) == expected
    assert clocks.toutiao_due_on(day, months) == expected
    assert clocks.settlement_candidate_from(day, months) == expected


def test_more_than_three_months_unidentified_makes_a_settlement_candidate():
    """2015 意见: 滞留超过3个月仍无法查明身份 → 落户安置; exactly 3 months is not yet 'more than'."""
    assert not clocks.is_settlement_candidate(date(2026, 1, 31), date(2026, 4, 30), 3, identified=False)
    assert clocks.is_settlement_candidate(date(2026, 1, 31), date(2026, 5, 1), 3, identified=False)
    assert not clocks.is_settlement_candidate(date(2026, 1, 31), date(2026, 9, 1), 3, identified=True)


def test_a_minor_is_under_eighteen():
    """民法典 第十七条: 不满十八周岁的自然人为未成年人 — minors' 落户 goes through 儿童福利."""
    assert clocks.is_minor(17) and not clocks.is_minor(18) and not clocks.is_minor(None)
