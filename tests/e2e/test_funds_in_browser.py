"""资金项目监督 in a real browser (issue 24's journey): a leader opens a fund, drills to a township's payments,
opens an anomaly the checks found (a payee paid after death), and the county confirms it and records the
recovery."""

from datetime import date

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.batch.intake import ExchangeStore
from minzheng.core.models import Person
from minzheng.funds.models import Finding, FindingStatus
from minzheng.funds.services.checks import run_checks
from minzheng.funds.services.ledger import allocate, book_payments, create_fund
from minzheng.payments.services.approval import approve_roster, submit_roster
from minzheng.payments.services.generation import generate_roster
from minzheng.payments.services.seed import load_bank_formats
from tests.core.factories import HouseholdFactory, make_divisions, make_user
from tests.e2e.test_registry_in_browser import log_in
from tests.payments.conftest import enrol

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
MONTH = date(2026, 6, 1)


def test_a_leader_drills_to_the_payments_and_the_county_recovers_a_payment_after_death(
    page, live_server, tmp_path
):
    make_divisions()
    load_assistance_policy()
    load_bank_formats()
    call_command("load_policy", verbosity=0)
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    approver = make_user("approver", "210602000000", username="yb_sp")
    leader = make_user("leader", "210600000000", username="dd_ld")
    homes = [
        HouseholdFactory(village="210602002001", size=2),
        HouseholdFactory(village="210602003001", size=1),
    ]
    enrolments = [
        enrol(caseworker, h, amount=a, persons=h.memberships.count())
        for h, a in zip(homes, ("500.00", "663.00"), strict=True)
    ]
    roster = generate_roster(
        caseworker, program_code="dibao_urban", division_code="210602000000", month=MONTH
    ).roster
    submit_roster(caseworker, roster)
    approve_roster(approver, roster)
    fund = create_fund(
        leader, name="中央财政困难群众救助补助资金", year=2026, level="central", kind="general",
        division_code="210600", budget="50000.00", program_codes="dibao_urban",
    )  # fmt: skip
    allocation = allocate(
        leader, fund, division_code="210602", amount="50000.00", allocated_on=date(2026, 1, 15)
    )
    book_payments(leader, allocation, month_from=date(2026, 1, 1), month_to=date(2026, 12, 1))
    dead = enrolments[1].payee
    Person.objects.filter(pk=dead.pk).update(is_deceased=True, death_date=date(2026, 4, 20))
    run_checks(
        leader, division_code="210602", month_from=MONTH, month_to=MONTH, store=ExchangeStore(tmp_path / "x")
    )

    log_in(page, live_server, "dd_ld")
    page.goto(f"{live_server.url}/funds/")
    page.get_by_role("link", name="2026年中央财政困难群众救助补助资金").click()
    detail = page.get_by_test_id("fund-detail")
    expect(detail).to_contain_text("¥1,163.00")
    page.get_by_role("link", name="七道街道").click()
    expect(page.locator("table")).to_contain_text("****")
    expect(page.locator("table")).to_contain_text("¥500.00")
    page.get_by_role("link", name="资金疑点").first.click()
    page.get_by_role("link", name="死亡后仍发放").click()
    expect(page.get_by_test_id("finding-detail")).to_contain_text("死亡日期 2026-04-20")
    expect(page.get_by_test_id("decide")).to_have_count(0)  # leaders read; the county verifies

    page.context.clear_cookies()
    log_in(page, live_server, "yb_jb")
    finding = Finding.objects.get()
    page.goto(f"{live_server.url}/funds/findings/{finding.pk}/")
    form = page.get_by_test_id("decide")
    form.locator("select[name=outcome]").select_option(label="确认问题")
    form.locator("input[name=recovered_amount]").fill("663.00")
    form.locator("textarea[name=explanation]").fill("已从代发账户追回")
    form.locator("button[type=submit]").click()
    expect(page.get_by_test_id("status")).to_have_text("确认问题")
    page.goto(f"{live_server.url}/funds/findings/statistics/")
    expect(page.locator("table")).to_contain_text("¥663.00")
    assert Finding.objects.get().status == FindingStatus.CONFIRMED
