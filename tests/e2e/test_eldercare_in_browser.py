"""养老机构隐患排查治理 in a real browser: an inspector records a hazard at an inspection, the caseworker
records the institution's rectification on its behalf (institutions have no accounts), a second look by the
inspector closes it. The deadline shown is counted in working days."""

import datetime as dt

import pytest
from django.core.management import call_command

from minzheng.eldercare.services.supervision import schedule_inspection
from tests.core.factories import PASSWORD, make_divisions, make_user
from tests.eldercare.factories import make_institution

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def logout(page):
    page.click("button:has-text('退出')")


def test_inspector_records_hazard_institution_rectifies_inspector_closes(page, live_server):
    make_divisions()
    call_command("load_assistance_policy", verbosity=0)
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    inspector = make_user("reviewer", "210602000000", username="yb_jc")
    home = make_institution(caseworker, name="元宝区福寿养老院")
    inspection = schedule_inspection(
        inspector, institution=home, planned_on=dt.date(2026, 11, 2), inspectors=[inspector]
    )
    base = live_server.url

    login(page, base, "yb_jc")
    page.goto(f"{base}/eldercare/supervision/inspections/{inspection.pk}/")
    form = page.locator("[data-testid=hazard-form]")
    form.locator("select[name=category]").select_option("fire")
    form.locator("select[name=severity]").select_option("general")
    form.locator("textarea[name=description]").fill("二楼疏散通道堆放轮椅和杂物")
    form.locator("input[name=evidence]").fill("现场照片 IMG_2031")
    form.locator("input[name=found_on]").fill("2026-11-02")
    form.locator("button[type=submit]").click()
    assert "已登记隐患" in page.inner_text(".messages")
    page.click("table >> text=查看")
    # Open: 待整改, or 逾期未整改 once today is past the deadline (the test date is fixed, the clock is not).
    status = page.get_by_test_id("status").inner_text()
    assert status == "待整改" or status.startswith("逾期未整改")
    assert "2026-11-23（15个工作日）" in page.inner_text("dl.fields")
    hazard_url = page.url
    logout(page)

    login(page, base, "yb_jb")
    page.goto(hazard_url)
    assert page.locator("[data-testid=recheck-form]").count() == 0
    rectify = page.locator("[data-testid=rectify-form]")
    rectify.locator("textarea[name=note]").fill("已清理通道，轮椅移至专用存放点")
    rectify.locator("input[name=evidence]").fill("整改后照片 IMG_2090")
    rectify.locator("button[type=submit]").click()
    assert page.get_by_test_id("status").inner_text() == "已整改待复查"
    logout(page)

    login(page, base, "yb_jc")
    page.goto(hazard_url)
    recheck = page.locator("[data-testid=recheck-form]")
    recheck.locator("select[name=passed]").select_option("1")
    recheck.locator("textarea[name=note]").fill("复查合格，通道畅通")
    recheck.locator("button[type=submit]").click()
    assert page.get_by_test_id("status").inner_text() == "复查合格已销号"
    assert "测试reviewer" in page.inner_text("dl.fields")
