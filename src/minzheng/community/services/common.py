"""What every 基层治理 service needs: the capability and jurisdiction checks, text checks, audit."""

from datetime import date

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot

from ..errors import InvalidCommunityInput


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Writes on another region's record are refused as if it did not exist."""
    if not covers(actor.division_code, record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def may_manage(actor, division_code: str) -> None:
    require(actor, Capability.MANAGE_COMMUNITY)
    check_in_jurisdiction(actor, division_code)


def require_text(value: str, field: str, label: str, max_length: int, required: bool = True) -> str:
    value = (value or "").strip()
    if not value and required:
        raise InvalidCommunityInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidCommunityInput(f"{label}不能超过{max_length}个字", field=field)
    return value


def not_after(day: date, limit: date, field: str, label: str, what: str) -> None:
    if day > limit:
        raise InvalidCommunityInput(f"{label}不能晚于{what}（{limit}）", field=field)


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    record_event(
        actor,
        action,
        object_type=f"community.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", "")
        or getattr(getattr(row, "committee", None), "division_code", ""),
        summary=summary,
        before=before,
        after=snapshot(row, fields),
    )
