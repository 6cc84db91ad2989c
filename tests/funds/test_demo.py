"""The demo: 丹东's funds balance (allocations = budget), the locked payroll is booked once, and the seeded
anomalies (deaths delivered by 卫健, an over-limit car, a business) are what the checks find."""

from datetime import date

import pytest

from minzheng.funds.demo.ledger import demo_loaded, load_demo
from minzheng.funds.models import Finding, FindingStatus, Fund
from minzheng.funds.selectors.funds import fund_totals
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db


def test_demo_funds_balance_and_the_seeded_anomalies_are_found(approved_roster, policy, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    make_user("leader", "210600000000", username="city_leader")
    make_user("caseworker", "210602000000", username="county_caseworker")
    message = load_demo(today=date(2026, 7, 15))
    assert demo_loaded() and "资金8项" in message
    for fund in Fund.objects.all():
        assert fund_totals(fund)["allocated"] == fund.budget
    central = Fund.objects.get(year=2026, level="central")
    assert fund_totals(central)["spent"] > 0
    codes = set(Finding.objects.values_list("check_code", flat=True))
    assert {"paid_after_death", "vehicle_over_limit", "business_over_limit"} <= codes
    assert Finding.objects.filter(status=FindingStatus.CONFIRMED, recovered_amount__gt=0).count() == 1
