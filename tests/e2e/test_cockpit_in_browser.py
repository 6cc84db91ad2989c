"""A leader in a real browser: opens the 丹东 plan's cockpit, sees the charts and the 约束性 rows, and drills
into an entered figure down to the county entries behind it, and into a computed one down to the elderly-care
registry records behind it."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.core.models import Division
from minzheng.planning import services
from minzheng.planning.models import IndicatorDefinition, PlanIndicator
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
    leader = make_user("leader", "210600000000", username="dd_ld")
    maker, checker = make_user("caseworker", "210600000000"), make_user("reviewer", "210600000000")
    returns = IndicatorDefinition.objects.get(code="planning.vagrant_return_rate")
    # 救助管理 computes the rate from station records; this city's stations are not on the platform, so the row
    # is rebound to the counties' entries (the 指标绑定 page's choice, kept by later syncs).
    row = PlanIndicator.objects.select_related("binding").get(
        plan__region_name="丹东市", name=RETURNS, source="table"
    )
    b = row.binding
    services.update_binding(
        leader, row, definition=returns, target_comparison=b.target_comparison, target_value=b.target_value,
        target_year=b.target_year, baseline_value=b.baseline_value, baseline_year=b.baseline_year,
        note=b.target_basis,
    )  # fmt: skip
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
    assert "96.0" in row.inner_text() and "约束性" in row.inner_text()
    beds = page.locator(f"#cockpit-indicators tr:has-text('{BEDS}')")
    assert "62.0" in beds.inner_text() and "约束性" in beds.inner_text()  # 124 / 200 in service at 2023 end

    row.locator(f"text={RETURNS}").click()
    page.wait_for_selector("#chart-trend canvas")
    assert "96.0" in page.inner_text("#actual")
    assert "元宝区" in page.inner_text("#divisions")
    page.click("#records-link")
    assert "2023" in page.inner_text("#entries") and "96" in page.inner_text("#entries")

    page.goto(cockpit)
    page.locator(f"#cockpit-indicators tr:has-text('{BEDS}') >> text={BEDS}").click()
    page.wait_for_selector("#chart-trend canvas")
    actual = page.inner_text("#actual")
    assert "62.0" in actual and "124.00 / 200.00" in actual
    page.click("#records-link")
    assert "元宝区颐养中心" in page.inner_text("main")


def test_the_note_column_has_room_and_the_cockpit_stays_short(page, live_server):
    """Issue 17: the 说明 column was squeezed to 60 px, so the page grew 5,387 px tall; with 20 indicators and their
    notes it must give the notes room and keep the page to a few screens."""
    make_divisions()
    Division.objects.create(
        code="210900000000", name="阜新市", level=2, parent_code="210000000000", source="test"
    )
    Division.objects.create(
        code="210100000000", name="沈阳市", level=2, parent_code="210000000000", source="test"
    )
    Division.objects.create(
        code="210112000000", name="浑南区", level=3, parent_code="210100000000", source="test"
    )
    plans = {plan.region_name: plan for plan in services.load_seed_plans()}
    services.seed_status_rules()
    services.sync_indicators()
    make_user("leader", "210600000000", username="dd_ld2")
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "dd_ld2")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/planning/plans/{plans['丹东市'].pk}/cockpit/?year=2023")
    page.wait_for_selector("#chart-status canvas")
    widths = page.eval_on_selector_all(
        "#cockpit-indicators td.note-cell", "cells => cells.map(c => c.offsetWidth)"
    )
    assert len(widths) == 22 and min(widths) >= 200, (
        widths
    )  # 20 + two rows bound by name since (婚姻, 基层治理)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 3000, height
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, overflow  # no sideways scrolling of the whole page either
