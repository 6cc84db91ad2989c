"""The pure rules of 基层治理 against small oracles written from the law's text, at their boundaries."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.community.rules import committees as c
from minzheng.community.rules import disclosure as d
from minzheng.community.rules import elections as e
from minzheng.community.rules import facilities as f
from minzheng.community.rules import meetings as m

LIMITS = c.CompositionLimits(3, 7, 5, 9, 100, 700)
Q = m.Quorum(2, 3, 2, 3)
# a shared machine under load must not turn a slow example into a failure
relaxed = settings(deadline=None, max_examples=60)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def test_village_committee_of_three_to_seven_with_a_woman_art6():
    woman, man = c.MemberFacts("2", "member"), c.MemberFacts("1", "director")
    assert c.composition_problems("village", [man, woman, woman], LIMITS) == []
    assert c.composition_problems("village", [man, woman], LIMITS) == ["成员应为3至7人，现有2人"]
    problems = c.composition_problems(
        "village", [man, c.MemberFacts("1", "member"), c.MemberFacts("1", "member")], LIMITS
    )
    assert problems == ["村民委员会成员中应当有妇女成员（村民委员会组织法第六条）"]
    assert c.may_add_member("village", 6, LIMITS) and not c.may_add_member("village", 7, LIMITS)


def test_residents_committee_of_five_to_nine_art7_and_100_to_700_households_art6():
    assert not c.may_add_member("residents", 9, LIMITS)
    assert c.size_warning("residents", 100, LIMITS) == "" and c.size_warning("residents", 700, LIMITS) == ""
    assert "少于" in c.size_warning("residents", 99, LIMITS)
    assert "超过" in c.size_warning("residents", 701, LIMITS)
    assert c.size_warning("village", 5000, LIMITS) == ""


def test_close_relatives_are_those_of_civil_code_1045_art32():
    assert all(
        c.close_relative(r) for r in ("spouse", "parent", "child", "sibling", "grandparent", "grandchild")
    )
    assert not c.close_relative("other") and not c.close_relative("none")


@relaxed
@given(days)
def test_voter_list_published_on_election_day_minus_twenty_is_in_time_art14(election):
    assert e.publication_in_time(election - timedelta(days=20), election, 20)
    assert not e.publication_in_time(election - timedelta(days=19), election, 20)


@relaxed
@given(days, st.integers(min_value=-3, max_value=10))
def test_objection_within_five_days_of_publication_start_day_not_counted_art14(published, offset):
    filed = published + timedelta(days=offset)
    oracle = 0 <= offset <= 5  # 民法典第二百零一条: the fifth day after publication is the last
    assert e.objection_in_time(filed, published, 5) is oracle


@relaxed
@given(days)
def test_objection_answered_within_three_days_of_receipt_art14(filed):
    assert e.answer_deadline(filed, 3) == filed + timedelta(days=3)


@relaxed
@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=0, max_value=5000))
def test_election_valid_with_more_than_half_of_registered_voters_art15(registered, ballots):
    assert e.election_valid(registered, ballots) is (registered > 0 and ballots > registered / 2)


def test_elected_needs_more_than_half_of_the_ballots_art15():
    assert e.elected(51, 100) and not e.elected(50, 100) and not e.elected(0, 0)


@relaxed
@given(st.integers(min_value=0, max_value=3000), st.integers(min_value=1, max_value=3000))
def test_recall_proposed_by_a_fifth_of_voters_or_a_third_of_representatives_art16(signatures, base):
    assert e.recall_may_be_proposed(signatures, base, 5) is (Decimal(signatures) >= Decimal(base) / 5)
    assert e.recall_may_be_proposed(signatures, base, 3) is (Decimal(signatures) * 3 >= base)


def test_recall_passes_with_half_turnout_and_half_the_ballots_art16():
    assert e.recall_passes(100, 51, 26)
    assert not e.recall_passes(100, 50, 50)
    assert not e.recall_passes(100, 60, 30)


def test_term_of_five_years_ends_the_day_before_art11():
    assert e.term_end(date(2021, 5, 15), 5) == date(2026, 5, 14)
    assert e.term_end(date(2024, 2, 29), 5) == date(2029, 2, 27)


def test_non_hukou_voter_needs_a_year_of_residence_and_consent_art13():
    election = date(2026, 6, 1)
    # “以上” includes the number (民法典第一千二百五十九条): exactly one year on the election day is enough
    assert e.voter_category_problem("3", date(2025, 6, 1), date(2026, 5, 1), election, 1) == ""
    assert "居住1年以上" in e.voter_category_problem("3", date(2025, 6, 2), date(2026, 5, 1), election, 1)
    assert "同意" in e.voter_category_problem("3", date(2020, 1, 1), None, election, 1)
    assert e.voter_category_problem("1", None, None, election, 1) == ""


@relaxed
@given(days, st.integers(min_value=0, max_value=30))
def test_assembly_notified_ten_days_ahead_art21(held, ahead):
    assert m.notice_in_time(held - timedelta(days=ahead), held, 10) is (ahead >= 10)


@relaxed
@given(st.integers(1, 2000), st.integers(0, 2000), st.integers(1, 800), st.integers(0, 800))
def test_assembly_quorum_more_than_half_of_adults_or_two_thirds_of_households_art22(
    adults, present, hh, hh_present
):
    oracle = present > adults / 2 or Decimal(hh_present) >= Decimal(hh) * 2 / 3
    assert m.assembly_quorum(adults, present, hh, hh_present, Q) is oracle


@relaxed
@given(st.integers(1, 200), st.integers(0, 200))
def test_representatives_meeting_needs_two_thirds_art26(members, present):
    assert m.representatives_quorum(members, present, Q) is (present * 3 >= members * 2)


def test_decision_needs_more_than_half_of_those_present_art22():
    assert m.decision_passes(100, 51) and not m.decision_passes(100, 50)


def test_disclosure_due_by_frequency_art30():
    end = d.period_end("quarterly", 2026, 3)
    assert end == date(2026, 9, 30)
    assert d.period_end("monthly", 2026, 2) == date(2026, 2, 28)
    assert d.disclosure_due("quarterly", end, 10, 5) == date(2026, 10, 10)
    assert d.disclosure_due("immediate", date(2026, 3, 1), 10, 5) == date(2026, 3, 6)
    assert not d.disclosure_overdue(date(2026, 10, 10), None, date(2026, 10, 10))
    assert d.disclosure_overdue(date(2026, 10, 10), None, date(2026, 10, 11))
    assert d.disclosure_overdue(date(2026, 10, 10), date(2026, 10, 11), date(2026, 12, 1))


@relaxed
@given(st.dictionaries(st.integers(2015, 2030), st.sampled_from(["fit", "basic", "unfit"]), max_size=10))
def test_two_consecutive_unfit_appraisals_end_the_office_art33(results):
    years = sorted(results)
    oracle = next((b for a, b in itertools.pairwise(years) if results[a] == results[b] == "unfit"), None)
    assert d.office_ends(results, 2) == oracle


def test_facility_area_not_below_thirty_per_hundred_households_2017():
    assert f.area_per_100_households(Decimal(150), 500) == Decimal("30.00")
    assert f.facility_problems(Decimal(150), 500, Decimal(30), Decimal(0)) == []
    assert f.facility_problems(Decimal("149.99"), 500, Decimal(30), Decimal(0))
    assert f.facility_problems(Decimal(400), 1000, Decimal(40), Decimal(600)) == [
        "总面积400平方米，低于600平方米"
    ]
    assert f.area_per_100_households(Decimal(100), 0) is None


def test_workers_per_ten_thousand_urban_residents():
    assert f.workers_per_10k(18, 10000) == Decimal("18.00")
    assert f.workers_per_10k(1, 0) is None


def test_urban_grid_between_300_and_500_households():
    assert f.grid_size_warning(300, 300, 500) == "" and f.grid_size_warning(500, 300, 500) == ""
    assert f.grid_size_warning(299, 300, 500) and f.grid_size_warning(501, 300, 500)
