"""动态管理: 分类复核 cycles and the months benefits start, stop or change."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules import (
    AssistanceRuleError,
    MemberCategory,
    ReviewCategory,
    ReviewCycle,
    benefit_change_month,
    benefit_start_month,
    next_review_date,
    review_category,
)

NATIONAL_CYCLE = ReviewCycle(stable_special_months=12, other_months=6)
LOCAL_CYCLE_WITH_QUARTERLY_TIER = ReviewCycle(stable_special_months=12, other_months=6, close_watch_months=3)


def test_elderly_household_with_stable_income_is_reviewed_yearly():
    category = review_category({MemberCategory.ELDERLY}, income_stable=True)
    assert category is ReviewCategory.STABLE_SPECIAL
    assert next_review_date(date(2025, 3, 15), category, NATIONAL_CYCLE) == date(2026, 3, 15)


def test_elderly_household_with_changing_income_is_reviewed_half_yearly():
    category = review_category({MemberCategory.ELDERLY}, income_stable=False)
    assert category is ReviewCategory.OTHER
    assert next_review_date(date(2025, 3, 15), category, NATIONAL_CYCLE) == date(2025, 9, 15)


def test_household_with_stable_income_and_no_special_member_is_reviewed_yearly_art31():
    # 民发〔2021〕57号 第三十一条: 短期内经济状况变化不大 → 每年; 收入来源不固定、有劳动能力 → 每半年.
    category = review_category({MemberCategory.MINOR}, income_stable=True)
    assert category is ReviewCategory.STABLE_SPECIAL
    assert next_review_date(date(2025, 3, 15), category, NATIONAL_CYCLE) == date(2026, 3, 15)
    assert review_category(set(), income_stable=True) is ReviewCategory.STABLE_SPECIAL


@given(categories=st.sets(st.sampled_from(list(MemberCategory))), stable=st.booleans())
def test_review_cycle_follows_income_stability_not_member_categories_art31(categories, stable):
    expected = ReviewCategory.STABLE_SPECIAL if stable else ReviewCategory.OTHER
    assert review_category(categories, income_stable=stable) is expected


def test_quarterly_review_is_possible_where_the_division_sets_it():
    category = review_category(set(), income_stable=False, close_watch=True)
    assert next_review_date(date(2025, 1, 10), category, LOCAL_CYCLE_WITH_QUARTERLY_TIER) == date(2025, 4, 10)


def test_quarterly_tier_without_a_local_cycle_is_refused():
    with pytest.raises(AssistanceRuleError):
        next_review_date(date(2025, 1, 10), ReviewCategory.CLOSE_WATCH, NATIONAL_CYCLE)


def test_review_due_date_at_month_end_falls_on_the_shorter_months_last_day():
    assert next_review_date(date(2025, 8, 31), ReviewCategory.OTHER, NATIONAL_CYCLE) == date(2026, 2, 28)


def test_benefit_starts_the_month_after_confirmation():
    assert benefit_start_month(date(2025, 3, 1)) == date(2025, 4, 1)
    assert benefit_start_month(date(2025, 12, 31)) == date(2026, 1, 1)


def test_benefit_stops_or_changes_from_the_month_after_a_death_move_or_split():
    assert benefit_change_month(date(2025, 3, 31)) == date(2025, 4, 1)
    assert benefit_change_month(date(2025, 3, 1)) == date(2025, 4, 1)


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_benefit_always_starts_on_the_first_of_a_later_month(day):
    start = benefit_start_month(day)
    assert start.day == 1
    assert start > day
    assert (start.year - day.year) * 12 + start.month - day.month == 1


@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    category=st.sampled_from([ReviewCategory.STABLE_SPECIAL, ReviewCategory.OTHER]),
)
def test_next_review_is_always_after_the_last_and_within_the_cycle(day, category):
    following = next_review_date(day, category, NATIONAL_CYCLE)
    months = NATIONAL_CYCLE.months_for(category)
    assert following > day
    assert (following.year - day.year) * 12 + following.month - day.month == months
