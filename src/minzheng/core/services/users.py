"""用户管理: accounts administered in the UI, each write checked, scoped and audited.

三员分立: the 系统管理员 creates users, binds them to a division and roles, disables them and resets passwords;
the 安全管理员 unlocks accounts and resets second factors; the 审计管理员 only reads the audit log. Every
action lands in the audit log under the administrator's own name.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ..account_rules import role_combination_problem
from ..errors import MinzhengError
from ..jurisdiction import covers
from ..models import AuditEvent, Division, LoginThrottle, Role, User
from ..permissions import Capability, require
from ..selectors.users import access_user
from .accounts import ensure_roles
from .audit import record_event
from .passwords import set_password, temporary_password


class InvalidAccount(MinzhengError):
    code = "invalid_account"


@dataclass(frozen=True)
class AccountFields:
    full_name: str
    division_code: str
    role_codes: frozenset[str]
    phone: str = ""


def _snapshot(user: User) -> dict:
    return {
        "username": user.username,
        "full_name": user.full_name,
        "division_code": user.division_code,
        "roles": sorted(user.role_codes()),
        "is_active": user.is_active,
    }


def _check(actor, fields: AccountFields) -> None:
    if not fields.full_name.strip():
        raise InvalidAccount("请填写姓名", field="full_name")
    if len(fields.full_name) > 50 or len(fields.phone) > 20:
        raise InvalidAccount("姓名不超过50字，电话不超过20字", field="full_name")
    if not covers(actor.division_code, fields.division_code):
        raise InvalidAccount("只能把用户绑定到本辖区的区划", field="division_code")
    if not Division.objects.filter(code=fields.division_code).exists():
        raise InvalidAccount("区划代码不存在", field="division_code")
    unknown = fields.role_codes - {code for code, _ in Role.CHOICES}
    if unknown:
        raise InvalidAccount("未知角色：" + "、".join(sorted(unknown)), field="roles")
    if problem := role_combination_problem(fields.role_codes):
        raise InvalidAccount(problem, field="roles")


def _new_username(username: str) -> str:
    username = username.strip()
    if not username or len(username) > 150 or not username.replace("_", "").replace(".", "").isalnum():
        raise InvalidAccount("用户名为1-150位字母、数字、下划线或点", field="username")
    if User.objects.filter(username=username).exists():
        raise InvalidAccount("该用户名已被使用", field="username")
    return username


@transaction.atomic
def add_user(actor, *, username: str, fields: AccountFields) -> tuple[User, str]:
    """新增用户 with a one-time password they must change at the first login; returns it once."""
    require(actor, Capability.MANAGE_USERS)
    username = _new_username(username)
    _check(actor, fields)
    user = User.objects.create(
        username=username,
        full_name=fields.full_name.strip(),
        division_code=fields.division_code,
        phone=fields.phone.strip(),
    )
    ensure_roles()
    user.roles.set(Role.objects.filter(code__in=fields.role_codes))
    password = temporary_password()
    set_password(user, password, must_change=True)
    record_event(
        actor,
        AuditEvent.CREATE,
        object_type="user",
        object_id=user.pk,
        division_code=user.division_code,
        summary=f"新增用户 {username}",
        after=_snapshot(user),
    )
    return user, password


@transaction.atomic
def update_user(actor, pk: int, *, fields: AccountFields, is_active: bool) -> User:
    """修改用户: bind to a division and roles, enable or disable."""
    require(actor, Capability.MANAGE_USERS)
    user = access_user(actor, pk)
    if user.pk == actor.pk and (not is_active or fields.role_codes != user.role_codes()):
        raise InvalidAccount("不能停用自己的账号或修改自己的角色", field="roles")
    _check(actor, fields)
    before = _snapshot(user)
    user.full_name, user.division_code = fields.full_name.strip(), fields.division_code
    user.phone, user.is_active = fields.phone.strip(), is_active
    user.save(update_fields=["full_name", "division_code", "phone", "is_active"])
    user.roles.set(Role.objects.filter(code__in=fields.role_codes))
    user.__dict__.pop("_role_codes", None)
    if not is_active:
        user.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    _audit_update(
        actor,
        user,
        f"修改用户 {user.username}" + ("" if is_active else "（停用）"),
        before=before,
        after=_snapshot(user),
    )
    return user


@transaction.atomic
def reset_password(actor, pk: int) -> tuple[User, str]:
    """重置密码: a one-time password (shown once), changed by the user at the next login; tokens revoked."""
    require(actor, Capability.MANAGE_USERS)
    user = access_user(actor, pk)
    if user.pk == actor.pk:
        raise InvalidAccount("请通过“修改密码”修改自己的密码")
    password = temporary_password()
    set_password(user, password, must_change=True)
    user.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    _audit_update(actor, user, f"重置用户 {user.username} 的密码（下次登录须修改）")
    return user, password


@transaction.atomic
def unlock_user(actor, pk: int) -> User:
    """解除锁定 (安全管理员)."""
    require(actor, Capability.MANAGE_SECURITY)
    user = access_user(actor, pk)
    user.failed_login_count, user.locked_until = 0, None
    user.save(update_fields=["failed_login_count", "locked_until"])
    LoginThrottle.objects.filter(username=user.username).delete()
    _audit_update(actor, user, f"解除用户 {user.username} 的登录锁定")
    return user


@transaction.atomic
def reset_second_factor(actor, pk: int) -> User:
    """重置动态口令 (安全管理员): the user sets it up again (required again at login for administrators)."""
    require(actor, Capability.MANAGE_SECURITY)
    user = access_user(actor, pk)
    user.totp_secret, user.totp_enabled_at = "", None
    user.save(update_fields=["totp_secret", "totp_enabled_at"])
    _audit_update(actor, user, f"重置用户 {user.username} 的动态口令")
    return user


def _audit_update(actor, user: User, summary: str, **changes) -> None:
    """The audit event of a change to an account (``before``/``after`` where the change has them)."""
    record_event(
        actor,
        AuditEvent.UPDATE,
        object_type="user",
        object_id=user.pk,
        division_code=user.division_code,
        summary=summary,
        **changes,
    )


@transaction.atomic
def create_first_sysadmin(*, username: str, full_name: str, division_code: str) -> tuple[User, str]:
    """The install's first 系统管理员 (``manage.py create_first_admin``): only while no active one exists, so
    the command cannot be used to add administrators behind the 三员 separation afterwards. A one-time
    password, changed at the first login; the 安全管理员 and 审计管理员 are then added on the users page."""
    if User.objects.filter(is_active=True, roles__code=Role.SYSADMIN).exists():
        raise InvalidAccount("已有系统管理员：请由系统管理员在“用户管理”中新增账号", field="username")
    username = _new_username(username)
    if not full_name.strip() or len(full_name) > 50:
        raise InvalidAccount("请填写姓名（不超过50字）", field="full_name")
    if not Division.objects.filter(code=division_code).exists():
        raise InvalidAccount(
            f"区划代码 {division_code} 不存在：请先运行 load_divisions", field="division_code"
        )
    user = User.objects.create(username=username, full_name=full_name.strip(), division_code=division_code)
    ensure_roles()
    user.roles.set(Role.objects.filter(code=Role.SYSADMIN))
    password = temporary_password()
    set_password(user, password, must_change=True)
    record_event(
        None,
        AuditEvent.CREATE,
        object_type="user",
        object_id=user.pk,
        division_code=division_code,
        summary=f"初始化系统管理员 {username}",
        after=_snapshot(user),
        username="系统初始化",
    )
    return user, password
