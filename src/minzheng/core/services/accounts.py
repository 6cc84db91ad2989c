"""Logging in with lockout (等保2.0: 登录失败处理), API tokens, and user administration."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..account_rules import role_combination_problem
from ..errors import AccountLocked, MinzhengError
from ..models import ApiToken, AuditEvent, LoginThrottle, Role, User
from .audit import record_event


class InvalidCredentials(MinzhengError):
    status_code = 401
    code = "invalid_credentials"


def _lock_message(locked_until) -> str:
    local = timezone.localtime(locked_until)
    return (
        f"连续登录失败{settings.LOGIN_MAX_FAILURES}次，账号已锁定{settings.LOGIN_LOCKOUT_MINUTES}分钟，"
        f"请于{local:%H:%M}后再试"
    )


def _wrong_credentials(failures: int) -> InvalidCredentials:
    # One message for an unknown user, a disabled one and a wrong password (no username enumeration).
    left = settings.LOGIN_MAX_FAILURES - failures
    return InvalidCredentials(
        f"用户名或密码错误，再失败{left}次账号将被锁定{settings.LOGIN_LOCKOUT_MINUTES}分钟"
    )


def authenticate_with_lockout(username: str, password: str) -> User:
    """Check a username/password; count failures and lock the account after the configured number.

    A locked account is refused without looking at the password, so guessing cannot continue while locked.
    An unknown or disabled username behaves exactly like an existing one — same messages, same count, same
    lock (kept in ``LoginThrottle``), and a password hash computed all the same — so the answers reveal
    nothing about which accounts exist.
    """
    user = User.objects.filter(username=username).first()
    if user is None or not user.is_active:
        User().set_password(password)  # the same work as checking a real password: no timing oracle
        return _refuse_unknown(username[:150], "用户名不存在" if user is None else "账号已停用")
    if user.is_locked():
        record_event(
            user, AuditEvent.LOGIN_FAILED, object_type="user", object_id=user.pk, summary="账号锁定中"
        )
        raise AccountLocked(_lock_message(user.locked_until))
    if not user.check_password(password):
        # Count and lock first, raise after: an exception inside the transaction would roll the lock back.
        locked = _record_failed_password(user)
        if locked:
            raise AccountLocked(_lock_message(user.locked_until))
        raise _wrong_credentials(user.failed_login_count)
    if user.failed_login_count or user.locked_until:
        user.failed_login_count = 0
        user.locked_until = None
        user.save(update_fields=["failed_login_count", "locked_until"])
    record_event(user, AuditEvent.LOGIN, object_type="user", object_id=user.pk)
    return user


def _refuse_unknown(username: str, reason: str):
    now = timezone.now()
    with transaction.atomic():
        throttle, _ = LoginThrottle.objects.select_for_update().get_or_create(username=username)
        if throttle.locked_until and throttle.locked_until > now:
            locked, failures = True, 0
        else:
            throttle.failed_login_count += 1
            locked = throttle.failed_login_count >= settings.LOGIN_MAX_FAILURES
            if locked:
                throttle.locked_until = now + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
                throttle.failed_login_count = 0
            failures = throttle.failed_login_count
            throttle.save()
    record_event(None, AuditEvent.LOGIN_FAILED, username=username, summary=reason)
    if locked:
        raise AccountLocked(_lock_message(throttle.locked_until))
    raise _wrong_credentials(failures)


@transaction.atomic
def _record_failed_password(user: User, *, summary: str = "密码错误") -> bool:
    """Count one failure (atomically, concurrent attempts included); lock when the limit is reached."""
    User.objects.filter(pk=user.pk).update(failed_login_count=F("failed_login_count") + 1)
    user.refresh_from_db(fields=["failed_login_count"])
    locked = user.failed_login_count >= settings.LOGIN_MAX_FAILURES
    if locked:
        user.locked_until = timezone.now() + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
        user.failed_login_count = 0
        user.save(update_fields=["locked_until", "failed_login_count"])
    record_event(
        user,
        AuditEvent.LOGIN_FAILED,
        object_type="user",
        object_id=user.pk,
        summary=f"{summary}，账号锁定" if locked else summary,
    )
    return locked


def issue_api_token(user: User, *, name: str = "", days: int = 30) -> str:
    """Create a token and return its plain text once; only a hash is kept."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(
        user=user,
        name=name,
        key_hash=ApiToken.hash_key(key),
        prefix=key[3:11],
        expires_at=timezone.now() + timedelta(days=days),
    )
    record_event(
        user, AuditEvent.CREATE, object_type="api_token", object_id=token.pk, summary=f"签发 API 令牌 {name}"
    )
    return key


def user_for_api_token(key: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.user.is_active or token.user.is_locked():
        return None
    from .passwords import change_required

    if change_required(token.user):
        return None  # a reset or expired password: change it first (POST /api/auth/password)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def ensure_roles() -> None:
    for code, name in Role.CHOICES:
        Role.objects.update_or_create(code=code, defaults={"name": name})


@transaction.atomic
def create_user(
    *, username: str, password: str, full_name: str, division_code: str, role_codes: list[str], actor=None
) -> User:
    """An account from a command, the demo or a test (the UI uses ``services.users.add_user``)."""
    from .passwords import set_password

    if problem := role_combination_problem(frozenset(role_codes)):
        raise MinzhengError(problem, field="roles")
    user = User(username=username, full_name=full_name, division_code=division_code)
    password_validation.validate_password(password, user)
    user.save()
    set_password(user, password)
    ensure_roles()
    user.roles.set(Role.objects.filter(code__in=role_codes))
    record_event(
        actor,
        AuditEvent.CREATE,
        object_type="user",
        object_id=user.pk,
        division_code=division_code,
        summary=f"新增用户 {username}",
        after={"username": username, "division_code": division_code, "roles": sorted(role_codes)},
    )
    return user
