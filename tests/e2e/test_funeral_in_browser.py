"""殡葬 in a real browser (issue 20's journey): a 居民死亡医学证明 arrives in 卫健's file for a 低保 member, the
funeral home's order applies the 惠民殡葬 waiver, the household's benefit changes from the next month and the
caseworker has the review in the 待办."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from minzheng.assistance.selectors.entitlements import entitlements_for_month
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.funeral.services.waivers import load_funeral_policy
from minzheng.policy.interface import add_months, month_start
from tests.assistance.casework import approved_case
from tests.core.factories import HouseholdFactory, make_divisions, make_user
from tests.e2e.test_registry_in_browser import log_in
from tests.funeral.factories import csv_of, make_home, row_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _paid(month):
    return {e.household_id: (e.monthly_amount, e.persons) for e in entitlements_for_month(month)}


def test_a_death_certificate_for_a_dibao_member_waives_the_funeral_and_changes_the_benefit(page, live_server):
    make_divisions()
    load_assistance_policy()
    load_funeral_policy()
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")
    reviewer = make_user("reviewer", "210602002000", username="qd_sh")
    approver = make_user("approver", "210602000000", username="yb_sp")
    make_home(approver)
    household = HouseholdFactory(village="210602002001", size=2)
    approved_case(caseworker, reviewer, approver, household, income="300.00")
    member = household.memberships.exclude(person=household.head).first().person
    today = timezone.localdate()
    died = today - timedelta(days=2)
    before = _paid(month_start(died))[household.pk]

    log_in(page, live_server, "yb_jb")
    page.goto(f"{live_server.url}/funeral/deaths/import/")
    form = page.get_by_test_id("death-import-form")
    form.locator("input[name=source_department]").fill("丹东市卫生健康委员会")
    data = csv_of([row_of(member, "E2026000001", died=died.isoformat(), issued=died.isoformat())])
    form.locator("input[name=file]").set_input_files(
        {"name": "死亡信息.csv", "mimeType": "text/csv", "buffer": data}
    )
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("新增 1 条")

    page.goto(f"{live_server.url}/funeral/deaths/")
    page.get_by_role("link", name=member.name).click()
    expect(page.get_by_test_id("death-detail")).to_contain_text("生成登记变更")
    page.get_by_role("link", name="办理殡葬服务").click()
    page.select_option("select[name=home]", label="丹东市殡仪馆")
    page.fill("input[name=contact_name]", "王强")
    page.fill("input[name=pickup_distance_km]", "12")
    page.fill("input[name=storage_days]", "2")
    page.select_option("select[name=ash_handling]", label="骨灰寄存（格位）")
    page.click("button:has-text('受理')")
    expect(page.get_by_test_id("order-detail")).to_contain_text("低保对象")
    for code, quantity in (("J04", "1"), ("Y01", "1")):
        line = page.get_by_test_id("line-add")
        line.locator("select[name=item_code]").select_option(code)
        line.locator("input[name=quantity]").fill(quantity)
        line.locator("button[type=submit]").click()
        expect(page.locator(".messages")).to_contain_text("已添加服务项目")
    fields = page.locator("dl.fields")
    expect(fields).to_contain_text("¥1,000.00")  # 火化 400 + 告别厅 600
    expect(fields).to_contain_text("¥400.00")  # the cremation waived
    expect(fields).to_contain_text("¥600.00")  # the family pays the 告别厅
    page.once("dialog", lambda dialog: dialog.accept())  # 出账后订单不能再修改，确定出账？
    page.get_by_test_id("order-bill").locator("button[type=submit]").click()
    expect(page.get_by_test_id("status")).to_have_text("已出账单")

    call_command("assistance_daily", verbosity=0)
    assert _paid(month_start(died))[household.pk] == before
    next_month = _paid(add_months(month_start(died), 1))[household.pk]
    assert next_month[1] == before[1] - 1 and next_month[0] < before[0] and next_month[0] > Decimal(0)
    page.click("nav >> text=待办中心")
    rows = page.get_by_test_id("work-row").filter(has_text="死亡")
    expect(rows).to_have_count(1)
