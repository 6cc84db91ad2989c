"""Audited reads: opening a warning, a library person or an attachment, and every export, leave a trace."""

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event


def record_read(
    user, object_type: str, summary: str, *, obj=None, division_code: str = "", export: bool = False
):
    record_event(
        user,
        AuditEvent.EXPORT if export else AuditEvent.READ_DETAIL,
        object_type=object_type,
        object_id=obj.pk if obj is not None else "",
        division_code=division_code or (user.division_code if export else ""),
        summary=summary,
    )
