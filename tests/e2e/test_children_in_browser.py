"""未成年人保护 in a real browser: a 村 儿童主任 reports a suspected neglect case, the township (儿童督导员)
assesses it, the county 民政 places the child in 临时监护 and, once the guardian can care again, ends the
placement and closes the case with the reporter informed. The case stays invisible to another 儿童主任."""

import pytest
from django.core.management import call_command

from tests.core.factories import PASSWORD, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def logout(page):
    page.click("button:has-text('退出')")


def test_report_assess_place_and_close_a_neglect_case(page, live_server):
    make_divisions()
    call_command("load_assistance_policy", verbosity=0)
    make_user("caseworker", "210602002001", username="cun_ertong")
    make_user("caseworker", "210602002001", username="cun_other")
    make_user("reviewer", "210602002000", username="zhen_dudao")
    make_user("approver", "210602000000", username="xian_minzheng")
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    login(page, base, "cun_ertong")
    page.goto(f"{base}/children/cases/new/")
    page.fill("input[name=child_description]", "女孩，约7岁，城隍庙一社区")
    page.select_option("select[name=situation]", "neglect")
    page.fill("textarea[name=description]", "父母外出多日，儿童独自在家，无人照料")
    page.select_option("select[name=channel]", "committee")
    page.select_option("select[name=reporter_kind]", "institution")
    page.fill("input[name=reporter_name]", "城隍庙一社区居委会")
    page.click("form.card button[type=submit]")
    assert "已接报，案件编号 WB210602" in page.inner_text(".messages")
    case_url = page.url
    logout(page)

    login(page, base, "cun_other")
    assert page.goto(case_url).status == 404
    assert "WB210602" not in page.goto(f"{base}/children/cases/").text()
    logout(page)

    login(page, base, "zhen_dudao")
    page.goto(case_url)
    form = page.locator("[data-testid=assess-form]")
    form.locator("input[name=participants]").fill("七道街道、区民政局、七道派出所")
    form.locator("textarea[name=safety]").fill("独自在家，存在安全隐患")
    form.locator("textarea[name=guardianship]").fill("父母外出未委托照护")
    form.locator("textarea[name=health]").fill("营养状况较差")
    form.locator("select[name=risk_level]").select_option("high")
    form.locator("button[type=submit]").click()
    assert "已完成调查评估" in page.inner_text(".messages")
    assert page.get_by_test_id("status").inner_text() == "已评估（待制定帮扶计划）"
    logout(page)

    login(page, base, "xian_minzheng")
    page.goto(case_url)
    form = page.locator("[data-testid=place-form]")
    form.locator("select[name=kind]").select_option("temporary")
    form.locator("select[name=ground]").select_option("4")
    form.locator("select[name=placement]").select_option("protection")
    form.locator("input[name=institution_name]").fill("元宝区未成年人救助保护中心")
    form.locator("button[type=submit]").click()
    assert "已决定临时监护" in page.inner_text(".messages")
    assert "监护人拒绝或者怠于履行监护职责" in page.inner_text("main")
    end = page.locator("[data-testid=end-placement-form]")
    end.locator("input[name=end_note]").fill("父母已返回，经评估具备监护条件，送回监护人")
    end.locator("button[type=submit]").click()
    close = page.locator("[data-testid=close-form]")
    close.locator("textarea[name=note]").fill("临时监护后送回监护人，父母已签订委托照护协议")
    close.locator("input[name=reporter_informed_on]").fill(
        page.locator("[data-testid=close-form] input[name=closed_on]").input_value()
    )
    close.locator("input[name=reporter_result]").fill("已电话告知居委会处理结果")
    close.locator("button[type=submit]").click()
    assert page.get_by_test_id("status").inner_text() == "已结案"
