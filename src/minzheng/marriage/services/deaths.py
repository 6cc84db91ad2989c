"""Marital status follows the registry: a registered death ends the marriage (丧偶 for the survivor).

民法典 第一千零四十二条 ff.: a marriage ends with a spouse's death. 婚姻登记 reads the registry's outbox
(``core.services.registry.changes_since``) with its own cursor, one transaction per change together with the
cursor's advance, so a crash or a second run never acts twice (the same pattern as 社会救助's consumer).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from minzheng.core.models import AuditEvent, RegistryChange
from minzheng.core.services.audit import record_event
from minzheng.core.services.registry import changes_since

from ..models import ConsumerCursor, DivorceApplication, DivorceStatus, MarriageRecord, MarriageStatus

CONSUMER = "marriage.registry_changes"


@dataclass
class DeathsResult:
    processed: int = 0
    ended: int = 0
    position: int = 0


def consume_registry_changes(*, limit: int = 1000) -> DeathsResult:
    cursor, _ = ConsumerCursor.objects.get_or_create(name=CONSUMER)
    result = DeathsResult(position=cursor.position)
    while True:
        changes = changes_since(result.position, limit=limit)
        if not changes:
            return result
        for change in changes:
            with transaction.atomic():
                locked = ConsumerCursor.objects.select_for_update().get(name=CONSUMER)
                if change.pk <= locked.position:
                    continue
                if change.kind == RegistryChange.DECEASED and change.person_id:
                    result.ended += _end_marriages(change)
                locked.position = change.pk
                locked.save(update_fields=["position", "updated_at"])
                result.position = change.pk
                result.processed += 1


def _end_marriages(change: RegistryChange) -> int:
    person = change.person
    ids = (
        MarriageRecord.objects.filter(status=MarriageStatus.IN_FORCE)
        .filter(Q(parties__person_id=person.pk) | Q(parties__id_number=person.id_number))
        .values("pk")
    )
    # PostgreSQL refuses FOR UPDATE with DISTINCT: lock the rows by primary key instead.
    marriages = MarriageRecord.objects.select_for_update().filter(
        pk__in=list(ids.values_list("pk", flat=True))
    )
    ended = 0
    for marriage in marriages:
        marriage.status, marriage.ended_on = MarriageStatus.WIDOWED, change.effective_date
        marriage.end_note = f"{person.name}于{change.effective_date:%Y-%m-%d}死亡（登记变更#{change.pk}）"
        marriage.save(update_fields=["status", "ended_on", "end_note"])
        open_divorces = DivorceApplication.objects.filter(marriage=marriage, status=DivorceStatus.COOLING_OFF)
        open_divorces.update(status=DivorceStatus.TERMINATED, closed_on=change.effective_date)
        record_event(
            None,
            AuditEvent.UPDATE,
            username="marriage_daily",
            object_type="marriage.marriagerecord",
            object_id=marriage.pk,
            division_code=marriage.division_code,
            summary=f"一方死亡，婚姻终止（丧偶）：{marriage.end_note}",
            before={"status": MarriageStatus.IN_FORCE},
            after={"status": marriage.status, "ended_on": change.effective_date.isoformat()},
        )
        ended += 1
    return ended
