"""婚姻家庭辅导: rooms per registry (set up by the registry's managers) and sessions recorded at the desk."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent

from ..errors import InvalidMarriageInput
from ..models import (
    CounsellingKind,
    CounsellingOutcome,
    CounsellingRoom,
    CounsellingSession,
    DivorceApplication,
    Registry,
)
from .common import Capability, audit, check_in_jurisdiction, registrar_at, require


@transaction.atomic
def add_room(actor, registry: Registry, *, name: str, opened_on: date) -> CounsellingRoom:
    require(actor, Capability.MANAGE_MARRIAGE_REGISTRIES)
    check_in_jurisdiction(actor, registry.division_code)
    name = (name or "").strip()
    if not name:
        raise InvalidMarriageInput("请填写辅导室名称", field="name")
    if opened_on > timezone.localdate():
        raise InvalidMarriageInput("启用日期不能晚于今天", field="opened_on")
    room = CounsellingRoom.objects.create(
        registry=registry, division_code=registry.division_code, name=name[:100], opened_on=opened_on
    )
    audit(
        actor,
        AuditEvent.CREATE,
        room,
        f"{registry.name}设立婚姻家庭辅导室 {room.name}",
        ["name", "opened_on"],
    )
    return room


@transaction.atomic
def record_session(
    actor,
    room: CounsellingRoom,
    *,
    held_on: date,
    kind: str,
    counsellor: str,
    outcome: str,
    divorce_id: int | None = None,
    note: str = "",
) -> CounsellingSession:
    registrar_at(actor, room.registry)
    if not room.active:
        raise InvalidMarriageInput(f"{room.name}已停用", field="room")
    if held_on > timezone.localdate() or held_on < room.opened_on:
        raise InvalidMarriageInput("辅导日期应在辅导室启用之后、今天及以前", field="held_on")
    if kind not in CounsellingKind.values:
        raise InvalidMarriageInput("请选择辅导类型", field="kind")
    if outcome not in CounsellingOutcome.values:
        raise InvalidMarriageInput("请选择辅导结果", field="outcome")
    counsellor = (counsellor or "").strip()
    if not counsellor:
        raise InvalidMarriageInput("请填写辅导员", field="counsellor")
    divorce = None
    if divorce_id:
        divorce = DivorceApplication.objects.filter(pk=divorce_id, registry=room.registry).first()
        if divorce is None:
            raise InvalidMarriageInput("该登记机关没有这个编号的离婚登记申请", field="divorce_id")
    session = CounsellingSession.objects.create(
        room=room, division_code=room.division_code, held_on=held_on, kind=kind, counsellor=counsellor[:50],
        divorce=divorce, outcome=outcome, note=(note or "").strip()[:200], recorded_by=actor,
    )  # fmt: skip
    audit(actor, AuditEvent.CREATE, session, f"婚姻家庭辅导：{session.get_kind_display()}，{session.get_outcome_display()}",
          ["room", "held_on", "kind", "outcome", "divorce"])  # fmt: skip
    return session
