"""A caseworker in a real browser: log in, find a household, see masked IDs, reveal one (audited)."""

import pytest
from playwright.sync_api import expect

from minzheng.core.models import AuditEvent
from tests.core.factories import PASSWORD, HouseholdFactory, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_caseworker_opens_a_household_and_sees_masked_ids(page, live_server):
    make_divisions()
    make_user("caseworker", "210602002000", username="qd_jb")
    household = HouseholdFactory(village="210602002001", size=3)
    head = household.head.id_number

    log_in(page, live_server, "qd_jb")
    assert page.get_by_test_id("households").inner_text() == "1"
    page.click("text=家庭户")
    page.fill("input[name=q]", household.head.name)
    page.click("button:has-text('搜索')")
    page.click(f"tr:has-text('{household.number}') >> text=查看")

    ids = page.get_by_test_id("id-number")
    assert ids.count() == 3
    first = ids.first.inner_text()
    assert first == f"{head[:6]}********{head[-4:]}"
    assert head not in page.content()

    page.locator("tr", has_text=household.head.name).get_by_role("button", name="显示").click()
    # ``expect`` polls from Playwright's own world: a string ``wait_for_function`` is an eval the page's CSP
    # refuses whenever the first check is not already true (a flake on a busy machine)
    expect(page.locator("body")).to_contain_text(head, timeout=30_000)
    assert AuditEvent.objects.filter(action="read_id_number", user__username="qd_jb").count() == 1


def test_wrong_password_shows_a_chinese_message(page, live_server):
    make_divisions()
    make_user("caseworker", "210602002000", username="qd_jb")
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "qd_jb")
    page.fill("input[name=password]", "wrong-password")
    page.click("button[type=submit]")
    assert "用户名或密码错误" in page.get_by_role("alert").inner_text()
