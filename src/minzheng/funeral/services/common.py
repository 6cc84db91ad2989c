"""What every 殡葬 service shares: capability, jurisdiction, text checks, certificate dates, audit."""

from datetime import date
from decimal import Decimal

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.services.audit import record_event, snapshot
from minzheng.policy.interface import parameter_value

from ..errors import InvalidFuneralInput


def check_in_jurisdiction(actor, record_division_code: str) -> None:
    """Writes on a record of another region are refused as if it did not exist (ADR 6)."""
    if not covers(actor.division_code, record_division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def require_text(value, field: str, label: str, max_length: int, *, required: bool = True) -> str:
    value = str(value or "").strip()
    if required and not value:
        raise InvalidFuneralInput(f"请填写{label}", field=field)
    if len(value) > max_length:
        raise InvalidFuneralInput(f"{label}不能超过{max_length}个字", field=field)
    return value


def _as_date(number) -> date | None:
    if number is None:
        return None
    text = f"{int(number):08d}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def electronic_dates(division_code: str, on: date) -> tuple[date, date | None]:
    """(electronic certificates from, electronic required from) in force for the division on the day; the
    shipped national values (国卫规划发〔2026〕5号) when the store has not been loaded."""
    start = parameter_value("funeral_electronic_certificate_from", division_code, on, Decimal("20260701"))
    required = parameter_value(
        "funeral_electronic_certificate_required_from", division_code, on, Decimal("20270101")
    )
    return _as_date(start), _as_date(required)


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    record_event(
        actor,
        action,
        object_type=f"funeral.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", ""),
        summary=summary[:300],
        before=before,
        after=snapshot(row, fields),
    )
