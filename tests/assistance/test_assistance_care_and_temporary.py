"""特困 生活自理能力 and support; 临时救助 amounts and 急难型 先行救助."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules import (
    AssistanceRuleError,
    CareGrade,
    DailyActivity,
    SelfCareAbility,
    care_grade,
    emergency_advance_amount,
    self_care_ability,
    tekun_monthly_support,
    temporary_assistance_amount,
    township_reserve_fund,
)

FULLY_LOST_FROM = 4
CARE_AMOUNTS = {
    CareGrade.SELF_CARE: Decimal("100"),
    CareGrade.PARTIAL_CARE: Decimal("400"),
    CareGrade.FULL_CARE: Decimal("1000"),
}
A = DailyActivity


def test_person_able_to_do_all_six_activities_keeps_self_care_ability():
    assert self_care_ability(set(), fully_lost_from=FULLY_LOST_FROM) is SelfCareAbility.CAPABLE
    assert care_grade(SelfCareAbility.CAPABLE) is CareGrade.SELF_CARE


def test_unable_to_do_one_to_three_activities_is_partly_lost_and_half_care():
    for unable in ({A.BATHING}, {A.BATHING, A.DRESSING, A.INDOOR_WALKING}):
        ability = self_care_ability(unable, fully_lost_from=FULLY_LOST_FROM)
        assert ability is SelfCareAbility.PARTLY_LOST
        assert care_grade(ability) is CareGrade.PARTIAL_CARE


def test_unable_to_do_four_activities_is_fully_lost_and_full_care():
    ability = self_care_ability(
        {A.BATHING, A.DRESSING, A.INDOOR_WALKING, A.TOILETING}, fully_lost_from=FULLY_LOST_FROM
    )
    assert ability is SelfCareAbility.FULLY_LOST
    assert care_grade(ability) is CareGrade.FULL_CARE


def test_the_same_activity_recorded_twice_counts_once():
    unable = [A.BATHING, A.BATHING, A.DRESSING, A.DRESSING]
    assert self_care_ability(unable, fully_lost_from=FULLY_LOST_FROM) is SelfCareAbility.PARTLY_LOST


@given(unable=st.frozensets(st.sampled_from(list(DailyActivity))))
def test_more_activities_lost_never_lowers_the_care_grade(unable):
    order = list(SelfCareAbility)
    ability = self_care_ability(unable, fully_lost_from=FULLY_LOST_FROM)
    for extra in DailyActivity:
        assert order.index(
            self_care_ability(unable | {extra}, fully_lost_from=FULLY_LOST_FROM)
        ) >= order.index(ability)


def test_tekun_support_is_basic_standard_plus_care_for_the_grade():
    support = tekun_monthly_support(Decimal("861.90"), CareGrade.PARTIAL_CARE, CARE_AMOUNTS)
    assert support.total == Decimal("1261.90")


def test_tekun_support_for_an_unconfigured_grade_is_refused():
    with pytest.raises(AssistanceRuleError):
        tekun_monthly_support(Decimal("861.90"), CareGrade.FULL_CARE, {CareGrade.SELF_CARE: Decimal("100")})


def test_temporary_assistance_is_a_multiple_of_the_standard_up_to_the_cap():
    assert temporary_assistance_amount(Decimal("663"), Decimal("2"), cap=Decimal("3000")) == Decimal(
        "1326.00"
    )
    assert temporary_assistance_amount(Decimal("663"), Decimal("6"), cap=Decimal("3000")) == Decimal(
        "3000.00"
    )


def test_temporary_assistance_never_exceeds_the_assessed_need():
    amount = temporary_assistance_amount(
        Decimal("663"), Decimal("3"), cap=Decimal("3000"), assessed_need=Decimal("800")
    )
    assert amount == Decimal("800.00")


def test_township_reserve_is_the_amount_per_registered_resident():
    assert township_reserve_fund(25_000, Decimal("2")) == Decimal("50000.00")


def test_emergency_advance_is_limited_by_the_case_limit_and_the_reserve_left():
    assert emergency_advance_amount(Decimal("1500"), Decimal("2000"), Decimal("10000")) == Decimal("1500.00")
    assert emergency_advance_amount(Decimal("5000"), Decimal("2000"), Decimal("10000")) == Decimal("2000.00")
    assert emergency_advance_amount(Decimal("1500"), Decimal("2000"), Decimal("300")) == Decimal("300.00")


money = st.decimals(min_value=Decimal("-100"), max_value=Decimal("100000"), places=2)


@given(requested=money, limit=money, balance=money)
def test_emergency_advance_is_never_negative_nor_above_any_limit(requested, limit, balance):
    amount = emergency_advance_amount(requested, limit, balance)
    assert amount >= 0
    assert amount <= max(requested, 0) and amount <= max(limit, 0) and amount <= max(balance, 0)
