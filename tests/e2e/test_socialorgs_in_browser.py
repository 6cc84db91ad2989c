"""社会组织 in a real browser (issue 21's journey): the bureau enters an organisation's annual report, the
reviewer finds management fees over 10 % and gives 基本合格, the organisation is listed on 活动异常名录 and
shows on the public query, then its rectification is verified and it is removed. Every page fits 1280 px."""

import datetime as dt

import pytest
from django.core.management import call_command

from tests.core.factories import PASSWORD, make_divisions, make_user
from tests.socialorgs.factories import registered

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TODAY = dt.date.today()
WIDTH = "() => ({scroll: document.documentElement.scrollWidth, view: window.innerWidth})"


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def logout(page):
    page.click("button:has-text('退出')")


def fits(page):
    page.set_viewport_size({"width": 1280, "height": 800})
    measured = page.evaluate(WIDTH)
    assert measured["scroll"] <= measured["view"], (page.url, measured)


def test_report_fee_ratio_listing_public_query_and_removal(page, live_server):
    make_divisions()
    call_command("load_policy", verbosity=0)
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    reviewer = make_user("reviewer", "210602000000", username="yb_sh")
    org = registered(
        caseworker, reviewer, received_on=dt.date(2023, 1, 2), name="丹东市元宝区鸭绿江文化促进会"
    )
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    login(page, base, "yb_jb")
    page.goto(f"{base}/socialorgs/organisations/{org.pk}/")
    fits(page)
    page.click("text=报送年度报告")
    form = page.locator("form.card")
    for name, value in {
        "year": str(TODAY.year - 1), "supervisor_submitted_on": f"{TODAY.year}-03-20",
        "registry_submitted_on": f"{TODAY.year}-05-20", "total_income": "100000", "previous_year_income": "100000",
        "charitable_spending": "72000", "management_fees": "15000", "total_spending": "90000", "full_time_staff": "3",
    }.items():  # fmt: skip
        page.fill(f"input[name={name}]", value)
    fits(page)
    form.locator("button[type=submit]").click()
    assert "已登记" in page.inner_text(".messages")
    report_url = page.url
    logout(page)

    login(page, base, "yb_sh")
    page.goto(report_url)
    assert "16.67%（超过10%）" in page.inner_text("dl.fields")
    fits(page)
    result = page.get_by_test_id("result-form")
    result.locator("select[name=result]").select_option("basic")
    result.locator("textarea[name=note]").fill("管理费用占当年总支出16.67%，超过10%，限期3个月整改")
    result.locator("button[type=submit]").click()
    assert "基本合格" in page.inner_text(".messages") and "整改期限" in page.inner_text(".messages")
    logout(page)

    login(page, base, "yb_jb")
    page.goto(report_url)
    page.click("text=提请列入活动异常名录")
    page.select_option("select[name=reason]", "rectification_not_done")
    page.fill("input[name=basis]", "年检发现管理费用超过10%，未按要求整改")
    fits(page)
    page.locator("form.card button[type=submit]").click()
    assert "已提请" in page.inner_text(".messages")
    listing_url = page.url
    logout(page)

    login(page, base, "yb_sh")
    page.goto(listing_url)
    decide = page.get_by_test_id("listing-decide-form")
    decide.locator("select[name=listed]").select_option("1")
    decide.locator("button[type=submit]").click()
    assert page.get_by_test_id("status").inner_text() == "在列"
    fits(page)
    for url in ("/socialorgs/", "/socialorgs/organisations/", "/socialorgs/applications/", "/socialorgs/reports/",
                "/socialorgs/revocations/", "/socialorgs/credit/", "/socialorgs/applications/new/"):  # fmt: skip
        page.goto(base + url)
        fits(page)
    logout(page)

    page.goto(f"{base}/public/socialorgs/credit/")
    fits(page)
    assert org.name in page.inner_text("[data-testid=public-credit]")
    assert "未按登记管理机关要求完成整改" in page.inner_text("[data-testid=public-credit]")
    assert "年检发现" not in page.content()

    login(page, base, "yb_jb")
    page.goto(listing_url)
    fix = page.get_by_test_id("fix-form")
    fix.locator("input[name=note]").fill("已调整费用结构并提交整改报告")
    fix.locator("button[type=submit]").click()
    assert "已核实" in page.inner_text(".messages")
    logout(page)

    login(page, base, "yb_sh")
    page.goto(listing_url)
    remove = page.get_by_test_id("remove-form")
    remove.locator("input[name=reason]").fill("已履行整改义务")
    remove.locator("button[type=submit]").click()
    assert page.get_by_test_id("status").inner_text() == "已移出"
    logout(page)

    page.goto(f"{base}/public/socialorgs/credit/")
    assert org.name not in page.inner_text("[data-testid=public-credit]")
