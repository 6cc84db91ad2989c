"""What every 婚姻登记 service needs: capability and jurisdiction checks, the registrar at a registry, audit."""

from datetime import date

from django.db import models
from django.http import Http404

from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event, snapshot
from minzheng.policy.interface import parameter_value

from ..errors import InvalidMarriageInput, MarriageConflict
from ..models import Registrar, Registry


def check_in_jurisdiction(actor, division_code: str) -> None:
    """Writes on another region's record are refused as if it did not exist."""
    if not covers(actor.division_code, division_code):
        raise Http404("记录不存在或不在您的管辖范围内")


def registrar_at(actor, registry: Registry) -> Registrar:
    """The actor's active 登记员 row at ``registry`` (only a registrar named there registers there)."""
    require(actor, Capability.REGISTER_MARRIAGE)
    check_in_jurisdiction(actor, registry.division_code)
    if not registry.active:
        raise MarriageConflict(f"{registry.name}已停用", field="registry")
    registrar = Registrar.objects.filter(registry=registry, user=actor, active=True).first()
    if registrar is None:
        raise MarriageConflict(f"您不是{registry.name}的在岗婚姻登记员", field="registry")
    return registrar


def check_day(on: date, today: date, field: str = "on") -> None:
    if on > today:
        raise InvalidMarriageInput("登记日期不能晚于今天", field=field)


def policy_int(name: str, division_code: str, on: date) -> int:
    return int(parameter_value(name, division_code, on))


def audit(actor, action: str, row: models.Model, summary: str, fields: list[str], before: dict | None = None):
    record_event(
        actor,
        action,
        object_type=f"marriage.{row._meta.model_name}",
        object_id=row.pk,
        division_code=getattr(row, "division_code", ""),
        summary=summary,
        before=before,
        after=snapshot(row, fields),
    )


__all__ = [
    "Capability",
    "audit",
    "check_day",
    "check_in_jurisdiction",
    "policy_int",
    "registrar_at",
    "require",
]
