"""A leader in a real browser: opens the 丹东 plan's cockpit, sees the charts and the 约束性 rows, and drills
into one indicator down to the entered records behind its figure."""

from decimal import Decimal

import pytest

from minzheng.core.models import Division
from minzheng.planning import services
from minzheng.planning.models import IndicatorDefinition
from tests.core.factories import PASSWORD, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_leader_opens_the_cockpit_and_drills_into_an_indicator(page, live_server):
    make_divisions()
    Division.objects.bulk_create(
        Division(code=code, name=name, level=level, parent_code=parent, source="test")
        for code, name, level, parent in (
            ("210100000000", "沈阳市", 2, "210000000000"),
            ("210112000000", "浑南区", 3, "210100000000"),
            ("210900000000", "阜新市", 2, "210000000000"),
        )
    )
    services.load_seed_plans()
    services.seed_status_rules()
    services.sync_indicators()
    make_user("leader", "210600000000", username="dd_ld")
    maker, checker = make_user("caseworker", "210600000000"), make_user("reviewer", "210600000000")
    beds = IndicatorDefinition.objects.get(code="planning.nursing_bed_ratio")
    for year, nursing in ((2020, 40), (2021, 45), (2022, 52), (2023, 58)):
        entry = services.submit_entry(maker, beds, division_code="210602000000", period_key=str(year), value=None,
                                      numerator=Decimal(nursing), denominator=Decimal(100), comment="年报")  # fmt: skip
        services.review_entry(checker, entry, approve=True)

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "dd_ld")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.click("text=规划监测")
    page.click("tr:has-text('丹东市民政事业发展') >> text=驾驶舱")
    page.select_option("select[name=year]", "2023")
    page.click("button:has-text('查看')")
    page.wait_for_selector("#chart-status canvas")
    assert page.locator("tr.binding-row").count() == 4
    row = page.locator("#cockpit-indicators tr:has-text('养老机构护理型床位占比')")
    assert "58.00" in row.inner_text() and "约束性" in row.inner_text()

    row.locator("text=养老机构护理型床位占比").click()
    page.wait_for_selector("#chart-trend canvas")
    assert "58.00" in page.inner_text("#actual")
    assert "元宝区" in page.inner_text("#divisions")
    page.click("#records-link")
    assert "2023" in page.inner_text("#entries") and "58" in page.inner_text("#entries")
