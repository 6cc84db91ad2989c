"""区划地名 in a real browser (issue 22's journey): the 元宝区 caseworker proposes a street name in 丹东's
built-up area, gets the 第九条 homophone warning (星五路 sounds like 兴五路 in 振兴区, tones included), gives a
reason and files it; the approver approves it; the 15-day 公告 clock shows in 备案公告; once announced, the name
is on the public 公告 list with its Romanisation. Every page fits 1280 px."""

import datetime as dt

import pytest
from django.core.management import call_command

from tests.core.factories import PASSWORD, make_divisions, make_user

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


def test_propose_street_homophone_warning_approve_and_announce(page, live_server):
    from minzheng.placenames.models import PlaceName
    from minzheng.placenames.rules.pinyin import reading, romanize

    make_divisions()
    call_command("load_policy", verbosity=0)
    make_user("caseworker", "210602000000", username="yb_jb")
    make_user("approver", "210602000000", username="yb_sp")
    PlaceName.objects.create(
        specific="兴五",
        generic="路",
        category="5",
        division_code="210603000000",
        built_up_area="丹东市中心城区",
        roman=romanize("兴五", "路"),
        reading_key=reading("兴五").key,
        approved_by="丹东市人民政府",
        approved_on=dt.date(2008, 5, 1),
        filed_on=dt.date(2008, 5, 6),
        announced_on=dt.date(2008, 5, 8),
    )
    base = live_server.url
    page.on("dialog", lambda dialog: dialog.accept())

    login(page, base, "yb_jb")
    page.goto(f"{base}/placenames/applications/new/")
    fits(page)
    for name, value in {
        "specific": "星五", "generic": "路", "built_up_area": "丹东市中心城区", "location_text": "东起锦山大街，西至滨江路",
        "meaning": "取星光之意", "applicant": "元宝区住房和城乡建设局", "assessment_report": "综合评估报告（2026）",
        "expert_report": "专家论证报告（2026）", "consultation_report": "征求意见报告（2026）",
    }.items():  # fmt: skip
        page.fill(f"[name={name}]", value)
    page.fill("[name=reasons]", "新建城市道路需要命名")
    page.select_option("select[name=category]", "5")
    page.locator("main form button.btn-primary[type=submit]").click()
    body = page.inner_text("main")
    assert "与“兴五路”同音" in body and "同一城镇建成区范围" in body
    page.fill("[name=override_reason]", "沿用群众习惯称谓，专家论证同意，已与振兴区协商")
    page.locator("main form button.btn-primary[type=submit]").click()
    assert "已受理" in page.inner_text(".messages")
    application_url = page.url
    logout(page)

    login(page, base, "yb_sp")
    page.goto(application_url)
    fits(page)
    assert "同音" in page.inner_text("dl.fields")
    decide = page.get_by_test_id("decide-form")
    decide.locator("[name=note]").fill("同意命名")
    decide.locator("[name=approval_document]").fill("丹元政〔2026〕12号")
    decide.locator("button[type=submit]").click()
    assert "已批准：星五路" in page.inner_text(".messages")
    logout(page)

    login(page, base, "yb_jb")
    page.goto(f"{base}/placenames/announcements/")
    fits(page)
    row = page.locator("tr", has_text="星五路")
    assert "剩15天" in row.inner_text()
    row.locator("a", has_text="星五路").click()
    page.get_by_test_id("announce-form").locator("button[type=submit]").click()
    assert "已公告" in page.inner_text(".messages")
    logout(page)

    page.goto(f"{base}/public/placenames/announcements/")
    fits(page)
    listing = page.get_by_test_id("public-announcements").inner_text()
    assert "星五路" in listing and "Xingwu Lu" in listing and TODAY.isoformat() in listing
