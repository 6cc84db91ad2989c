"""等保2.0 identity controls: lockout after 5 failures for 15 minutes, 30-minute idle timeout, complexity."""

from datetime import timedelta

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone

from minzheng.core.models import AuditEvent, User

from .factories import PASSWORD


def login(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


def test_correct_password_logs_in_and_is_audited(client, county_caseworker):
    response = login(client, "yb_jb", PASSWORD)
    assert response.status_code == 302 and response.url == "/"
    assert AuditEvent.objects.filter(action="login", username="yb_jb").exists()


def test_wrong_password_says_how_many_tries_are_left(client, county_caseworker):
    response = login(client, "yb_jb", "wrong")
    assert response.status_code == 401
    assert "再失败4次账号将被锁定15分钟" in response.content.decode()


def test_five_failures_lock_the_account_even_for_the_right_password(client, county_caseworker):
    for _ in range(5):
        login(client, "yb_jb", "wrong")
    response = login(client, "yb_jb", PASSWORD)
    assert response.status_code == 401
    assert "账号已锁定15分钟" in response.content.decode()
    assert User.objects.get(username="yb_jb").is_locked()


def test_lock_expires_after_fifteen_minutes(client, county_caseworker):
    for _ in range(5):
        login(client, "yb_jb", "wrong")
    User.objects.filter(username="yb_jb").update(locked_until=timezone.now() - timedelta(seconds=1))
    assert login(client, "yb_jb", PASSWORD).status_code == 302


def test_success_resets_the_failure_count(client, county_caseworker):
    for _ in range(4):
        login(client, "yb_jb", "wrong")
    login(client, "yb_jb", PASSWORD)
    assert User.objects.get(username="yb_jb").failed_login_count == 0


def _answers(client, username, attempts=6):
    import re

    # the unlock time names the minute the lock ends: two runs may straddle a minute on a slow machine
    return [
        (
            response.status_code,
            re.sub(r"\d\d:\d\d", "HH:MM", response.content.decode().split('role="alert">')[1].split("<")[0]),
        )
        for response in (login(client, username, "wrong") for _ in range(attempts))
    ]


def test_username_enumeration_unknown_user_gets_the_same_answers_as_a_wrong_password(
    client, county_caseworker
):
    assert _answers(client, "yb_jb") == _answers(client, "nobody")


def test_username_enumeration_a_disabled_user_answers_like_an_unknown_one(client, county_caseworker):
    User.objects.filter(username="yb_jb").update(is_active=False)
    answers = _answers(client, "yb_jb", attempts=2)
    assert answers == _answers(client, "nobody2", attempts=2)
    assert "再失败4次" in answers[0][1]


def test_username_enumeration_api_token_answers_the_same_for_unknown_and_existing(client, county_caseworker):
    def ask(username):
        response = client.post(
            "/api/auth/token", {"username": username, "password": "wrong"}, content_type="application/json"
        )
        return response.status_code, response.json()["detail"]

    assert ask("yb_jb") == ask("nobody") == (401, "用户名或密码错误，再失败4次账号将被锁定15分钟")


def test_an_unknown_username_is_locked_like_a_real_one(client, divisions):
    for _ in range(5):
        login(client, "nobody", "wrong")
    assert "账号已锁定15分钟" in login(client, "nobody", "wrong").content.decode()


def test_session_idle_for_thirty_minutes_is_logged_out(client, county_caseworker, settings):
    login(client, "yb_jb", PASSWORD)
    assert client.get("/").status_code == 200
    session = client.session
    session["last_activity"] -= settings.SESSION_IDLE_TIMEOUT_SECONDS + 1
    session.save()
    response = client.get("/registry/households/")
    assert response.status_code == 302 and response.url.startswith("/login/")
    assert client.get("/").status_code == 302


def test_activity_within_thirty_minutes_keeps_the_session(client, county_caseworker, settings):
    login(client, "yb_jb", PASSWORD)
    session = client.session
    session["last_activity"] -= settings.SESSION_IDLE_TIMEOUT_SECONDS - 60
    session.save()
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("password", ["short1A", "alllowercase1", "ALLUPPER123", "NoDigitsHere"])
def test_simple_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        password_validation.validate_password(password)


def test_password_with_three_character_classes_is_accepted():
    password_validation.validate_password("Kx7#mPq2")


def test_pages_require_login(client, divisions):
    response = client.get("/registry/households/")
    assert response.status_code == 302 and response.url.startswith("/login/")
