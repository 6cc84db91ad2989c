"""Case figures for plan monitoring: persons, households and spending of a period, with a drill-down."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.case_indicator_sources import SOURCES
from minzheng.assistance.services.seed import load_assistance_policy

from .casework import approved_case, desks

pytestmark = pytest.mark.django_db


def test_dibao_figures_count_the_enrolments_in_force(household):
    load_assistance_policy()
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household, income="300.00")  # 1089 元/月 from April 2026
    sources = {s.code: s for s in SOURCES}
    assert len(sources) == len(SOURCES)
    persons = sources["assistance.dibao_urban_persons"].compute(
        "210602000000", date(2026, 4, 1), date(2026, 4, 30)
    )
    assert persons.value == 3 and "month=2026-04" in persons.drilldown_url
    assert (
        sources["assistance.dibao_urban_households"]
        .compute("210600000000", date(2026, 1, 1), date(2026, 3, 31))
        .value
        == 0
    )
    spending = sources["assistance.dibao_urban_spending"].compute(
        "210602000000", date(2026, 1, 1), date(2026, 6, 30)
    )
    assert spending.value == Decimal("0.3267")  # 3 months × 1089 元
    assert (
        sources["assistance.dibao_urban_persons"]
        .compute("210603000000", date(2026, 4, 1), date(2026, 4, 30))
        .value
        == 0
    )
