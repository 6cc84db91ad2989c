"""Workforce: one 儿童督导员 per 乡镇（街道）, one 儿童主任 per 村（居） (民发〔2019〕34号), a 未保工作站 per township
(未保法 Art 81); the gap table and the rates the plans name; pages scoped to the jurisdiction."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minzheng.children.errors import ChildrenConflict, InvalidChildInput
from minzheng.children.rules import workforce as rules
from minzheng.children.selectors.workforce import overview
from minzheng.children.services import workforce as svc
from tests.core.factories import PASSWORD

pytestmark = pytest.mark.django_db
TODAY = date.today()


@settings(deadline=None)
@given(
    st.lists(st.sampled_from(["t1", "t2", "t3"]), unique=True),
    st.sets(st.sampled_from(["t1", "t2", "t3"])),
    st.sets(st.sampled_from(["v1", "v2", "v3", "v4"])),
)
def test_gaps_name_each_township_without_a_station_and_each_village_without_a_director(
    townships, stations, directors
):
    villages_of = {"t1": ["v1", "v2"], "t2": ["v3"], "t3": ["v4"]}
    rows = rules.township_gaps(townships, villages_of, stations, set(), directors)
    for row in rows:
        assert row.station == (row.code in stations)
        assert set(row.villages_without) == {v for v in villages_of[row.code] if v not in directors}
        assert row.villages_with_director + len(row.villages_without) == row.villages


def test_roles_sit_at_their_level_mingfa_2019_34():
    assert rules.level_error("supervisor", 4) is None and rules.level_error("director", 5) is None
    assert "乡镇" in rules.level_error("supervisor", 5) and "村" in rules.level_error("director", 4)


def test_one_worker_per_post_and_the_rates(policy, supervisor, county_approver):
    svc.open_station(
        county_approver,
        division_code="210602002000",
        name="七道街道未成年人保护工作站",
        opened_on=TODAY,
        staff_count=2,
    )
    with pytest.raises(ChildrenConflict):
        svc.open_station(
            county_approver, division_code="210602002000", name="重复", opened_on=TODAY, staff_count=1
        )
    with pytest.raises(InvalidChildInput, match="乡镇"):
        svc.open_station(
            county_approver, division_code="210602002001", name="x", opened_on=TODAY, staff_count=1
        )
    svc.appoint(
        county_approver, role="supervisor", division_code="210602002000", name="王督导", appointed_on=TODAY
    )
    director = svc.appoint(
        county_approver, role="director", division_code="210602002001", name="李主任", appointed_on=TODAY
    )
    with pytest.raises(ChildrenConflict, match="已有在任儿童主任"):
        svc.appoint(
            county_approver, role="director", division_code="210602002001", name="张", appointed_on=TODAY
        )
    with pytest.raises(InvalidChildInput, match="儿童主任须选择村"):
        svc.appoint(
            county_approver, role="director", division_code="210602002000", name="张", appointed_on=TODAY
        )
    data = overview("210602000000", TODAY)
    assert data.directors == 1 and data.trained_rate == Decimal("0.0")
    svc.record_training(supervisor, director, trained_on=TODAY, hours=Decimal("8"), topic="困境儿童保障政策")
    data = overview("210602000000", TODAY)
    assert data.trained_rate == Decimal("100.0")
    row = next(r for r in data.rows if r.code == "210602002000")
    assert row.station and row.supervisor and "210602002001" not in row.villages_without


def test_workforce_pages(client, policy, county_approver, outsider):
    worker = svc.appoint(
        county_approver, role="director", division_code="210602002001", name="李主任", appointed_on=TODAY
    )
    assert client.login(username=county_approver.username, password=PASSWORD)
    for url in ["/children/workforce/", "/children/workforce/workers/", "/children/workforce/workers/new/",
                "/children/workforce/stations/new/", f"/children/workforce/workers/{worker.pk}/"]:  # fmt: skip
        assert client.get(url).status_code == 200, url
    assert "缺儿童主任的村（居）" in client.get("/children/workforce/").content.decode()
    assert client.login(username=outsider.username, password=PASSWORD)
    assert client.get(f"/children/workforce/workers/{worker.pk}/").status_code == 404
    assert client.post(f"/children/workforce/workers/{worker.pk}/training/").status_code == 404
    assert client.post(f"/children/workforce/workers/{worker.pk}/end/").status_code == 404
    assert "李主任" not in client.get("/children/workforce/workers/").content.decode()


def test_indicator_sources_compute_from_the_records(policy, director):
    """The plans' figures: 委托照护协议签订率 counts 留守 children, signed agreements only."""
    from minzheng.children.services import register
    from minzheng.core.indicator_sources import collect_indicator_sources

    from .factories import both_parents, make_child, open_file

    sources = collect_indicator_sources()
    assert {
        "children.care_agreement_rate",
        "children.allowance_coverage",
        "children.station_coverage",
    } <= set(sources)
    for signed in (True, False):
        record = open_file(director, make_child())
        both_parents(director, record, "working_away")
        register.add_flag(
            director, record, category="left_behind", valid_from=date(2026, 1, 6), evidence="排查"
        )
        register.entrust_care(
            director, record, carer_name="王奶奶", carer_relation="祖母", started_on=date(2026, 1, 6),
            agreement_signed_on=date(2026, 1, 6) if signed else None,
        )  # fmt: skip
    value = sources["children.care_agreement_rate"].compute(
        "210602000000", date(2026, 1, 1), date(2026, 6, 30)
    )
    assert (value.numerator, value.denominator, value.value) == (1, 2, Decimal("50.0"))
    assert "category=left_behind" in value.drilldown_url
    growth = sources["children.orphan_standard_growth"].compute(
        "210600000000", date(2020, 1, 1), date(2026, 1, 1)
    )
    assert growth.value == Decimal("0.0")  # 丹东 1,284 since 2020: no rise recorded


def test_station_coverage_reads_the_same_one_at_a_time_by_year_and_by_division(policy, county_approver):
    """The cockpit's batch reads (every year, every subordinate division) equal the single computation."""
    from minzheng.core.indicator_sources import collect_indicator_sources

    svc.open_station(
        county_approver, division_code="210602002000", name="七道街道未成年人保护工作站",
        opened_on=date(2025, 3, 1), staff_count=2,
    )  # fmt: skip
    source = collect_indicator_sources()["children.station_coverage"]
    periods = [(date(2024, 1, 1), date(2024, 12, 31)), (date(2025, 1, 1), date(2025, 12, 31))]
    single = [source.compute("210602000000", start, end) for start, end in periods]
    assert [v.numerator for v in single] == [0, 1]
    series = source.compute_series("210602000000", periods)
    assert [(v.value, v.numerator, v.denominator) for v in series] == [
        (v.value, v.numerator, v.denominator) for v in single
    ]
    divisions = ["210602000000", "210603000000", "210600000000"]
    side_by_side = source.compute_divisions(divisions, *periods[1])
    assert [(v.value, v.numerator, v.denominator) for v in side_by_side] == [
        (v.value, v.numerator, v.denominator)
        for v in (source.compute(code, *periods[1]) for code in divisions)
    ]


def test_county_institution_transformation_rate_one_at_a_time_and_in_batches(client, policy, county_approver):
    """县级儿童福利机构转型为未成年人救助保护机构覆盖率 (辽宁 75 %, 阜新 65 %): counties with an institution transformed
    by the period's end ÷ counties; the cockpit's batch reads equal the single computation; the drill-down lists
    every county; a township code or another county is refused."""
    from minzheng.core.indicator_sources import collect_indicator_sources

    with pytest.raises(InvalidChildInput, match="县级区划代码"):
        svc.record_institution(
            county_approver,
            division_code="210602002000",
            name="x",
            transformed_on=date(2025, 1, 1),
            basis="x",
        )
    from django.http import Http404

    with pytest.raises(Http404):  # another county's code
        svc.record_institution(
            county_approver,
            division_code="210603000000",
            name="x",
            transformed_on=date(2025, 1, 1),
            basis="x",
        )
    svc.record_institution(
        county_approver, division_code="210602000000", name="元宝区未成年人救助保护中心",
        transformed_on=date(2025, 6, 1), basis="区编办批复（2025）3号",
    )  # fmt: skip
    with pytest.raises(ChildrenConflict):
        svc.record_institution(
            county_approver,
            division_code="210602000000",
            name="又一",
            transformed_on=date(2025, 7, 1),
            basis="x",
        )
    source = collect_indicator_sources()["children.institution_transformed_rate"]
    periods = [(date(2024, 1, 1), date(2024, 12, 31)), (date(2025, 1, 1), date(2025, 12, 31))]
    single = [source.compute("210600000000", start, end) for start, end in periods]
    assert single[0].numerator == 0 and single[1].numerator == 1 and single[1].denominator >= 2
    assert [
        (v.value, v.numerator, v.denominator) for v in source.compute_series("210600000000", periods)
    ] == [(v.value, v.numerator, v.denominator) for v in single]
    divisions = ["210602000000", "210603000000"]
    assert [v.value for v in source.compute_divisions(divisions, *periods[1])] == [
        Decimal("100.0"),
        Decimal("0.0"),
    ]
    assert client.login(username=county_approver.username, password=PASSWORD)
    body = client.get("/children/workforce/institutions/").content.decode()
    assert "元宝区未成年人救助保护中心" in body and "已转型 1 / 1" in body
