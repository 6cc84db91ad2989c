"""One 城市低保 application from 申请 to 审批 in a real browser, by three people: the county caseworker enters
and investigates it, the 七道街道 reviewer agrees and runs the 公示, the county approver approves; the decision
PDF downloads and the household is then 在保; then 发放: the caseworker generates the first month's roster, the
approver approves it and the bank file pays the household's head."""

import io
from datetime import date, timedelta

import pytest
from python_calamine import CalamineWorkbook

from minzheng.assistance.models import Enrolment
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.payments.services.seed import load_bank_formats
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


def test_a_dibao_application_from_application_to_payment(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.VAR_DIR = tmp_path
    make_divisions()
    load_assistance_policy()
    load_bank_formats()
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
    page.fill("input[name=household_text]", household.number)  # the picker: search, then choose
    page.get_by_role("option", name=f"户编号 {household.number}").click()
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
    enrolment = Enrolment.objects.get(household=household)

    # 发放: the caseworker generates the first month's roster and submits it; the approver approves it and
    # exports the bank file, which pays the household's head the approved amount.
    _login(page, live_server.url, "yb_jb")
    page.goto(f"{live_server.url}/assistance/enrolments/{enrolment.pk}/")
    assert "未登记" in page.get_by_test_id("payment-account").inner_text()
    _step(
        page, "保存账户", bank_name="丹东农商银行", bank_account="6230 1234 5678 9012 345", reason="首次登记"
    )
    assert page.get_by_test_id("payment-account").inner_text() == "丹东农商银行 6230***********2345"
    page.click("nav >> text=资金发放")
    page.select_option("select[name=program]", "dibao_urban")
    page.fill("input[name=month]", f"{enrolment.start_month:%Y-%m}")
    page.click("button:has-text('生成花名册')")
    assert page.get_by_test_id("roster-total").inner_text() == "¥1,089.00"
    page.click("button:has-text('提交审核')")
    assert "待审核" in page.inner_text("#roster-summary")

    _login(page, live_server.url, "yb_sp")
    page.click("nav >> text=资金发放")
    page.click(f"tr:has-text('{enrolment.start_month:%Y-%m}') >> text=查看")
    page.click("button:has-text('审核通过')")
    assert "已审核（锁定）" in page.inner_text("#roster-summary")
    page.select_option("select[name=format]", "generic")
    with page.expect_download() as download:
        page.click("button:has-text('导出代发文件')")
    with open(download.value.path(), "rb") as handle:
        rows = CalamineWorkbook.from_filelike(io.BytesIO(handle.read())).get_sheet_by_index(0).to_python()
    assert len(rows) == 2 and rows[1][4] == household.head.name and rows[1][7] == "6230123456789012345"
