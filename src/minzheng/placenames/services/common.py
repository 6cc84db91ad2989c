"""What every 区划地名 service needs: the jurisdiction check, text checks, audit."""

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event, snapshot

from ..errors import InvalidPlacenameInput, PlacenameConflict


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Writes on another region's record are refused as if it did not exist."""
    if not covers(actor.division_code or "", record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def not_own_work(actor, made_by_id: int | None, what: str) -> None:
    """Maker-checker: nobody approves what they entered themselves."""
    if made_by_id is not None and made_by_id == actor.pk:
        raise PlacenameConflict(f"不能审批本人受理的{what}，请由其他审批人员办理")


def require_text(value: str, field: str, label: str, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    if not value and required:
        raise InvalidPlacenameInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidPlacenameInput(f"{label}不能超过{max_length}个字", field=field)
    return value


_CREATED = ("received", "approved", "created", "inspected", "recorded", "repaired", "opened")


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    """The audit entry of a write: ``action`` names it in code (placenames.name.approved …); the log keeps the
    platform's kinds (新增/修改) and the Chinese summary."""
    record_event(
        actor,
        AuditEvent.CREATE if action.rsplit(".", 1)[-1] in _CREATED else AuditEvent.UPDATE,
        object_type=f"placenames.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", "") or "",
        summary=summary,
        before=before,
        after=snapshot(row, fields),
    )
