"""Missing rules of 民发〔2021〕57号 and 《特困人员认定办法》, against small oracles from the article text:
共同生活家庭成员 exclusions (第七条) with a recorded override, 低保边缘 (不符合低保条件, assets), the exempt-income
list (第十三条), the share of a member who refused 3 job offers, the review after a member's death, and 特困's
10-working-day re-assessment."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from minzheng.assistance.rules.household import (
    IncomeItem,
    IncomeKind,
    MemberExclusion,
    MemberStatus,
    counted_members,
    counted_monthly_income,
    dibao_amount_after_job_refusals,
    dibao_edge_not_dibao_eligible,
    review_after_death_due,
)

EXEMPT = frozenset(
    {
        IncomeKind.SPECIAL_CARE, IncomeKind.FAMILY_PLANNING_AWARD, IncomeKind.SCHOLARSHIP, IncomeKind.HEROISM_AWARD,
        IncomeKind.ASSISTANCE, IncomeKind.BASIC_PENSION,
    }
)  # fmt: skip


def test_member_serving_a_sentence_is_not_counted_art7():
    statuses = {2: MemberStatus(MemberExclusion.SERVING_SENTENCE)}
    assert counted_members([1, 2, 3], statuses, {}, clergy_years=3) == [1, 3]


def test_clergy_counts_until_three_years_in_the_religious_venue_art7():
    assert counted_members([1], {1: MemberStatus(MemberExclusion.CLERGY, years=2)}, {}, clergy_years=3) == [1]
    assert counted_members(
        [1, 2], {1: MemberStatus(MemberExclusion.CLERGY, years=3)}, {}, clergy_years=3
    ) == [2]


@given(
    excluded=st.dictionaries(st.integers(1, 6), st.sampled_from(list(MemberExclusion)), max_size=6),
    overrides=st.dictionaries(st.integers(1, 6), st.booleans(), max_size=6),
)
def test_caseworker_override_decides_over_the_automatic_exclusion_art7(excluded, overrides):
    statuses = {pid: MemberStatus(reason, years=5) for pid, reason in excluded.items()}
    counted = counted_members(list(range(1, 7)), statuses, overrides, clergy_years=3)
    for pid in range(1, 7):
        expected = overrides.get(pid, pid not in excluded)
        assert (pid in counted) is expected


@given(
    items=st.lists(st.tuples(st.sampled_from(list(IncomeKind)), st.decimals(0, 5000, places=2)), max_size=8)
)
def test_exempt_income_is_left_out_of_household_income_art13(items):
    income = [IncomeItem(kind, amount) for kind, amount in items]
    expected = sum((amount for kind, amount in items if kind not in EXEMPT), Decimal(0))
    assert counted_monthly_income(income, EXEMPT) == expected


def test_dibao_edge_requires_not_meeting_the_dibao_conditions():
    # 低保边缘: income under 1.5 × standard but the household does not qualify for 低保 itself.
    assert dibao_edge_not_dibao_eligible(
        Decimal("700"), Decimal("1000"), dibao=Decimal("663"), asset_limit=Decimal("15912")
    )
    assert not dibao_edge_not_dibao_eligible(
        Decimal("600"), Decimal("1000"), dibao=Decimal("663"), asset_limit=Decimal("15912")
    )
    assert dibao_edge_not_dibao_eligible(
        Decimal("600"), Decimal("20000"), dibao=Decimal("663"), asset_limit=Decimal("15912")
    )


@given(total=st.decimals(0, 5000, places=2), persons=st.integers(1, 6), refusing=st.integers(0, 6))
def test_members_who_refused_three_offers_lose_their_own_share(total, persons, refusing):
    refusing = min(refusing, persons)
    amount = dibao_amount_after_job_refusals(total, persons, refusing)
    assert amount == (total * (persons - refusing) / persons).quantize(
        Decimal("0.01"), rounding="ROUND_HALF_UP"
    )


def test_review_after_a_members_death_falls_due_within_three_months():
    assert review_after_death_due(date(2026, 1, 31), months=3, next_review=date(2026, 12, 1)) == date(
        2026, 4, 30
    )
    assert review_after_death_due(date(2026, 1, 31), months=3, next_review=date(2026, 3, 1)) == date(
        2026, 3, 1
    )
