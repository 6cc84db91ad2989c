"""The plans' indicators computed from the registry: bed ratio, coverage, staffing, visits, 特困 housing."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.eldercare.models import Institution
from minzheng.eldercare.rules.ratios import percentage
from minzheng.eldercare.selectors import indicators
from minzheng.eldercare.services import assessments, hardship, providers, residents

from .factories import make_elder, make_institution, scores

DAY = date(2026, 6, 30)


def test_nursing_bed_ratio_sums_beds_of_institutions_in_service(county_caseworker):
    make_institution(county_caseworker, beds_total=100, nursing_beds=60)
    make_institution(county_caseworker, beds_total=50, nursing_beds=20, division_code="210602003001")
    make_institution(county_caseworker, beds_total=50, nursing_beds=50, opened_on=date(2026, 7, 1))  # not yet
    closed = make_institution(county_caseworker, beds_total=40, nursing_beds=0)
    Institution.objects.filter(pk=closed.pk).update(status="closed", closed_on=date(2026, 1, 1))
    ratio = indicators.nursing_bed_ratio("210602000000", DAY)
    assert (ratio.numerator, ratio.denominator, ratio.value) == (80, 150, Decimal("53.3"))
    assert indicators.nursing_bed_ratio("210602003000", DAY).value == Decimal("40.0")


def test_bed_ratios_over_days_and_divisions_are_the_one_day_ratio(county_caseworker):
    """The cockpit's batched reads (every year-end in one query, several divisions in one query) give exactly
    what ``nursing_bed_ratio`` gives day by day and division by division."""
    make_institution(county_caseworker, beds_total=100, nursing_beds=60, opened_on=date(2021, 3, 1))
    make_institution(county_caseworker, beds_total=50, nursing_beds=20, division_code="210602003001")
    closed = make_institution(county_caseworker, beds_total=40, nursing_beds=0)
    Institution.objects.filter(pk=closed.pk).update(status="closed", closed_on=date(2024, 1, 1))
    days = [date(year, 12, 31) for year in range(2020, 2026)]
    assert indicators.nursing_bed_ratios("210602000000", days) == [
        indicators.nursing_bed_ratio("210602000000", day) for day in days
    ]
    codes = ["210602000000", "210602003000", "210603000000"]
    assert indicators.nursing_bed_ratios_of_each(codes, DAY) == [
        indicators.nursing_bed_ratio(code, DAY) for code in codes
    ]
    assert len({r.denominator for r in indicators.nursing_bed_ratios("210602000000", days)}) > 1


def test_a_division_without_institutions_has_no_ratio_not_zero(divisions):
    assert indicators.nursing_bed_ratio("210603000000", DAY).value is None


def test_township_coverage_counts_regional_centres_and_comprehensive_institutions(county_caseworker):
    # 元宝区 has two townships in the test tree: 七道街道 and 广济街道.
    assert indicators.township_coverage("210602000000", DAY).value == Decimal("0.0")
    providers.register_facility(
        county_caseworker,
        name="七道街道区域养老服务中心",
        kind="regional",
        division_code="210602002001",
        address="x",
        services=["meals"],
    )
    providers.register_facility(
        county_caseworker,
        name="广济社区养老服务站",
        kind="station",
        division_code="210602003001",
        address="x",
        services=["meals"],
    )
    ratio = indicators.township_coverage("210602000000", DAY)
    assert (ratio.numerator, ratio.denominator, ratio.value) == (1, 2, Decimal("50.0"))
    make_institution(county_caseworker, division_code="210602003001", comprehensive_function=True)
    assert indicators.township_coverage("210602000000", DAY).value == Decimal("100.0")
    assert indicators.township_coverage("210600000000", DAY).denominator == 3  # 振兴区's 永昌街道 uncovered


def test_social_workers_per_hundred_beds_and_per_thousand_elderly(county_caseworker):
    home = make_institution(county_caseworker, beds_total=200, nursing_beds=120)
    for n in range(3):
        providers.add_staff(
            county_caseworker,
            name=f"社工{n}",
            role="social_worker",
            hired_on=date(2025, 1, 1),
            institution=home,
        )
    providers.add_staff(
        county_caseworker, name="护理员", role="care_worker", hired_on=date(2025, 1, 1), institution=home
    )
    gone = providers.add_staff(
        county_caseworker, name="离职社工", role="social_worker", hired_on=date(2024, 1, 1), institution=home
    )
    providers.staff_leaves(county_caseworker, gone, left_on=date(2026, 1, 31))
    for n in range(4):
        make_elder(name=f"老人{n}")
    make_elder(name="年轻人", birth=date(1970, 1, 1))
    assert indicators.social_workers_per_hundred_beds("210602000000", DAY).value == Decimal("1.50")
    per_thousand = indicators.social_workers_per_thousand_elderly("210602000000", DAY)
    assert (per_thousand.numerator, per_thousand.denominator, per_thousand.value) == (3, 4, Decimal("750.00"))


def test_tekun_disabled_institutional_rate(county_caseworker, policy):
    home = make_institution(county_caseworker)
    disabled = [make_elder(name=f"失能{n}") for n in range(3)]
    able = make_elder(name="自理")
    for person in [*disabled, able]:
        hardship.register_elder(
            county_caseworker,
            person=person,
            categories=["alone"],
            registered_on=date(2025, 1, 1),
            is_tekun=True,
        )
    severe = scores(
        **{f"B.1.{n}": 0 for n in range(1, 9)}, **{"B.2.1": 0, "B.2.2": 0, "B.2.3": 0, "B.2.4": 0}
    )
    for person in disabled:
        assessments.record_assessment(
            county_caseworker,
            person=person,
            assessed_on=date(2026, 1, 5),
            reason="initial",
            assessors="张评估，李评估",
            scores=severe,
        )
    assessments.record_assessment(
        county_caseworker,
        person=able,
        assessed_on=date(2026, 1, 5),
        reason="initial",
        assessors="张评估，李评估",
        scores=scores(),
    )
    residents.admit(
        county_caseworker,
        institution=home,
        person=disabled[0],
        admitted_on=date(2026, 2, 1),
        bed_kind="nursing",
        care_grade="grade1",
        monthly_fee=Decimal("0"),
        funding="tekun",
    )
    ratio = indicators.tekun_disabled_institutional_rate(
        "210602000000", DAY, indicators.CapabilityLevel.MODERATE
    )
    assert (ratio.numerator, ratio.denominator) == (1, 3)
    assert ratio.value == percentage(1, 3) == Decimal("33.3")


def test_indicator_sources_are_offered_with_drilldowns(county_caseworker, policy):
    sources = collect_indicator_sources()
    ours = {code for code in sources if code.startswith("eldercare.")}
    assert ours == {
        "eldercare.nursing_bed_ratio",
        "eldercare.township_coverage",
        "eldercare.social_workers_per_thousand_elderly",
        "eldercare.social_workers_per_hundred_beds",
        "eldercare.monthly_visit_rate",
        "eldercare.tekun_disabled_institutional_rate",
    }
    make_institution(county_caseworker, beds_total=10, nursing_beds=6)
    value = sources["eldercare.nursing_bed_ratio"].compute("210602000000", date(2026, 1, 1), DAY)
    assert value.value == Decimal("60.0") and value.numerator == 6 and value.denominator == 10
    assert value.drilldown_url.startswith(
        "/eldercare/indicators/eldercare.nursing_bed_ratio/?division=210602000000"
    )
    # 振兴区 has nothing registered: ratios over nothing are undefined; its one township is really uncovered.
    for source in sources.values():
        if source.code.startswith("eldercare.") and source.code != "eldercare.township_coverage":
            assert source.compute("210603000000", date(2026, 1, 1), DAY).value is None, source.code
    coverage = sources["eldercare.township_coverage"].compute("210603000000", date(2026, 1, 1), DAY)
    assert (coverage.value, coverage.denominator) == (Decimal("0.0"), 1)


@pytest.mark.parametrize("month_end", [date(2026, 5, 31)])
def test_monthly_visit_rate_counts_elder_months(county_caseworker, month_end):
    a, b = make_elder(name="甲"), make_elder(name="乙")
    elder_a = hardship.register_elder(
        county_caseworker, person=a, categories=["alone"], registered_on=date(2026, 4, 10)
    )
    hardship.register_elder(
        county_caseworker, person=b, categories=["empty_nest"], registered_on=date(2026, 5, 20)
    )
    hardship.record_visit(
        county_caseworker, elder_a, visited_on=date(2026, 4, 12), method="home", findings="身体良好"
    )
    hardship.record_visit(
        county_caseworker, elder_a, visited_on=date(2026, 5, 3), method="phone", findings="电话问候"
    )
    hardship.record_visit(
        county_caseworker, elder_a, visited_on=date(2026, 5, 18), method="home", findings="再次入户"
    )
    rate = indicators_visit_rate(date(2026, 4, 1), month_end)
    # April: a due and visited; May: a visited (twice counts once), b due but not visited → 2 of 3.
    assert (rate.visited, rate.due, rate.rate) == (2, 3, Decimal("66.7"))


def indicators_visit_rate(start, end):
    from minzheng.eldercare.selectors.hardship import visit_rate

    return visit_rate("210602000000", start, end)


def test_tekun_status_comes_from_the_assistance_enrolment_in_force(county_caseworker, policy):
    from tests.core.factories import HouseholdFactory
    from tests.monitoring.helpers import enrol

    household = HouseholdFactory(size=1)
    elder = household.head
    hardship.register_elder(
        county_caseworker, person=elder, categories=["alone"], registered_on=date(2025, 1, 1)
    )  # not flagged 特困 on the register
    severe = scores(**{f"B.1.{n}": 0 for n in range(1, 9)}, **{f"B.2.{n}": 0 for n in range(1, 5)})
    assessments.record_assessment(
        county_caseworker, person=elder, assessed_on=date(2026, 1, 5), reason="initial",
        assessors="张评估，李评估", scores=severe,
    )  # fmt: skip
    level = indicators.CapabilityLevel.MODERATE
    assert indicators.tekun_disabled_institutional_rate("210602000000", DAY, level).denominator == 0
    enrolment = enrol(county_caseworker, household, program="tekun_dispersed", start=date(2026, 3, 1))
    assert indicators.tekun_disabled_institutional_rate("210602000000", DAY, level).denominator == 1
    assert (
        indicators.tekun_disabled_institutional_rate("210602000000", date(2026, 2, 27), level).denominator
        == 0
    )
    type(enrolment).objects.filter(pk=enrolment.pk).update(end_month=date(2026, 5, 1))  # 停保 from June
    assert indicators.tekun_disabled_institutional_rate("210602000000", DAY, level).denominator == 0
