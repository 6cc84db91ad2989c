"""What every 救助管理 service shares: capability, jurisdiction, text checks, the limits in force, audit."""

from datetime import date
from decimal import Decimal

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot
from minzheng.policy.interface import parameter_value

from ..errors import InvalidRescueInput

# The shipped national values (policy_parameters.SEEDS), used when the store has not been loaded.
DEFAULTS = {
    "rescue_stay_days": 10,
    "rescue_notice_hours": 24,
    "rescue_dna_result_months": 1,
    "rescue_toutiao_after_months": 1,
    "rescue_settlement_after_months": 3,
    "rescue_match_threshold": 60,
}


def limit(name: str, division_code: str, on: date) -> int:
    """The time limit (or threshold) in force for the division on the day (policy store, dated)."""
    return int(parameter_value(name, division_code, on, Decimal(DEFAULTS[name])))


def check_handler(actor, division_code: str) -> None:
    require(actor, Capability.MANAGE_RESCUE)
    check_in_jurisdiction(actor, division_code)


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Writes on a record of another region are refused as if it did not exist (ADR 6)."""
    if not covers(actor.division_code, record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def require_text(value, field: str, label: str, max_length: int, *, required: bool = True) -> str:
    value = str(value or "").strip()
    if required and not value:
        raise InvalidRescueInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidRescueInput(f"{label}不能超过{max_length}个字", field=field)
    return value


def division_code_of(value, field: str, label: str, *, required: bool = True) -> str:
    code = str(value or "").strip()
    if not code and not required:
        return ""
    if len(code) != 12 or not code.isdigit():
        raise InvalidRescueInput(f"{label}应为12位数字", field=field)
    return code


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    record_event(
        actor,
        action,
        object_type=f"rescue.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", ""),
        summary=summary[:300],
        before=before,
        after=snapshot(row, fields),
    )
