"""动态监测 follows the registry: a registered death takes the person out of the low-income library.

Every open 人员类别 of the deceased (whatever its source: 社会救助, an imported list, 主动发现) ends on the date
of death, and each open warning about them gets a step saying so — the handler decides what the household still
needs, the warning is never closed silently. The consumer reads ``core.services.registry.changes_since`` with
its own cursor, one transaction per change together with the cursor's advance (社会救助's pattern), so a crash
or a second run never acts twice.
"""

from dataclasses import dataclass

from django.db import transaction

from minzheng.core.models import AuditEvent, RegistryChange
from minzheng.core.services.audit import record_event
from minzheng.core.services.registry import changes_since

from .. import rules
from ..models import LibraryCategory, RegistryCursor, RiskWarning, WarningStep

CONSUMER = "monitoring.registry_changes"


@dataclass
class DeathsResult:
    processed: int = 0
    categories_ended: int = 0
    warnings_noted: int = 0
    position: int = 0


def consume_registry_changes(*, limit: int = 1000) -> DeathsResult:
    cursor, _ = RegistryCursor.objects.get_or_create(name=CONSUMER)
    result = DeathsResult(position=cursor.position)
    while True:
        changes = changes_since(result.position, limit=limit)
        if not changes:
            return result
        for change in changes:
            with transaction.atomic():
                locked = RegistryCursor.objects.select_for_update().get(name=CONSUMER)
                if change.pk <= locked.position:
                    continue  # another run got here first
                if change.kind == RegistryChange.DECEASED and change.person_id:
                    _after_death(change, result)
                locked.position = change.pk
                locked.save(update_fields=["position", "updated_at"])
                result.position = change.pk
                result.processed += 1


def _after_death(change: RegistryChange, result: DeathsResult) -> None:
    person, died = change.person, change.effective_date
    note = f"{person.name}于{died:%Y-%m-%d}死亡（登记变更#{change.pk}）"
    categories = list(
        LibraryCategory.objects.select_for_update()
        .filter(person__id_number=person.id_number, valid_to__isnull=True)
        .select_related("person")
    )
    for category in categories:
        category.valid_to = max(died, category.valid_from)
        category.note = f"{category.note}；{note}".strip("；")[:500]
        category.save(update_fields=["valid_to", "note"])
        record_event(
            None, AuditEvent.UPDATE, username="monitoring_daily", object_type="monitoring.librarycategory",
            object_id=category.pk, division_code=category.person.division_code,
            summary=f"去世，退出监测：{category.get_category_display()}；{note}",
            before={"valid_to": None}, after={"valid_to": category.valid_to.isoformat()},
        )  # fmt: skip
    result.categories_ended += len(categories)
    for warning in RiskWarning.objects.filter(id_number=person.id_number, status__in=rules.OPEN_STATUSES):
        WarningStep.objects.create(
            warning=warning, action="registry", note=f"登记变更：相关人员{note}，请核实家庭情况后处置"
        )
        result.warnings_noted += 1
