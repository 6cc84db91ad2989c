"""慈善 rule oracles written from 《慈善法》(2023) and 《慈善组织公开募捐管理办法》(民政部令第74号); pure."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minzheng.socialorgs.rules import charity as c
from minzheng.socialorgs.rules.dates import add_months

P = c.CharityPeriods()
DAYS = st.dates(date(2024, 9, 5), date(2030, 12, 31))


@given(DAYS)
def test_decision_clocks_of_article_10_and_22(received):
    """第十条: 设立登记30日、认定20日; 第二十二条: 公开募捐资格20日 — 受理之日不计入."""
    assert c.decision_due(None, received, P) - received == timedelta(days=30)
    assert c.decision_due(c.CharityMatter.RECOGNITION, received, P) - received == timedelta(days=20)
    assert c.decision_due(c.CharityMatter.FUNDRAISING, received, P) - received == timedelta(days=20)


def oracle_plan_on_time(starts: date, filed: date, emergency: bool) -> bool:
    """办法第十一条: 开展公开募捐活动十日前备案 (filed at least 10 days before the start); 第七十三条 / 办法第十三条:
    重大突发事件 — 活动开始后十日内补办 (at most 10 days after the start)."""
    if emergency:
        return (filed - starts).days <= 10
    return (starts - filed).days >= 10


@given(DAYS, st.integers(-40, 40), st.booleans())
def test_plan_filing_article_11_and_13(starts, offset, emergency):
    filed = starts + timedelta(days=offset)
    assert c.plan_filed_late(starts, filed, emergency, P) == (
        not oracle_plan_on_time(starts, filed, emergency)
    )


def test_plan_filing_boundaries_article_11():
    starts = date(2026, 3, 11)
    assert not c.plan_filed_late(starts, date(2026, 3, 1), False, P)
    assert c.plan_filed_late(starts, date(2026, 3, 2), False, P)
    assert not c.plan_filed_late(starts, date(2026, 3, 21), True, P)
    assert c.plan_filed_late(starts, date(2026, 3, 22), True, P)


def test_long_campaign_is_more_than_six_months_article_79():
    assert not c.is_long_campaign(date(2026, 1, 1), date(2026, 7, 1), P)
    assert c.is_long_campaign(date(2026, 1, 1), date(2026, 7, 2), P)


def oracle_disclosure(starts: date, ends: date, disclosed: list[date]):
    """第七十九条: 周期超过六个月的，至少每三个月公开一次; 结束后三个月内全面公开. Walk the quarters: each disclosure
    restarts the three months; once the next three-month mark passes the end, the full disclosure is owed."""
    if ends <= add_months(starts, 6):
        return None
    if any(d > ends for d in disclosed):
        return None
    last = starts
    for d in sorted(disclosed):
        if d >= last:
            last = d
    mark = add_months(last, 3)
    return (mark, False) if mark <= ends else (add_months(ends, 3), True)


@given(DAYS, st.integers(1, 1100), st.lists(st.integers(0, 1200), max_size=6))
def test_next_disclosure_article_79(starts, length, offsets):
    ends = starts + timedelta(days=length)
    disclosed = [starts + timedelta(days=o) for o in offsets]
    due = c.next_disclosure(starts, ends, disclosed, P)
    expected = oracle_disclosure(starts, ends, disclosed)
    assert (None if due is None else (due.due_on, due.final)) == expected


def test_a_one_year_campaign_discloses_quarterly_then_fully():
    starts, ends = date(2026, 1, 15), date(2027, 1, 14)
    assert c.next_disclosure(starts, ends, [], P) == c.DisclosureDue(date(2026, 4, 15), False)
    assert c.next_disclosure(starts, ends, [date(2026, 4, 10)], P).due_on == date(2026, 7, 10)
    assert c.next_disclosure(starts, ends, [date(2026, 12, 1)], P) == c.DisclosureDue(date(2027, 4, 14), True)
    assert c.next_disclosure(starts, ends, [date(2027, 2, 1)], P) is None


@given(DAYS, st.integers(0, 30))
def test_trust_filing_within_seven_days_article_45(signed, offset):
    """第四十五条: 签订之日起七日内备案; later → 不享受税收优惠."""
    assert c.trust_filed_late(signed, signed + timedelta(days=offset), P) == (offset > 7)


ON = date(2026, 6, 1)
GOOD = c.FundraisingStanding(
    charity_since=date(2025, 6, 1),
    registered_on=date(2020, 1, 1),
    rating_level=3,
    listed=False,
    spending_compliant=True,
    penalised_last_year=False,
)


def test_eligible_organisation_has_no_reasons_measures_article_5():
    assert c.fundraising_ineligibility(GOOD, ON, P) == []


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"charity_since": None}, "尚未登记或认定为慈善组织"),
        ({"charity_since": date(2025, 6, 2)}, "未满1年"),
        ({"rating_level": 2}, "3A"),
        ({"rating_level": None}, "3A"),
        ({"listed": True}, "名录"),
        ({"spending_compliant": False}, "支出或管理费用"),
        ({"spending_compliant": None}, "年度工作报告"),
        ({"penalised_last_year": True}, "行政处罚"),
    ],
)
def test_each_condition_of_measures_article_5_refuses(change, reason):
    reasons = c.fundraising_ineligibility(GOOD.__class__(**{**GOOD.__dict__, **change}), ON, P)
    assert len(reasons) == 1 and reason in reasons[0]


def test_a_young_organisation_needs_no_rating_measures_article_5_item_7():
    young = GOOD.__class__(**{**GOOD.__dict__, "registered_on": date(2024, 6, 2), "rating_level": None})
    assert c.fundraising_ineligibility(young, ON, P) == []
    old = GOOD.__class__(**{**GOOD.__dict__, "registered_on": date(2024, 6, 1), "rating_level": None})
    assert len(c.fundraising_ineligibility(old, ON, P)) == 1


# --- 志愿服务 (《志愿服务记录与证明出具办法（试行）》) -------------------------------------------------------------
from decimal import Decimal  # noqa: E402

from minzheng.socialorgs.rules import volunteering as v  # noqa: E402

CODES = st.lists(st.integers(0, 35), min_size=15, max_size=15)


@given(CODES)
def test_certificate_code_is_well_formed_and_any_mistyped_character_is_caught_article_17(digits):
    code = v.certificate_code(digits)
    assert v.code_well_formed(code) and v.code_well_formed(code.lower().replace("-", ""))
    plain = v.normalise_code(code)
    for i in range(len(plain)):
        for ch in "0AZ9":
            if ch != plain[i]:
                assert not v.code_well_formed(plain[:i] + ch + plain[i + 1 :])


def oracle_hours_ok(hours: Decimal, days: int) -> bool:
    """办法第七条 records the 服务时间: positive, in tenths, at most 24 hours for each day of the activity."""
    return Decimal(0) < hours <= 24 * days and hours * 10 == int(hours * 10)


@given(st.decimals(Decimal("-5"), Decimal("100"), places=2), st.integers(1, 4))
def test_service_hours_article_7(hours, days):
    starts = date(2026, 3, 2)
    ok = v.hours_problem(hours, starts, starts + timedelta(days=days - 1)) == ""
    assert ok == oracle_hours_ok(hours, days)


def test_station_coverage_is_undefined_without_communities():
    assert v.coverage_percent(0, 0) is None and v.coverage_percent(2, 3) == Decimal("66.67")
