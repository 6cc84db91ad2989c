"""等保2.0 三级 account controls: changing one's password, an administrator's reset, expiry, history, common
passwords, 三员分立, the TOTP second factor, security headers and Secure cookies."""

import itertools
from datetime import timedelta

import pyotp
import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from minzheng.core.errors import MinzhengError
from minzheng.core.models import AuditEvent, Role, User
from minzheng.core.permissions import ROLE_CAPABILITIES, Capability
from minzheng.core.services import users
from minzheng.core.services.accounts import create_user, issue_api_token

from .factories import PASSWORD

NEW = "Qm#Harbour2031"


def login(client, username, password=PASSWORD):
    return client.post("/login/", {"username": username, "password": password})


def change(client, old, new, again=None):
    return client.post(
        "/account/password/", {"old_password": old, "new_password": new, "new_password2": again or new}
    )


@pytest.mark.parametrize("password", ["Admin@123", "P@ssw0rd!", "Qwerty@2026", "1qaz2WSX!", "Minzheng2026!"])
def test_common_passwords_and_their_decorations_are_refused(password):
    with pytest.raises(ValidationError):
        password_validation.validate_password(password)


def test_a_user_changes_their_own_password_and_it_is_audited(client, county_caseworker):
    login(client, "yb_jb")
    assert client.get("/account/password/").status_code == 200
    response = change(client, PASSWORD, NEW)
    assert response.status_code == 302
    assert client.get("/").status_code == 200  # the session survives the change
    user = User.objects.get(username="yb_jb")
    assert user.check_password(NEW)
    assert AuditEvent.objects.filter(user=user, summary="修改本人密码").exists()


def test_changing_needs_the_old_password_and_a_good_new_one(client, county_caseworker):
    login(client, "yb_jb")
    assert "原密码错误" in change(client, "wrong", NEW).content.decode()
    assert "密码过于常见" in change(client, PASSWORD, "Admin@123").content.decode()
    assert "两次输入的新密码不一致" in change(client, PASSWORD, NEW, "other").content.decode()


def test_password_history_the_last_five_cannot_be_reused(client, county_caseworker):
    login(client, "yb_jb")
    passwords = [PASSWORD, "Qm#Harbour2031", "Qm#Harbour2032", "Qm#Harbour2033", "Qm#Harbour2034"]
    for old, new in itertools.pairwise(passwords):
        assert change(client, old, new).status_code == 302
    assert "最近5次" in change(client, passwords[-1], PASSWORD).content.decode()
    assert change(client, passwords[-1], "Qm#Harbour2035").status_code == 302
    assert change(client, "Qm#Harbour2035", PASSWORD).status_code == 302  # six passwords ago: allowed again


def test_an_expired_password_must_be_changed_before_anything_else(client, county_caseworker, settings):
    User.objects.filter(username="yb_jb").update(password_changed_at=timezone.now() - timedelta(days=91))
    login(client, "yb_jb")
    response = client.get("/registry/households/")
    assert response.status_code == 302 and response.url == "/account/password/"
    assert "超过90天" in client.get("/account/password/").content.decode()
    change(client, PASSWORD, NEW)
    assert client.get("/registry/households/").status_code == 200
    settings.PASSWORD_MAX_AGE_DAYS = 0  # a parameter: 0 turns expiry off
    User.objects.filter(username="yb_jb").update(password_changed_at=timezone.now() - timedelta(days=900))
    assert client.get("/registry/households/").status_code == 200


def test_api_password_change_and_no_token_while_a_change_is_required(client, county_caseworker):
    User.objects.filter(username="yb_jb").update(must_change_password=True)
    old_token = issue_api_token(county_caseworker)
    token = client.post(
        "/api/auth/token", {"username": "yb_jb", "password": PASSWORD}, content_type="application/json"
    )
    assert token.status_code == 403 and "POST /api/auth/password" in token.json()["detail"]
    assert client.get("/api/households", HTTP_AUTHORIZATION=f"Bearer {old_token}").status_code == 401
    body = {"username": "yb_jb", "old_password": PASSWORD, "new_password": "Admin@123"}
    refused = client.post("/api/auth/password", body, content_type="application/json")
    assert refused.status_code == 400 and "常见" in refused.json()["detail"]
    body["new_password"] = NEW
    assert client.post("/api/auth/password", body, content_type="application/json").status_code == 200
    token = client.post(
        "/api/auth/token", {"username": "yb_jb", "password": NEW}, content_type="application/json"
    )
    assert token.status_code == 200


def test_three_administrators_are_separate_roles_with_separate_powers():
    holders = {c: roles for c, roles in ROLE_CAPABILITIES.items()}
    assert holders[Capability.VIEW_AUDIT] == {Role.AUDITADMIN}
    assert holders[Capability.MANAGE_USERS] == {Role.SYSADMIN}
    assert holders[Capability.MANAGE_SECURITY] == {Role.SECADMIN}
    audit_only = [c for c, roles in holders.items() if Role.AUDITADMIN in roles]
    assert audit_only == [Capability.VIEW_AUDIT]  # the 审计管理员 reads the log and does nothing else
    assert not [
        c for c, roles in holders.items() if Role.SECADMIN in roles and c != Capability.MANAGE_SECURITY
    ]


@pytest.mark.parametrize(
    "roles",
    [
        ["sysadmin", "auditadmin"],
        ["secadmin", "sysadmin"],
        ["auditadmin", "secadmin"],
        ["sysadmin", "caseworker"],
    ],
)
def test_no_account_holds_two_administrator_roles(divisions, roles):
    with pytest.raises(MinzhengError, match="三员分立"):
        create_user(
            username="both", password=PASSWORD, full_name="x", division_code="210602000000", role_codes=roles
        )


def test_audit_administrator_reads_the_log_only_and_sees_the_admins_own_actions(
    client, sysadmin, audit_admin, county_caseworker
):
    login(client, sysadmin.username)
    client.post(f"/system/users/{county_caseworker.pk}/reset-password/")
    assert client.get("/audit/").status_code == 403  # the 系统管理员 does not read the log
    client.post("/logout/")
    login(client, audit_admin.username)
    page = client.get("/audit/", {"username": sysadmin.username}).content.decode()
    assert "重置用户 yb_jb 的密码" in page
    for url in ["/registry/households/", "/system/users/", "/assistance/", "/planning/", "/payments/"]:
        assert client.get(url).status_code == 403, url
    assert client.get("/").url == "/audit/"
    token = issue_api_token(audit_admin)
    assert client.get("/api/audit", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    assert client.get("/api/households", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 403
    nav = client.get("/audit/").content.decode()
    assert "审计日志" in nav and "用户管理" not in nav and "家庭户" not in nav


def test_second_factor_set_up_then_required_at_login(client, county_caseworker):
    login(client, "yb_jb")
    page = client.get("/account/second-factor/").content.decode()
    secret = page.split('data-testid="totp-secret">')[1].split("<")[0]
    assert "动态口令不正确" in client.post("/account/second-factor/", {"code": "000000"}).content.decode()
    client.post("/account/second-factor/", {"code": pyotp.TOTP(secret).now()})
    assert User.objects.get(username="yb_jb").totp_enabled
    client.post("/logout/")

    response = login(client, "yb_jb")
    assert response.status_code == 302 and response.url == "/login/second-factor/"
    assert client.get("/registry/households/").status_code == 302  # not logged in yet
    assert client.post("/login/second-factor/", {"code": "123456"}).status_code == 401
    code = pyotp.TOTP(secret).now()
    User.objects.filter(username="yb_jb").update(totp_last_step=0)
    assert client.post("/login/second-factor/", {"code": code}).status_code == 302
    assert client.get("/registry/households/").status_code == 200
    client.post("/logout/")
    login(client, "yb_jb")
    assert client.post("/login/second-factor/", {"code": code}).status_code == 401  # a used code: refused


def test_second_factor_is_required_for_administrators_when_the_setting_is_on(client, sysadmin, settings):
    settings.TOTP_REQUIRED_FOR_ADMINS = True
    login(client, sysadmin.username)
    response = client.get("/system/users/")
    assert response.status_code == 302 and response.url == "/account/second-factor/"
    token = client.post(
        "/api/auth/token",
        {"username": sysadmin.username, "password": PASSWORD},
        content_type="application/json",
    )
    assert token.status_code == 403


def test_security_headers_on_every_page(client, county_caseworker):
    responses = [client.get("/login/"), client.get("/registry/households/")]  # a page and a redirect
    login(client, "yb_jb")
    responses += [client.get("/"), client.get("/api/households")]
    for response in responses:
        csp = response["Content-Security-Policy"]
        script_src = csp.split("script-src")[1].split(";")[0]
        assert script_src.strip() == "'self'" and "frame-ancestors 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
    assert responses[0]["X-Frame-Options"] == "DENY"


def test_templates_carry_no_inline_script():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "src" / "minzheng"
    offenders = []
    for path in root.rglob("templates/**/*.html"):
        text = path.read_text()
        if re.search(r"<script(?![^>]*\b(src|type=\"application/json\")=?)[^>]*>", text) or re.search(
            r"\son[a-z]+\s*=|javascript:", text
        ):
            offenders.append(path.name)
    assert offenders == []


def test_secure_cookies_when_asked(client, county_caseworker):
    with override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True):
        client.get("/login/")
        response = login(client, "yb_jb")
        assert response.cookies["sessionid"]["secure"]
        assert response.cookies["sessionid"]["httponly"]


def test_the_settings_read_minzheng_secure_cookies(monkeypatch):
    import importlib

    import minzheng.settings as module

    monkeypatch.setenv("MINZHENG_SECURE_COOKIES", "1")
    reloaded = importlib.reload(module)
    try:
        assert reloaded.SESSION_COOKIE_SECURE and reloaded.CSRF_COOKIE_SECURE and reloaded.SECURE_HSTS_SECONDS
    finally:
        monkeypatch.delenv("MINZHENG_SECURE_COOKIES")
        importlib.reload(module)


def test_a_reset_password_is_shown_once_and_must_be_changed(client, sysadmin, county_caseworker):
    login(client, sysadmin.username)
    page = client.post(f"/system/users/{county_caseworker.pk}/reset-password/").content.decode()
    one_time = page.split('data-testid="one-time-password">')[1].split("<")[0]
    client.post("/logout/")
    assert login(client, "yb_jb", PASSWORD).status_code == 401
    login(client, "yb_jb", one_time)
    assert client.get("/").url == "/account/password/"
    change(client, one_time, NEW)
    assert client.get("/").status_code == 200
    assert users  # the services module is what the pages call
