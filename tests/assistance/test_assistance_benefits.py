"""低保 补差, 分类施保, 渐退 and the 提标 preview."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules import (
    AssistanceRuleError,
    FixedIncrement,
    HouseholdOnPayroll,
    IncrementStacking,
    MemberCategory,
    ShareOfStandardIncrement,
    dibao_monthly_benefit,
    dibao_standard_raise_preview,
    dibao_top_up,
    fen_to_yuan,
    gradual_exit_payable,
    yuan_to_fen,
)

STANDARD = Decimal("663")
ELDERLY, DISABLED, ILL, MINOR = (
    MemberCategory.ELDERLY,
    MemberCategory.SEVERELY_DISABLED,
    MemberCategory.SERIOUSLY_ILL,
    MemberCategory.MINOR,
)
INCREMENTS = {
    ELDERLY: FixedIncrement(Decimal("100")),
    DISABLED: ShareOfStandardIncrement(Decimal("0.2")),
    ILL: ShareOfStandardIncrement(Decimal("0.15")),
    MINOR: FixedIncrement(Decimal("50")),
}


def test_household_exactly_at_the_line_gets_no_top_up():
    assert dibao_top_up(STANDARD, STANDARD, members=3) == Decimal("0.00")


def test_household_one_fen_below_the_line_gets_one_fen_per_member():
    assert dibao_top_up(STANDARD, STANDARD - Decimal("0.01"), members=3) == Decimal("0.03")


def test_top_up_is_the_gap_to_the_standard_times_the_members():
    assert dibao_top_up(STANDARD, Decimal("400"), members=3) == Decimal("789.00")


def test_household_without_income_gets_the_full_standard_per_member():
    assert dibao_top_up(STANDARD, Decimal("0"), members=2) == Decimal("1326.00")


def test_household_above_the_line_gets_nothing_not_a_negative_amount():
    assert dibao_top_up(STANDARD, Decimal("900"), members=4) == Decimal("0.00")


def test_a_household_has_at_least_one_member():
    with pytest.raises(AssistanceRuleError):
        dibao_top_up(STANDARD, Decimal("0"), members=0)


def test_small_top_up_is_raised_to_the_local_minimum_per_person():
    benefit = dibao_monthly_benefit(STANDARD, Decimal("650"), 2, minimum_per_person=Decimal("50"))
    assert benefit.top_up == Decimal("100.00")


def test_minimum_per_person_does_not_apply_to_a_household_at_the_line():
    assert dibao_monthly_benefit(STANDARD, STANDARD, 2, minimum_per_person=Decimal("50")).total == Decimal(
        "0.00"
    )


def test_classified_increments_are_added_per_member_as_amounts_or_shares_of_the_standard():
    benefit = dibao_monthly_benefit(
        STANDARD, Decimal("400"), 3, member_categories=[{ELDERLY}, {DISABLED}, set()], increments=INCREMENTS
    )
    assert benefit.top_up == Decimal("789.00")
    assert benefit.classified_increments == Decimal("232.60")
    assert benefit.total == Decimal("1021.60")


def test_member_in_two_categories_gets_the_higher_increment_when_stacking_is_highest():
    benefit = dibao_monthly_benefit(
        STANDARD, Decimal("400"), 1, member_categories=[{ELDERLY, DISABLED}], increments=INCREMENTS
    )
    assert benefit.classified_increments == Decimal("132.60")


def test_member_in_two_categories_gets_both_increments_when_stacking_is_sum():
    benefit = dibao_monthly_benefit(
        STANDARD,
        Decimal("400"),
        1,
        member_categories=[{ELDERLY, DISABLED}],
        increments=INCREMENTS,
        stacking=IncrementStacking.SUM,
    )
    assert benefit.classified_increments == Decimal("232.60")


def test_category_the_division_does_not_fund_adds_nothing():
    benefit = dibao_monthly_benefit(
        STANDARD,
        Decimal("400"),
        1,
        member_categories=[{MINOR}],
        increments={ELDERLY: FixedIncrement(Decimal("100"))},
    )
    assert benefit.classified_increments == Decimal("0.00")


def test_household_above_the_line_gets_no_classified_increments_either():
    benefit = dibao_monthly_benefit(
        STANDARD, Decimal("700"), 2, member_categories=[{ELDERLY}, {DISABLED}], increments=INCREMENTS
    )
    assert benefit.total == Decimal("0.00")
    assert not benefit.is_eligible


def test_gradual_exit_keeps_the_last_amount_for_the_exit_months_then_stops():
    kwargs = {
        "last_amount": Decimal("789.00"),
        "income_rise_confirmed_on": date(2025, 3, 10),
        "exit_months": 6,
        "max_exit_months": 6,
    }
    assert gradual_exit_payable(month=date(2025, 3, 1), **kwargs) == Decimal("789.00")
    assert gradual_exit_payable(month=date(2025, 9, 1), **kwargs) == Decimal("789.00")
    assert gradual_exit_payable(month=date(2025, 10, 1), **kwargs) == Decimal("0.00")


def test_gradual_exit_longer_than_the_ceiling_is_refused():
    with pytest.raises(AssistanceRuleError):
        gradual_exit_payable(
            last_amount=Decimal("789"),
            income_rise_confirmed_on=date(2025, 3, 10),
            exit_months=7,
            max_exit_months=6,
            month=date(2025, 4, 1),
        )


def test_raise_preview_shows_new_amounts_and_differences():
    households = [
        HouseholdOnPayroll("H1", Decimal("789.00"), Decimal("400"), 3),
        HouseholdOnPayroll("H2", Decimal("0.00"), Decimal("680"), 2),
    ]
    preview = dibao_standard_raise_preview(
        households,
        Decimal("710"),
        lambda standard, h: dibao_monthly_benefit(standard, h.per_capita_income, h.members),
    )
    assert [(line.household_key, line.new_amount, line.difference) for line in preview.lines] == [
        ("H1", Decimal("930.00"), Decimal("141.00")),
        ("H2", Decimal("60.00"), Decimal("60.00")),
    ]
    assert preview.difference_total == Decimal("201.00")


def test_amounts_convert_to_whole_fen_for_bank_files():
    assert yuan_to_fen(Decimal("789.005")) == 78901
    assert fen_to_yuan(78901) == Decimal("789.01")


money = st.decimals(min_value=Decimal("0"), max_value=Decimal("5000"), places=2)
categories = st.frozensets(st.sampled_from(list(MemberCategory)))


@st.composite
def households(draw):
    members = draw(st.integers(min_value=1, max_value=8))
    return {
        "members": members,
        "member_categories": draw(st.lists(categories, max_size=members)),
        "minimum_per_person": draw(st.decimals(min_value=Decimal("0"), max_value=Decimal("200"), places=2)),
        "stacking": draw(st.sampled_from(list(IncrementStacking))),
    }


@given(standard=money, income=money, household=households())
def test_benefit_is_never_negative(standard, income, household):
    benefit = dibao_monthly_benefit(standard, income, increments=INCREMENTS, **household)
    assert benefit.top_up >= 0
    assert benefit.classified_increments >= 0
    assert benefit.total >= 0


@given(standard=money, income=money, raise_by=money, household=households())
def test_benefit_never_grows_when_income_grows(standard, income, raise_by, household):
    lower = dibao_monthly_benefit(standard, income, increments=INCREMENTS, **household)
    higher = dibao_monthly_benefit(standard, income + raise_by, increments=INCREMENTS, **household)
    assert higher.total <= lower.total
    assert dibao_top_up(standard, income + raise_by, household["members"]) <= dibao_top_up(
        standard, income, household["members"]
    )


@given(standard=money, income=money, members=st.integers(min_value=1, max_value=8))
def test_anyone_at_or_above_the_line_gets_nothing_and_anyone_below_gets_something(standard, income, members):
    top_up = dibao_top_up(standard, income, members)
    assert (top_up == 0) == (income >= standard)
