"""殡葬 in a real browser (issue 20's journey): a 居民死亡医学证明 arrives in 卫健's file for a 低保 member, the
funeral home's order applies the 惠民殡葬 waiver, the household's benefit changes from the next month and the
caseworker has the review in the 待办."""

from datetime import date, timedelta
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


def test_funeral_pages_fit_1280_px_and_show_no_developer_strings(page, live_server):
    from minzheng.funeral.services import orders
    from minzheng.funeral.services.deaths import UnidentifiedInput, record_certificate, record_unidentified
    from tests.e2e.test_pages_fit_the_screen_in_browser import WIDTH
    from tests.e2e.visible_text import developer_strings
    from tests.funeral.factories import certificate

    make_divisions()
    load_funeral_policy()
    desk = make_user("caseworker", "210602000000", username="yb_jb")
    bureau = make_user("approver", "210602000000", username="yb_sp")
    home = make_home(bureau)
    household = HouseholdFactory(village="210602002001", size=2)
    death = record_certificate(desk, certificate(household.head), today=timezone.localdate())
    order = orders.open_order(
        desk, death, orders.OrderInput(home=home, ordered_on=death.death_date, contact_name="王强")
    )
    for code in ("J01", "J04", "Y01", "P01"):
        orders.add_line(desk, order, item_code=code, quantity=1)
    body = record_unidentified(
        desk,
        UnidentifiedInput("丹公验字〔2026〕9号", "元宝分局", date(2026, 7, 3), date(2026, 7, 1), "210602002001",
                          "other", "unnatural", "男性，约60岁，江边发现"),
        today=timezone.localdate(),
    )  # fmt: skip
    from minzheng.funeral.models import Plot
    from minzheng.funeral.services import cemeteries

    cemetery = cemeteries.register_cemetery(
        bureau, name="元宝区凤凰山公益性公墓", kind="public", division_code="210602000000", approving_level="province",
        approval_document="辽民函〔2019〕12号", approved_on=date(2019, 5, 1),
    )  # fmt: skip
    cemeteries.add_section(bureau, cemetery, name="A", rows=6, columns=40, plot_kind="single_ashes", area_m2="0.8", on=date(2026, 8, 1))  # fmt: skip
    plot = cemeteries.bury(desk, Plot.objects.get(number="A-01-01"), death, on=timezone.localdate())
    from minzheng.funeral.services import settlements

    orders.issue_bill(desk, order, on=timezone.localdate())
    settlement = settlements.prepare(desk, home, month=timezone.localdate())
    from minzheng.funeral.services import eco, memorials

    eco.set_award_rule(bureau, division_code="210602000000", method="sea", amount="1000", effective_from=date(2026, 1, 1), source_note="演示数据")  # fmt: skip
    sea = record_certificate(desk, certificate(HouseholdFactory(village="210602002001", size=1).head), today=timezone.localdate())  # fmt: skip
    eco.record_eco_burial(desk, sea, method="sea", buried_on=sea.death_date, family_name="李梅")
    awards = eco.prepare_award_list(desk, division_code="210602000000", month=timezone.localdate())
    memorial = memorials.publish_memorial(desk, death, shown_name=death.name, dates_shown="years", consent_by="王强", consent_relation="子", consent_on=timezone.localdate())  # fmt: skip
    memorials.set_quota(desk, cemetery, day=timezone.localdate() + timedelta(days=1), capacity=100)
    pages = {
        "yb_jb": ["/funeral/", "/funeral/deaths/", f"/funeral/deaths/{death.pk}/", f"/funeral/deaths/{body.pk}/",
                  "/funeral/deaths/new/", "/funeral/deaths/unidentified/new/", "/funeral/deaths/import/",
                  "/funeral/orders/", "/funeral/orders/new/", f"/funeral/orders/{order.pk}/", "/funeral/waivers/", "/funeral/settlements/new/",
                  "/funeral/eco/", f"/funeral/eco/new/?death={death.pk}", "/funeral/eco/awards/", f"/funeral/eco/awards/{awards.pk}/",
                  "/funeral/memorials/", "/funeral/proxy/", "/funeral/visits/", "/funeral/visits/new/", "/funeral/supervision/",
                  f"/public/funeral/memorials/{memorial.token}/", "/public/funeral/visits/", "/funeral/supervision/violations/",
                  "/funeral/supervision/licences/"],
        "yb_sp": ["/funeral/homes/", f"/funeral/homes/{home.pk}/", "/funeral/homes/new/", "/funeral/waivers/new/",
                  "/funeral/cemeteries/", f"/funeral/cemeteries/{cemetery.pk}/", "/funeral/cemeteries/limits/",
                  f"/funeral/plots/{plot.pk}/", "/funeral/cemeteries/new/", "/funeral/settlements/",
                  f"/funeral/settlements/{settlement.pk}/", "/funeral/eco/rules/", "/funeral/eco/rules/new/",
                  "/funeral/supervision/draw/", "/funeral/supervision/licences/new/"],
    }  # fmt: skip
    # the header names test users without a full name by their role code: data, not a page string
    role_codes = frozenset({"caseworker", "approver"})
    problems = []
    for username, urls in pages.items():
        log_in(page, live_server, username)
        for url in urls:
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(live_server.url + url)
            measured = page.evaluate(WIDTH)
            if measured["scroll"] > measured["view"]:
                problems.append(f"{url}: {measured['scroll']} px ({measured['widest']})")
            problems += [
                f"{url}: {found}" for found in developer_strings(page.inner_text("body"), data=role_codes)
            ]
        page.click("button:has-text('退出')")
    assert not problems, "\n".join(problems)
