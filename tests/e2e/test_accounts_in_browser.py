"""Account controls in a real browser: a 系统管理员 creates a user and hands over the one-time password; the user
must change it at the first login; the pages run under the Content-Security-Policy without a violation."""

import re

import pytest

from minzheng.core.models import User
from tests.core.factories import PASSWORD, make_divisions, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW = "Qm#Harbour2031"


def log_in(page, live_server, username, password=PASSWORD):
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def watch_csp(page) -> list[str]:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    return violations


def latin_words(text: str) -> list[str]:
    # Usernames and names are data (the factory's full names carry the role code); UI words must be Chinese.
    for data in ("yb_admin", "qd_li", "测试sysadmin"):
        text = text.replace(data, "")
    return re.findall(r"[A-Za-z]{3,}", text)


def test_administrator_creates_a_user_who_must_change_the_password(page, live_server):
    make_divisions()
    make_user("sysadmin", "210602000000", username="yb_admin")
    violations = watch_csp(page)
    log_in(page, live_server, "yb_admin")
    page.wait_for_url(f"{live_server.url}/")
    page.click("nav >> text=用户管理")
    page.click("a:has-text('新增')")
    page.fill("input[name=username]", "qd_li")
    page.fill("input[name=full_name]", "李新")
    page.select_option(".division-picker select[name=parent]", "210602002000")
    page.check("input[name=roles][value=caseworker]")
    page.screenshot(path="/tmp/h14b_user_form.png", full_page=True)
    page.click("button:has-text('保存')")
    one_time = page.get_by_test_id("one-time-password").inner_text()
    assert User.objects.get(username="qd_li").division_code == "210602002000"
    page.click("text=返回用户列表")
    row = page.locator("tr[data-username=qd_li]")
    assert "待改密" in row.inner_text() and "七道街道" in row.inner_text()
    page.screenshot(path="/tmp/h14b_user_list.png", full_page=True)
    assert latin_words(page.locator("body").inner_text()) == []

    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="重置密码").click()
    one_time = page.get_by_test_id("one-time-password").inner_text()
    page.click("button:has-text('退出')")

    log_in(page, live_server, "qd_li", one_time)
    page.wait_for_url(f"{live_server.url}/account/password/")
    assert "管理员已重置您的密码" in page.inner_text("main")
    page.screenshot(path="/tmp/h14b_change_password.png", full_page=True)
    page.fill("input[name=old_password]", one_time)
    page.fill("input[name=new_password]", "Admin@123")
    page.fill("input[name=new_password2]", "Admin@123")
    page.click("button:has-text('确认修改')")
    assert "密码过于常见" in page.get_by_role("alert").inner_text()
    page.fill("input[name=old_password]", one_time)
    page.fill("input[name=new_password]", NEW)
    page.fill("input[name=new_password2]", NEW)
    page.click("button:has-text('确认修改')")
    page.wait_for_url(f"{live_server.url}/")
    assert "密码已修改" in page.inner_text("main")
    assert violations == []


def test_charts_and_confirmations_work_under_the_csp(page, live_server):
    make_divisions()
    make_user("caseworker", "210602002000", username="qd_jb")
    violations = watch_csp(page)
    log_in(page, live_server, "qd_jb")
    page.wait_for_url(f"{live_server.url}/")
    page.wait_for_selector("#chart-divisions canvas")  # ECharts drew from the static script
    assert violations == []


def test_a_user_sets_up_the_second_factor_and_logs_in_with_it(page, live_server):
    import pyotp

    make_divisions()
    make_user("caseworker", "210602002000", username="qd_jb")
    violations = watch_csp(page)
    log_in(page, live_server, "qd_jb")
    page.wait_for_url(f"{live_server.url}/")
    page.click("header >> text=动态口令")
    secret = page.get_by_test_id("totp-secret").inner_text()
    page.screenshot(path="/tmp/h14b_totp_setup.png", full_page=True)
    assert latin_words(page.locator("main").inner_text().replace(secret, "")) == []
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.click("button:has-text('启用')")
    assert "动态口令已启用" in page.inner_text("main")
    page.click("button:has-text('退出')")

    User.objects.filter(username="qd_jb").update(totp_last_step=0)  # the set-up code may be reused here
    log_in(page, live_server, "qd_jb")
    page.wait_for_url(f"{live_server.url}/login/second-factor/")
    page.screenshot(path="/tmp/h14b_totp_login.png", full_page=True)
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert violations == []
