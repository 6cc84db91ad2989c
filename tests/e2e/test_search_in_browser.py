"""全局检索 and the search picker in a real browser, keyboard only: a caseworker finds 黄帆 from the header's
search box by name and by the last 4 digits of the ID number, then registers a 救助申请 for 黄帆's household
choosing it in the picker — no mouse, no full ID number typed, none shown."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from minzheng.assistance.models import AssistanceCase
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.models import HouseholdMembership
from tests.core.factories import PASSWORD, HouseholdFactory, PersonFactory, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the element is focused (how a keyboard user gets there)."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got the focus by Tab")


def test_a_caseworker_finds_huang_fan_and_applies_for_the_household_by_keyboard(page, live_server):
    make_divisions()
    load_assistance_policy()
    make_user("caseworker", "210602000000", username="yb_jb")
    household = HouseholdFactory(village="210602002001", size=1)
    huang = PersonFactory(village="210602002001", name="黄帆", male=False)
    HouseholdMembership.objects.create(
        household=household, person=huang, relation="20", valid_from=date(2020, 1, 1)
    )
    stranger = PersonFactory(village="210603001001", name="黄帆")  # 振兴区: not ours

    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", "yb_jb")
    page.fill("input[name=password]", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")

    # by name, from the header of the home page
    _tab_to(page, "#global-search-q")
    page.keyboard.type("黄帆")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    people = page.locator("section.search-group", has_text="人员")
    expect(people.get_by_role("link", name="黄帆")).to_have_count(1)  # ours only, not 振兴区's
    body = page.content()
    assert huang.id_number not in body and stranger.id_number[-4:] not in body
    assert f"{huang.id_number[:6]}********{huang.id_number[-4:]}" in body

    # by the last 4 digits of the ID number
    _tab_to(page, "#global-search-q")
    page.keyboard.press("Control+A")
    page.keyboard.type(huang.id_number[-4:])
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/search/?q={huang.id_number[-4:]}")
    expect(
        page.locator("section.search-group", has_text="人员").get_by_role("link", name="黄帆")
    ).to_be_visible()
    expect(page.locator("section.search-group", has_text="家庭")).to_contain_text(household.number)

    # 登记救助申请: the household chosen in the picker by typing the name
    page.goto(f"{live_server.url}/assistance/cases/new/")
    picker = page.get_by_role("combobox", name="家庭（输入户编号、户主或成员姓名、身份证号检索后选择）")
    _tab_to(page, "input[name=household_text]")
    expect(picker).to_be_focused()
    page.keyboard.type("黄帆")
    option = page.get_by_role("option", name=f"户编号 {household.number}")
    expect(option).to_be_visible()
    page.keyboard.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")  # chooses; does not submit
    expect(page.locator("input[name=household]")).to_have_value(str(household.pk))
    chosen = picker.input_value()
    assert household.number in chosen and _masked(household.head.id_number) in chosen
    _tab_to(page, "textarea[name=reason]")
    page.keyboard.type("失业，无固定收入")
    _tab_to(page, "button[type=submit]:text-is('登记')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/assistance/cases/\d+/$"))
    case = AssistanceCase.objects.get()
    assert case.household_id == household.pk and case.reason == "失业，无固定收入"
    assert huang.id_number not in page.content()


def _masked(number: str) -> str:
    return f"{number[:6]}********{number[-4:]}"
