"""One 城市低保 application from 申请 to 审批 in a real browser, by three people: the county caseworker enters
and investigates it, the 七道街道 reviewer agrees and runs the 公示, the county approver approves; the decision
PDF downloads and the household is then 在保. (The lead extends this to 发放 once payroll is merged.)"""

from datetime import date, timedelta

import pytest

from minzheng.assistance.models import Enrolment
from minzheng.assistance.services.seed import load_assistance_policy
from tests.core.factories import PASSWORD, HouseholdFactory, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _login(page, url, username):
    page.context.clear_cookies()
    page.goto(f"{url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def _step(page, label, **fields):
    form = page.locator(f"form:has(button:text-is('{label}'))")
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    form.locator(f"button:text-is('{label}')").click()
    page.wait_for_load_state()


def test_a_dibao_application_from_application_to_approval(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.VAR_DIR = tmp_path
    make_divisions()
    load_assistance_policy()
    make_user("caseworker", "210602000000", username="yb_jb")
    make_user("reviewer", "210602002000", username="qd_sh")
    make_user("approver", "210602000000", username="yb_sp")
    household = HouseholdFactory(village="210602002001", size=3)
    today = date.today()

    def day(offset):
        return (today - timedelta(days=offset)).isoformat()

    page.on("dialog", lambda dialog: dialog.accept())
    _login(page, live_server.url, "yb_jb")
    page.click("text=社会救助")
    page.click("a[role=tab]:has-text('救助申请')")
    page.click("text=登记申请")
    page.fill("input[name=household]", household.number)
    page.select_option("select[name=program_code]", "dibao_urban")
    page.fill("input[name=applied_on]", day(20))
    page.fill("textarea[name=reason]", "夫妻双方失业，孩子上学")
    page.click("button:text-is('登记')")
    assert page.get_by_test_id("case-status").inner_text() == "已申请"

    _step(page, "受理", on=day(19))
    _step(page, "发起家庭经济状况核对", on=day(18))
    if page.get_by_test_id("case-status").inner_text() == "家庭经济状况核对":
        _step(
            page,
            "核对完成，转入户调查",
            per_capita_income="300",
            per_capita_assets="2000",
            note="无部门数据，入户核实",
        )
    assert page.get_by_test_id("case-status").inner_text() == "入户调查"
    _step(
        page, "保存调查记录", on=day(15), investigators="王丽、赵强", living_conditions="租住平房",
        findings="无稳定收入，情况属实",
    )  # fmt: skip
    _step(page, "调查完成，提交审核")
    assert page.get_by_test_id("case-status").inner_text() == "乡镇（街道）审核"
    case_url = page.url

    _login(page, live_server.url, "qd_sh")
    page.goto(f"{live_server.url}/assistance/queue/")
    page.click(f"[data-testid=queue] tr:has-text('{household.number}') >> text=办理")
    assert page.url == case_url
    _step(page, "审核同意，张榜公示", on=day(10))
    assert page.get_by_test_id("case-status").inner_text() == "公示中"
    _step(page, "公示期满，报送审批", on=day(0))
    assert page.get_by_test_id("case-status").inner_text() == "待审批"

    _login(page, live_server.url, "yb_sp")
    page.goto(case_url)
    assert "¥" in page.get_by_test_id("benefit-amount").inner_text()
    _step(page, "批准", on=day(0))
    assert page.get_by_test_id("case-status").inner_text() == "已批准"
    with page.expect_response(lambda r: r.url.endswith("decision.pdf")) as response:
        page.goto(
            page.locator("[data-testid=decision-pdf]").get_attribute("href").join([live_server.url, ""])
        )
    assert response.value.headers["content-type"] == "application/pdf"
    page.goto(case_url)
    page.click("text=在保")
    assert page.get_by_test_id("enrolment-status").inner_text() == "在保"
    assert Enrolment.objects.get(household=household).amounts.get().monthly_amount == 1089
