"""create_first_admin: the install's first 系统管理员, once — never a back door past the 三员 separation."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from minzheng.core.models import AuditEvent, User


@pytest.mark.django_db
def test_the_first_sysadmin_gets_a_one_time_password_and_the_creation_is_audited(divisions, capsys):
    call_command("create_first_admin", "it_admin", "--full-name", "李管理", "--division", "210600000000")

    out = capsys.readouterr().out
    admin = User.objects.get(username="it_admin")
    assert admin.role_codes() == {"sysadmin"} and admin.must_change_password
    assert "初始密码" in out and out.strip().rsplit("：", 1)[1] not in ("", "None")
    assert AuditEvent.objects.filter(
        object_type="user", object_id=str(admin.pk), username="系统初始化"
    ).exists()


@pytest.mark.django_db
def test_a_second_first_admin_is_refused_once_a_sysadmin_exists(divisions, sysadmin):
    with pytest.raises(CommandError, match="已有系统管理员"):
        call_command("create_first_admin", "another", "--full-name", "王", "--division", "210600000000")


@pytest.mark.django_db
def test_an_unknown_division_is_named(divisions):
    with pytest.raises(CommandError, match="区划代码 999999999999 不存在"):
        call_command("create_first_admin", "it_admin", "--full-name", "李", "--division", "999999999999")
