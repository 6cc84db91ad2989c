"""待办中心 in a real browser: the county approver finds a payroll roster awaiting approval in the same 待办 as
the 社会救助 case waiting for 审批, overdue rows marked in red; claims the roster and sees themself as its owner;
the home page sums the queue up per domain."""

from datetime import date

import pytest
from playwright.sync_api import expect

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.payments.services.approval import submit_roster
from minzheng.payments.services.generation import generate_roster
from minzheng.payments.services.seed import load_bank_formats
from tests.assistance.casework import dibao_case, to_approval
from tests.core.factories import HouseholdFactory, make_divisions, make_user
from tests.e2e.test_registry_in_browser import log_in
from tests.payments.conftest import enrol

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_approver_claims_a_roster_in_the_same_queue_as_cases(page, live_server):
    make_divisions()
    load_assistance_policy()
    load_bank_formats()
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    reviewer = make_user("reviewer", "210602002000", username="qd_sh")
    approver = make_user("approver", "210602000000", username="yb_sp")
    approver.full_name = "李审批"
    approver.save(update_fields=["full_name"])
    enrol(caseworker, HouseholdFactory(village="210602002001", size=2), amount="500.00", persons=2)
    roster = generate_roster(
        caseworker, program_code="dibao_urban", division_code="210602000000", month=date(2026, 6, 1)
    ).roster
    submit_roster(caseworker, roster)
    case = dibao_case(caseworker, HouseholdFactory(village="210602002001", size=3), until="investigating")
    to_approval(caseworker, reviewer, case.pk)  # its step fell due in March 2026: overdue

    log_in(page, live_server, "yb_sp")
    summary = page.get_by_test_id("todo-summary")
    expect(summary).to_contain_text("资金发放")
    expect(summary).to_contain_text("社会救助")
    expect(page.get_by_test_id("todo")).to_have_text("2")
    page.click("nav >> text=待办中心")
    rows = page.get_by_test_id("work-row")
    expect(rows).to_have_count(2)
    case_row = rows.filter(has_text="城市低保申请 · 待审批")
    roster_row = rows.filter(has_text="城市低保花名册 · 待审核")
    expect(case_row.get_by_test_id("overdue")).to_be_visible()  # red tag: 超期N个工作日
    assert "tag-red" in case_row.get_by_test_id("overdue").get_attribute("class")
    expect(roster_row.get_by_test_id("overdue")).to_have_count(0)
    expect(rows.first).to_contain_text("待审批")  # overdue first
    expect(roster_row.get_by_test_id("owner")).to_have_text("未认领")
    roster_row.get_by_role("button", name="认领").click()
    expect(page.locator(".messages")).to_contain_text("已认领")
    roster_row = page.get_by_test_id("work-row").filter(has_text="花名册")
    expect(roster_row.get_by_test_id("owner")).to_have_text("李审批")
    page.select_option("select[name=scope]", "mine")
    page.click("button:has-text('搜索')")
    expect(page.get_by_test_id("work-row")).to_have_count(1)
    expect(page.get_by_test_id("work-row")).to_contain_text("花名册")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1400  # the queue fits the screen
    page.get_by_test_id("work-row").get_by_role("link", name="城市低保花名册 · 待审核").click()
    expect(page.locator("button:has-text('审核通过')")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1400


def test_county_caseworker_assigns_a_warning_to_a_township_and_a_person(page, live_server):
    from minzheng.monitoring.models import MonitoringRun, RiskRule
    from tests.worklist.world import _warning

    make_divisions()
    load_assistance_policy()
    make_user("caseworker", "210602000000", username="yb_jb")
    township = make_user("caseworker", "210602002000", username="qd_jb")
    township.full_name = "赵核实"
    township.save(update_fields=["full_name"])
    run = MonitoringRun.objects.create(kind="daily", until=date.today())
    rule = RiskRule.objects.create(
        code="income_below_line",
        division_code="0" * 12,
        valid_from=date(2020, 1, 1),
        severity="high",
        verify_days=5,
    )
    warning = _warning(
        run, rule, HouseholdFactory(village="210602002001", size=1).head, "210602000000", date(2026, 3, 10)
    )

    log_in(page, live_server, "yb_jb")
    page.goto(f"{live_server.url}/monitoring/warnings/{warning.pk}/")
    page.select_option("#assign-form select[name=division_code]", label="七道街道")
    page.select_option("#assign-form select[name=owner]", label="赵核实（七道街道）")
    page.click("#assign-form button[type=submit]")
    expect(page.get_by_test_id("warning-owner")).to_have_text("赵核实")
    expect(page.get_by_test_id("assigned-to")).to_contain_text("七道街道")
    expect(page.locator("body")).to_contain_text("分派至七道街道，责任人赵核实")
    page.click("button:has-text('退出')")

    log_in(page, live_server, "qd_jb")
    page.click("nav >> text=待办中心")
    page.select_option("select[name=scope]", "mine")
    page.click("button:has-text('搜索')")
    row = page.get_by_test_id("work-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(warning.number)
    expect(row.get_by_test_id("overdue")).to_be_visible()
