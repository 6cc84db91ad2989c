"""Every role lands on a home page that opens and is shown only sidebar entries it may open (the 安全管理员 once
landed on a 403 home page and was offered 家庭户, 人员 and the business platforms, all answering 403)."""

import re

import pytest
from django.core.management import call_command

from minzheng.core.models import Role
from tests.core.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def _sidebar_links(body: str) -> list[str]:
    nav = re.search(r"<nav.*?</nav>", body, re.S)
    assert nav, "the page has its sidebar"
    return list(dict.fromkeys(re.findall(r'href="(/[^"]*)"', nav.group(0))))


@pytest.mark.parametrize("role", [code for code, _ in Role.CHOICES])
def test_each_role_opens_home_and_every_sidebar_entry_it_is_shown(client, divisions, role):
    call_command("load_policy", verbosity=0)  # as `make db` does: the dashboards read their parameters
    user = make_user(role, "210602000000", username=f"nav_{role}")
    client.post("/login/", {"username": user.username, "password": PASSWORD})
    home = client.get("/", follow=True)
    assert home.status_code == 200
    refused = [url for url in _sidebar_links(home.content.decode()) if client.get(url).status_code != 200]
    assert refused == []


def test_the_security_administrator_sees_the_tools_of_the_role_not_the_registry(client, security_admin):
    client.post("/login/", {"username": security_admin.username, "password": PASSWORD})
    body = client.get("/").content.decode()
    assert 'data-testid="administrator-home"' in body and "用户管理" in body
    assert "家庭户" not in body and "社会救助" not in body
