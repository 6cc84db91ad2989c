"""What every 儿童福利 service needs: the checks, the policy numbers, the audit line."""

from dataclasses import dataclass
from datetime import date

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot
from minzheng.policy.interface import NATIONAL, normalise_division_code, parameter_book, parameter_value

from ..errors import InvalidChildInput
from ..policy_parameters import SEEDS
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


_SHIPPED = {seed.name: seed.value for seed in SEEDS if seed.division_code == NATIONAL}


def _int(name: str, division_code: str, on: date) -> int:
    """The parameter in force; the shipped national value when the store has none yet (a fresh database
    before ``load_policy``), so a page or the 待办 never fails for want of a loaded parameter."""
    return int(parameter_value(name, division_code, on, default=_SHIPPED[name]))


def intervals(user, on: date) -> tuple[int, int]:
    """(定期走访 interval, 亲情联系 interval) for the user's division, read once per request's user (the 待办
    asks several sources in one request; one parameter book instead of one per source)."""
    key = (user.division_code, on)
    cached = getattr(user, "_children_intervals", None)
    if cached is None or cached[0] != key:
        book = parameter_book([user.division_code])

        def read(name: str) -> int:
            version = book.parameter(name, normalise_division_code(user.division_code), on)
            return int(version.value if version is not None and version.value is not None else _SHIPPED[name])

        cached = (key, (read("children_visit_interval_days"), read("children_contact_interval_days")))
        user._children_intervals = cached
    return cached[1]


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
