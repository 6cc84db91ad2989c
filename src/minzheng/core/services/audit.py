"""Writing the audit log. Every service that writes, and every sensitive read, calls ``record_event``."""

from datetime import date, datetime
from decimal import Decimal

from ..models import AuditEvent
from ..request_context import current_ip


def snapshot(instance, fields: list[str]) -> dict:
    """The audited state of a row: plain JSON values of the named fields."""
    values = {}
    for name in fields:
        value = getattr(instance, name)
        if isinstance(value, date | datetime):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = str(value)
        elif hasattr(value, "pk"):
            value = value.pk
        values[name] = value
    return values


def record_event(
    user,
    action: str,
    *,
    object_type: str = "",
    object_id: object = "",
    division_code: str = "",
    summary: str = "",
    before: dict | None = None,
    after: dict | None = None,
    username: str = "",
) -> AuditEvent:
    is_user = user is not None and getattr(user, "is_authenticated", False)
    return AuditEvent.objects.create(
        user=user if is_user else None,
        username=username or (user.username if is_user else ""),
        ip=current_ip.get(),
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        division_code=division_code,
        summary=summary[:300],
        before=before,
        after=after,
    )
