"""A leader in a real browser: opens the 丹东 plan's cockpit, sees the charts and the 约束性 rows, and drills
into an entered figure down to the county entries behind it, and into a computed one down to the elderly-care
registry records behind it."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.core.models import Division
from minzheng.planning import services
from minzheng.planning.models import IndicatorDefinition
from tests.core.factories import PASSWORD, make_divisions, make_user
from tests.eldercare.factories import make_institution

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RETURNS = "查明身份信息流浪乞讨受助人员接送返回率"  # no domain computes it: entered per county
BEDS = "养老机构护理型床位占比"  # computed from the elderly-care registry


def test_leader_opens_the_cockpit_and_drills_into_an_entered_and_a_computed_figure(page, live_server):
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
    returns = IndicatorDefinition.objects.get(code="planning.vagrant_return_rate")
    for year, returned in ((2020, 80), (2021, 86), (2022, 91), (2023, 96)):
        entry = services.submit_entry(maker, returns, division_code="210602000000", period_key=str(year), value=None,
                                      numerator=Decimal(returned), denominator=Decimal(100), comment="年报")  # fmt: skip
        services.review_entry(checker, entry, approve=True)
    make_institution(
        maker, name="元宝区颐养中心", beds_total=200, nursing_beds=124, opened_on=date(2021, 5, 1)
    )

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "dd_ld")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.click("text=规划监测")
    page.click("tr:has-text('丹东市民政事业发展') >> text=驾驶舱")
    page.select_option("select[name=year]", "2023")
    page.click("button:has-text('查看')")
    page.wait_for_selector("#chart-status canvas")
    cockpit = page.url
    assert page.locator("tr.binding-row").count() == 4
    row = page.locator(f"#cockpit-indicators tr:has-text('{RETURNS}')")
    assert "96.00" in row.inner_text() and "约束性" in row.inner_text()
    beds = page.locator(f"#cockpit-indicators tr:has-text('{BEDS}')")
    assert "62.00" in beds.inner_text() and "约束性" in beds.inner_text()  # 124 / 200 in service at 2023 end

    row.locator(f"text={RETURNS}").click()
    page.wait_for_selector("#chart-trend canvas")
    assert "96.00" in page.inner_text("#actual")
    assert "元宝区" in page.inner_text("#divisions")
    page.click("#records-link")
    assert "2023" in page.inner_text("#entries") and "96" in page.inner_text("#entries")

    page.goto(cockpit)
    page.locator(f"#cockpit-indicators tr:has-text('{BEDS}') >> text={BEDS}").click()
    page.wait_for_selector("#chart-trend canvas")
    actual = page.inner_text("#actual")
    assert "62.00" in actual and "124.00 / 200.00" in actual
    page.click("#records-link")
    assert "元宝区颐养中心" in page.inner_text("main")
