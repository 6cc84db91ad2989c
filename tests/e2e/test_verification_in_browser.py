"""A caseworker in a real browser: starts a batch 家庭经济状况核对 for the county, sees it finish, opens one
household's report and downloads its PDF."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.core.factories import PASSWORD, HouseholdFactory, make_divisions, make_user
from tests.verification.test_verification_app import deliver_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_caseworker_runs_a_county_verification_and_reads_a_report(page, live_server, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    make_divisions()
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    admin = make_user("sysadmin", "210600000000", username="dd_admin")
    household = HouseholdFactory(village="210602002001", size=2)
    HouseholdFactory(village="210602003001", size=1)
    members = [m.person.id_number for m in household.memberships.order_by("relation")]
    deliver_world(admin, members)
    assert caseworker.pk

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "yb_jb")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.click("text=家庭经济状况核对")
    page.fill("input[name=request_date]", dt.date(2026, 7, 15).isoformat())
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('发起批量核对')")
    expect(page.get_by_test_id("run-status")).to_have_text("已完成", timeout=30_000)  # no eval (CSP)
    assert "2/2 户" in page.inner_text("#run-progress")

    page.click(f"tr:has-text('{household.number}') >> text=核对报告")
    assert page.get_by_test_id("conclusion").inner_text() in {"符合", "不符合", "需人工复核"}
    assert "¥" in page.inner_text("#report")
    with page.expect_response(lambda r: r.url.endswith("report.pdf")) as response:
        page.goto(page.url + "report.pdf")
    assert response.value.headers["content-type"] == "application/pdf"
