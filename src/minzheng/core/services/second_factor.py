"""动态口令 (TOTP, RFC 6238 via pyotp): an optional second factor per user, required for the three
administrator roles when ``TOTP_REQUIRED_FOR_ADMINS`` is on.

Set-up is two steps (a secret is proposed, then confirmed by a code from the app), so a mistyped secret
never locks anyone out. A code is accepted once: the last used time step is remembered per user.
"""

import pyotp
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..errors import MinzhengError
from ..models import AuditEvent, Role, User
from .audit import record_event


class InvalidSecondFactor(MinzhengError):
    status_code = 401
    code = "invalid_second_factor"


def setup_required(user: User) -> bool:
    return (
        settings.TOTP_REQUIRED_FOR_ADMINS
        and bool(user.role_codes() & Role.ADMINISTRATORS)
        and not user.totp_enabled
    )


def propose_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=settings.TOTP_ISSUER)


def _accept(secret: str, code: str, user_pk: int) -> bool:
    code = (code or "").strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return False
    totp = pyotp.TOTP(secret)
    now = timezone.now()
    # One step of clock drift either way (RFC 6238 §5.2); a code already used is refused (replay).
    for drift in (0, -1, 1):
        at = now.timestamp() + drift * totp.interval
        if totp.at(at) == code:
            step = int(at // totp.interval)
            # Atomic across workers: only the first request with this (or a later) step gets the row.
            return bool(User.objects.filter(pk=user_pk, totp_last_step__lt=step).update(totp_last_step=step))
    return False


@transaction.atomic
def enable(user: User, secret: str, code: str) -> None:
    if not _accept(secret, code, user.pk):
        raise InvalidSecondFactor("动态口令不正确，请核对手机上的6位数字后重试", field="code")
    user.totp_secret, user.totp_enabled_at = secret, timezone.now()
    user.save(update_fields=["totp_secret", "totp_enabled_at"])
    record_event(user, AuditEvent.UPDATE, object_type="user", object_id=user.pk, summary="启用动态口令")


def check(user: User, code: str) -> None:
    """The second step of a login: the code from the user's app. Wrong codes count towards the lockout like
    wrong passwords (a 6-digit code must not be guessable by trying)."""
    from .accounts import _record_failed_password

    if user.is_locked():
        raise InvalidSecondFactor("账号已锁定，请稍后再试")
    if not _accept(user.totp_secret, code, user.pk):
        _record_failed_password(user, summary="动态口令错误")
        raise InvalidSecondFactor("动态口令不正确或已使用，请输入手机上最新的6位数字", field="code")
