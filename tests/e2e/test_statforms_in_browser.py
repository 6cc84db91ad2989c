"""民政报表 in a real browser (issue 17): a reviewer opens a 2022 quarterly report (the widest layout: 上季度 · 环比 ·
上月), sees the 表内审核 finding in Chinese, 上报 is refused until the figure is fixed; the page fits 1280 px; a
leader sees the same report without 保存/上报 controls."""

from decimal import Decimal

import pytest

from minzheng.core.models import Division
from minzheng.planning import services
from tests.core.factories import PASSWORD, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
YUANBAO = "210602000000"


def _login(page, url, username):
    page.goto(f"{url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_a_reviewer_fixes_a_failed_check_and_a_leader_only_reads(page, live_server):
    make_divisions()
    Division.objects.create(code="210602100000", name="金山镇", level=4, parent_code=YUANBAO, source="test")
    services.load_stat_forms()
    clerk = make_user("caseworker", YUANBAO)
    make_user("reviewer", YUANBAO, username="yb_sh")
    make_user("leader", "210600000000", username="dd_ld")
    report = services.generate_report(clerk, "quarter", YUANBAO, "2022Q3")
    rows = {row.label: row for row in report.form.rows.all()}
    services.enter_values(clerk, report, {rows["(1)养老机构床位数"].pk: Decimal(60)})
    url = f"{live_server.url}/planning/statforms/reports/{report.pk}/"

    _login(page, live_server.url, "yb_sh")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    heads = page.locator("#statform thead tr").first.inner_text()
    assert "上季度" in heads and "上月" in heads
    assert "有养老机构床位数时，养老机构数不能为空" in page.locator("#problems").inner_text()
    assert page.locator("#submit-report button").is_disabled()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.fill("input[aria-label='A、养老机构']", "1")
    page.click("#report-form button[type=submit]")
    assert page.locator("#problems").count() == 0
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#submit-report button")
    page.wait_for_selector("text=报表已上报")

    page.context.clear_cookies()
    _login(page, live_server.url, "dd_ld")
    page.goto(url)
    assert page.locator("#statform").is_visible()
    assert page.locator("text=保存填报").count() == 0 and page.locator("#submit-report").count() == 0
    assert "单位负责人" in page.locator("#report-header").inner_text()
