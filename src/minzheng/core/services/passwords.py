"""口令管理 (等保2.0 三级): change one's own password, an administrator's reset (forcing a change at the next
login), expiry after ``PASSWORD_MAX_AGE_DAYS``, and the history that keeps the last passwords from coming back.

Every password the platform sets goes through ``set_password`` here, so the history is complete.
"""

import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ..errors import MinzhengError
from ..models import AuditEvent, PasswordHistory, User
from .audit import record_event


class PasswordRejected(MinzhengError):
    code = "password_rejected"


class PasswordChangeRequired(MinzhengError):
    status_code = 403
    code = "password_change_required"


def validate_new_password(password: str, user: User) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise PasswordRejected("；".join(exc.messages), field="new_password") from None


def set_password(user: User, password: str, *, must_change: bool = False) -> None:
    """Store a new (already validated) password, remember it in the history, keep the history short."""
    user.set_password(password)
    user.password_changed_at = timezone.now()
    user.must_change_password = must_change
    user.save(update_fields=["password", "password_changed_at", "must_change_password"])
    PasswordHistory.objects.create(user=user, password=user.password)
    keep = settings.PASSWORD_HISTORY_KEEP
    stale = user.password_history.order_by("-id").values_list("pk", flat=True)[keep:]
    PasswordHistory.objects.filter(pk__in=list(stale)).delete()


def password_expired(user: User, now=None) -> bool:
    if settings.PASSWORD_MAX_AGE_DAYS <= 0:
        return False
    changed = user.password_changed_at
    return changed is None or changed + timedelta(days=settings.PASSWORD_MAX_AGE_DAYS) <= (
        now or timezone.now()
    )


def change_required(user: User) -> str:
    """Why this user must change their password before doing anything else ('' when they need not)."""
    if user.must_change_password:
        return "管理员已重置您的密码，请设置新密码后继续"
    if password_expired(user):
        return f"您的密码已超过{settings.PASSWORD_MAX_AGE_DAYS}天未修改，请设置新密码后继续"
    return ""


@transaction.atomic
def change_own_password(user: User, *, old_password: str, new_password: str) -> None:
    """修改密码: the current password proves it is the user; the new one meets the policy and is not recent."""
    if not user.check_password(old_password):
        record_event(
            user, AuditEvent.UPDATE, object_type="user", object_id=user.pk, summary="修改密码失败：原密码错误"
        )
        raise PasswordRejected("原密码错误", field="old_password")
    if new_password == old_password:
        raise PasswordRejected("新密码不能与原密码相同", field="new_password")
    validate_new_password(new_password, user)
    set_password(user, new_password)
    user.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    record_event(user, AuditEvent.UPDATE, object_type="user", object_id=user.pk, summary="修改本人密码")


def temporary_password() -> str:
    """A one-time password an administrator hands over: 12 characters, all four classes."""
    alphabet = string.ascii_letters + string.digits + "#%+=@"
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(12))
        if (
            any(c.islower() for c in candidate)
            and any(c.isupper() for c in candidate)
            and any(c.isdigit() for c in candidate)
            and any(c in "#%+=@" for c in candidate)
        ):
            return candidate
