"""基层治理's plan figures: 每百户面积, 社区工作者/万人, 换届 success, 村务公开 compliance — and the series and
division reads the cockpit uses give the same figures as one at a time, in a fixed number of queries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from minzheng.community import indicator_sources
from minzheng.community.services import elections as esvc
from minzheng.community.services import facilities as fsvc
from minzheng.community.services import meetings as msvc

from .factories import residents_committee

pytestmark = pytest.mark.usefixtures("policy")
SOURCES = {s.code: s for s in indicator_sources.SOURCES}
TODAY = date.today()


def test_area_per_hundred_households_with_series_and_divisions(
    county_caseworker, django_assert_max_num_queries
):
    a = residents_committee(county_caseworker, households=500, members=0)
    b = residents_committee(county_caseworker, code="210602003001", households=300, members=0)
    fsvc.add_centre(county_caseworker, a, name="甲", area_m2=Decimal(200), rooms=4, volunteer_station=False,
                    opened_on=date(2021, 3, 1))  # fmt: skip
    fsvc.add_centre(county_caseworker, b, name="乙", area_m2=Decimal(120), rooms=4, volunteer_station=False,
                    opened_on=date(2023, 3, 1))  # fmt: skip
    s = SOURCES["community.facility_area_per_100"]
    v = s.compute("210602000000", date(2025, 1, 1), date(2025, 12, 31))
    assert (v.value, v.numerator, v.denominator) == (Decimal("40.00"), Decimal(320), Decimal(800))
    periods = [(date(y, 1, 1), date(y, 12, 31)) for y in (2021, 2022, 2023)]
    with django_assert_max_num_queries(2):
        series = s.compute_series("210602000000", periods)
    assert [x.value for x in series] == [Decimal("25.00"), Decimal("25.00"), Decimal("40.00")]
    assert series == [s.compute("210602000000", *p) for p in periods]
    with django_assert_max_num_queries(2):
        split = s.compute_divisions(["210602002000", "210602003000", "210603000000"], *periods[2])
    assert [x.value for x in split] == [Decimal("40.00"), Decimal("40.00"), None]


def test_workers_per_ten_thousand_urban_residents(county_caseworker):
    c = residents_committee(county_caseworker, households=500, members=0)  # population 1000
    for i in range(2):
        fsvc.add_worker(county_caseworker, c, name=f"社工{i}", sex="2", post="staff", grade=1, monthly_pay="4000",
                        certificate="", started_on=date(2022, 1, 1))  # fmt: skip
    v = SOURCES["community.workers_per_10k"].compute("210602000000", date(2025, 1, 1), date(2025, 12, 31))
    assert (v.value, v.numerator, v.denominator) == (Decimal("20.00"), Decimal(2), Decimal(1000))
    assert "division_code=210602000000" in v.drilldown_url


def test_election_success_and_disclosure_compliance(county_caseworker):
    c = residents_committee(county_caseworker)
    election = TODAY - timedelta(days=1)
    r = esvc.open_round(
        county_caseworker,
        c,
        round_year=election.year,
        election_on=election,
        today=election - timedelta(days=20),
    )
    for i in range(4):
        esvc.add_voter(county_caseworker, r, name=f"选民{i}", category="1")
    r = esvc.publish_voter_list(county_caseworker, r, published_on=r.publish_by)
    esvc.record_results(county_caseworker, r, held_on=election, ballots=3, votes={})
    v = SOURCES["community.election_success"].compute(
        "210602000000", date(election.year, 1, 1), date(election.year, 12, 31)
    )
    assert (v.value, v.numerator, v.denominator) == (Decimal("100.00"), Decimal(1), Decimal(1))
    start = TODAY - timedelta(days=200)
    on_time = msvc.plan_disclosure(county_caseworker, c, category="decisions", period="a", period_end=start)
    msvc.plan_disclosure(county_caseworker, c, category="decisions", period="b", period_end=start)
    msvc.publish_disclosure(
        county_caseworker, on_time, published_on=start + timedelta(days=3), channel="board"
    )
    v = SOURCES["community.disclosure_compliance"].compute("210602000000", start, TODAY)
    assert (v.value, v.numerator, v.denominator) == (Decimal("50.00"), Decimal(1), Decimal(2))
