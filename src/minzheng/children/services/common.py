"""What every 儿童福利 service needs: the checks, the policy numbers, the audit line."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot
from minzheng.policy.interface import parameter_value

from ..errors import InvalidChildInput
from ..rules.categories import AgeLimits


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Writes on a record of another region are refused as if it did not exist (services' last line)."""
    if not covers(actor.division_code, record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def require_text(value: str, field: str, label: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidChildInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidChildInput(f"{label}不能超过{max_length}个字", field=field)
    return value


def not_future(day: date | None, field: str, label: str) -> None:
    if day is not None and day > date.today():
        raise InvalidChildInput(f"{label}不能晚于今天", field=field)


def _int(name: str, division_code: str, on: date) -> int:
    return int(parameter_value(name, division_code, on))


def age_limits(division_code: str, on: date) -> AgeLimits:
    return AgeLimits(
        minor=_int("children_minor_age", division_code, on),
        left_behind=_int("children_left_behind_age", division_code, on),
    )


def condition_months(division_code: str, on: date) -> int:
    return _int("children_parent_condition_months", division_code, on)


def contact_interval(division_code: str, on: date) -> int:
    return _int("children_contact_interval_days", division_code, on)


def visit_interval(division_code: str, on: date) -> int:
    return _int("children_visit_interval_days", division_code, on)


def working_days(name: str, division_code: str, on: date) -> int:
    return _int(name, division_code, on)


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    record_event(
        actor,
        action,
        object_type=f"children.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", ""),
        summary=summary,
        before=before,
        after=snapshot(row, fields),
    )


@dataclass(frozen=True)
class Period:
    valid_from: date
    valid_to: date | None


__all__ = ["Capability", "audit", "check_in_jurisdiction", "require", "snapshot"]
