"""用户管理: the 系统管理员 creates, binds and disables accounts of their jurisdiction; the 安全管理员 unlocks;
another county's administrator gets 404 for every account URL."""

import pytest

from minzheng.core.models import AuditEvent, User
from minzheng.core.services.accounts import create_user

from .factories import PASSWORD


def login(client, user):
    client.post("/login/", {"username": user.username, "password": PASSWORD})


def form(**extra):
    return {
        "full_name": "李新",
        "division_code": "210602002000",
        "phone": "",
        "roles": ["caseworker"],
        **extra,
    }


def test_the_system_administrator_creates_a_user_with_a_one_time_password(client, sysadmin):
    login(client, sysadmin)
    page = client.post("/system/users/new/", form(username="qd_li")).content.decode()
    one_time = page.split('data-testid="one-time-password">')[1].split("<")[0]
    user = User.objects.get(username="qd_li")
    assert user.check_password(one_time) and user.must_change_password
    assert user.division_code == "210602002000" and user.role_codes() == {"caseworker"}
    event = AuditEvent.objects.get(action="create", object_type="user", object_id=str(user.pk))
    assert event.user == sysadmin and event.after["roles"] == ["caseworker"]


def test_accounts_are_bound_only_inside_the_administrators_jurisdiction(client, sysadmin):
    login(client, sysadmin)
    response = client.post("/system/users/new/", form(username="zx_li", division_code="210603000000"))
    assert response.status_code == 400 and "本辖区" in response.content.decode()
    response = client.post("/system/users/new/", form(username="x", roles=["sysadmin", "auditadmin"]))
    assert "三员分立" in response.content.decode()
    assert not User.objects.filter(username__in=["zx_li", "x"]).exists()


def test_disabling_a_user_stops_their_login(client, sysadmin, county_caseworker):
    login(client, sysadmin)
    response = client.post(f"/system/users/{county_caseworker.pk}/", form(full_name="元宝经办"))
    assert response.status_code == 302
    county_caseworker.refresh_from_db()
    assert not county_caseworker.is_active and county_caseworker.division_code == "210602002000"
    client.post("/logout/")
    assert client.post("/login/", {"username": "yb_jb", "password": PASSWORD}).status_code == 401


def test_an_administrator_cannot_disable_or_demote_themselves(client, sysadmin):
    login(client, sysadmin)
    response = client.post(
        f"/system/users/{sysadmin.pk}/", form(division_code="210602000000", roles=["sysadmin"])
    )
    assert "不能停用自己的账号" in response.content.decode()


def test_the_security_administrator_unlocks_and_the_system_administrator_cannot(
    client, sysadmin, security_admin, county_caseworker
):
    for _ in range(5):
        client.post("/login/", {"username": "yb_jb", "password": "wrong"})
    assert User.objects.get(pk=county_caseworker.pk).is_locked()
    login(client, sysadmin)
    assert client.post(f"/system/users/{county_caseworker.pk}/unlock/").status_code == 403
    client.post("/logout/")
    login(client, security_admin)
    page = client.get("/system/users/", {"status": "locked"}).content.decode()
    assert "yb_jb" in page and "解锁" in page and "新增" not in page.split("<table")[0]
    assert client.post(f"/system/users/{county_caseworker.pk}/unlock/").status_code == 302
    assert not User.objects.get(pk=county_caseworker.pk).is_locked()
    assert client.post(f"/system/users/{county_caseworker.pk}/reset-password/").status_code == 403
    assert AuditEvent.objects.filter(user=security_admin, summary__contains="解除用户 yb_jb").exists()


def test_another_countys_administrator_gets_404_for_every_account_url(client, county_caseworker, divisions):
    zx_admin = create_user(
        username="zx_admin",
        password=PASSWORD,
        full_name="x",
        division_code="210603000000",
        role_codes=["sysadmin"],
    )
    zx_sec = create_user(
        username="zx_sec",
        password=PASSWORD,
        full_name="x",
        division_code="210603000000",
        role_codes=["secadmin"],
    )
    pk = county_caseworker.pk
    login(client, zx_admin)
    assert "yb_jb" not in client.get("/system/users/").content.decode()
    assert client.get(f"/system/users/{pk}/").status_code == 404
    assert client.post(f"/system/users/{pk}/", form()).status_code == 404
    assert client.post(f"/system/users/{pk}/reset-password/").status_code == 404
    client.post("/logout/")
    login(client, zx_sec)
    assert client.post(f"/system/users/{pk}/unlock/").status_code == 404
    assert client.post(f"/system/users/{pk}/reset-second-factor/").status_code == 404
    assert User.objects.get(pk=pk).is_active


@pytest.mark.parametrize("role", ["caseworker", "leader", "auditadmin"])
def test_other_roles_cannot_open_user_management(client, divisions, role):
    user = create_user(
        username=f"u_{role}",
        password=PASSWORD,
        full_name="x",
        division_code="210602000000",
        role_codes=[role],
    )
    login(client, user)
    assert client.get("/system/users/").status_code == 403
    assert client.get("/system/users/new/").status_code == 403
