"""养老服务 acting on the registry's outbox: a death discharges the elder from the institution (离院，去世), closes
the 家庭养老床位 and takes them off the 特殊困难老年人 register, so nobody is billed, counted or visited after it.

Like 社会救助's consumer (``assistance.services.dynamic``) it keeps its own position (``RegistryCursor``) and
handles each change in one transaction with the cursor's advance: a crash or a second run never acts twice.
"""

from dataclasses import dataclass, field

from django.db import transaction

from minzheng.core.models import AuditEvent, RegistryChange
from minzheng.core.services.audit import record_event
from minzheng.core.services.registry import changes_since

from ..models import DischargeReason, HardshipElder, HomeCareBed, RegistryCursor, Residency, VisitAssignment
from ..rules.visits import Month

REGISTRY_CONSUMER = "eldercare.registry_changes"


@dataclass
class ConsumeResult:
    processed: int = 0
    discharged: int = 0
    beds_closed: int = 0
    elders_ended: int = 0
    plans_dropped: int = 0
    position: int = 0
    notes: list[str] = field(default_factory=list)


def consume_registry_changes(*, limit: int = 1000) -> ConsumeResult:
    """Act on every registry change after the remembered position (run by ``eldercare_daily``, idempotent)."""
    cursor, _ = RegistryCursor.objects.get_or_create(name=REGISTRY_CONSUMER)
    result = ConsumeResult(position=cursor.position)
    while True:
        changes = changes_since(result.position, limit=limit)
        if not changes:
            return result
        for change in changes:
            with transaction.atomic():
                locked = RegistryCursor.objects.select_for_update().get(name=REGISTRY_CONSUMER)
                if change.pk <= locked.position:
                    continue  # another run got here first
                if change.kind == RegistryChange.DECEASED and change.person_id:
                    _after_death(change, result)
                locked.position = change.pk
                locked.save(update_fields=["position", "updated_at"])
                result.position = change.pk
                result.processed += 1


def _after_death(change: RegistryChange, result: ConsumeResult) -> None:
    died_on = change.effective_date
    note = f"死亡（登记变更#{change.pk}，{died_on:%Y-%m-%d}）"
    for stay in Residency.objects.select_for_update().filter(
        person_id=change.person_id, discharged_on__isnull=True
    ):
        stay.discharged_on = max(died_on, stay.admitted_on)
        stay.discharge_reason = DischargeReason.DEATH
        stay.save(update_fields=["discharged_on", "discharge_reason"])
        _audit(stay, f"离院：{note}")
        result.discharged += 1
    for bed in HomeCareBed.objects.select_for_update().filter(
        person_id=change.person_id, ended_on__isnull=True
    ):
        bed.ended_on = max(died_on, bed.started_on)
        bed.save(update_fields=["ended_on"])
        _audit(bed, f"撤销家庭养老床位：{note}")
        result.beds_closed += 1
    for elder in HardshipElder.objects.select_for_update().filter(
        person_id=change.person_id, ended_on__isnull=True
    ):
        elder.ended_on, elder.end_reason = max(died_on, elder.registered_on), "去世"
        elder.save(update_fields=["ended_on", "end_reason"])
        # plans for the months after the death are dropped (nobody to visit); the month of death stays
        later = VisitAssignment.objects.filter(elder=elder, month__gt=Month.of(died_on).first_day)
        dropped, _ = later.delete()
        result.plans_dropped += dropped
        _audit(
            elder, f"退出特殊困难老年人名册：{note}" + (f"，撤销此后探访计划{dropped}条" if dropped else "")
        )
        result.elders_ended += 1


def _audit(row, summary: str) -> None:
    record_event(
        None, AuditEvent.UPDATE, object_type=f"eldercare.{row._meta.model_name}", object_id=row.pk,
        division_code=row.division_code, summary=summary, username="登记变更处理",
    )  # fmt: skip
