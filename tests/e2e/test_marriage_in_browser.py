"""婚姻登记 in a real browser: a couple books an appointment on the public page, the registrar registers the
marriage the same day (J 字号), later receives their divorce application, one party withdraws it in the
cooling-off period, and the record shows it closed with the marriage still in force."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from minzheng.marriage.services.appointments import open_slots
from minzheng.marriage.services.registries import add_registrar, create_registry
from tests.core.factories import PASSWORD, make_divisions, make_user
from tests.marriage.factories import resident_id

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_book_register_divorce_withdraw_closed(page, live_server):
    make_divisions()
    call_command("load_policy", verbosity=0)
    admin = make_user("approver", "210602000000", username="yb_sp")
    clerk = make_user("caseworker", "210602000000", username="yb_djy")
    registry = create_registry(
        admin, name="元宝区婚姻登记处", division_code="210602", level="county", address="锦山大街88号"
    )
    add_registrar(admin, registry, user=clerk)
    today = timezone.localdate()
    open_slots(clerk, registry, start=today, end=today + dt.timedelta(days=10), morning=5, afternoon=5)
    base = live_server.url
    groom, bride = resident_id(dt.date(1994, 8, 8), True), resident_id(dt.date(1996, 9, 9), False)

    # 1. The public books a slot (no login).
    page.goto(f"{base}/public/marriage/")
    page.click("text=查看可预约时段")
    page.locator("[data-testid=slots] a:has-text('预约')").first.click()
    page.select_option("select[name=business]", "marriage")
    page.fill("input[name=name]", "周杰")
    page.fill("input[name=id_number]", groom)
    page.fill("input[name=phone]", "13912345678")
    page.click("button:has-text('提交预约')")
    assert page.get_by_test_id("booking-code").inner_text().strip()

    # 2. The registrar registers the marriage at the desk: same day, J 字号.
    login(page, base, "yb_djy")
    page.goto(f"{base}/marriage/marriages/new/")
    for prefix, name, number, prior in (("male", "周杰", groom, "10"), ("female", "吴倩", bride, "10")):
        page.fill(f"input[name={prefix}_name]", name)
        page.fill(f"input[name={prefix}_id_number]", number)
        page.select_option(f"select[name={prefix}_prior_status]", prior)
    for name in ("declared_voluntary", "declared_no_spouse", "declared_no_prohibited_kinship"):
        page.check(f"input[name={name}]")
    page.click("button:has-text('审查并登记发证')")
    assert f"J210602-{today.year}-000001" in page.inner_text(".messages")
    assert page.get_by_test_id("status").inner_text() == "婚姻存续"
    assert groom not in page.content()

    # 3. Later the couple applies for a divorce on the marriage record (受理, T0 = today).
    form = page.locator("[data-testid=divorce-receive]")
    form.locator("textarea[name=children]").fill("无子女")
    form.locator("textarea[name=property]").fill("各自名下财产归各自所有")
    form.locator("textarea[name=debts]").fill("无")
    form.locator("button[type=submit]").click()
    assert "已受理离婚登记申请" in page.inner_text(".messages")
    assert page.get_by_test_id("status").inner_text() == "冷静期中"

    # 4. One party withdraws during the cooling-off period (撤回确认单); the application is closed.
    page.on("dialog", lambda dialog: dialog.accept())
    withdraw = page.locator("[data-testid=divorce-withdraw]")
    withdraw.locator("select[name=party_sex]").select_option("2")
    withdraw.locator("button[type=submit]").click()
    assert page.get_by_test_id("status").inner_text() == "已撤回"
    assert page.locator("[data-testid=divorce-withdraw]").count() == 0
    page.click("dl.fields >> text=J210602")
    assert page.get_by_test_id("status").inner_text() == "婚姻存续"
    assert "已撤回" in page.inner_text("body")
    # 5. The year's statistics count the registration, the application and its withdrawal.
    page.goto(f"{base}/marriage/statistics/")
    facts = page.get_by_test_id("marriage-statistics").inner_text()
    assert "1 对（初婚 2 人、再婚 0 人）" in facts and "受理 1 件，撤回 1 件" in facts
    # The pages fit 1280 px without sideways scrolling.
    page.set_viewport_size({"width": 1280, "height": 900})
    for path in ["/marriage/", "/marriage/marriages/", "/marriage/marriages/new/", "/marriage/divorces/",
                 "/marriage/appointments/?day=", f"/marriage/registries/{registry.pk}/", "/public/marriage/",
                 "/marriage/statistics/"]:  # fmt: skip
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
