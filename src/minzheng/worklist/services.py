"""认领、指派、改派: every change of an item's owner — capability, jurisdiction, a transaction, the audit log.

Rules (ADR 0015):
- the item is looked up through its source inside the actor's jurisdiction (another region's: 404);
- 认领 (claim): the actor can do the work (the item's capability) and nobody else owns it yet;
- 指派/改派 (assign, reassign): the actor has ``assign_work`` (审核人, 审批人, 领导) or can do the work
  themselves (转办 to a colleague); the new owner is an active account that can do the work and whose
  jurisdiction covers the item's division — refused in Chinese otherwise;
- 退回 (release): the owner or whoever may assign gives the item back to the unclaimed pool.
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent, User
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.services.audit import record_event
from minzheng.core.work_items import WorkItem

from .errors import OwnerRefused, WorklistError
from .models import WorkOwner
from .sources import find_item


def _audit(user, item: WorkItem, summary: str, after: dict | None = None) -> None:
    record_event(
        user,
        AuditEvent.UPDATE,
        object_type="work_item",
        object_id=f"{item.source}:{item.key}",
        division_code=item.division_code,
        summary=f"{summary}：{item.domain} {item.matter} {item.reference}".strip()[:300],
        after=after,
    )


def _can_do(user, item: WorkItem) -> bool:
    return has_capability(user, Capability(item.capability))


def _current(item: WorkItem) -> WorkOwner | None:
    return (
        WorkOwner.objects.select_for_update()
        .select_related("owner")
        .filter(source=item.source, key=item.key)
        .first()
    )


def _save_owner(actor, item: WorkItem, owner: User, current: WorkOwner | None) -> WorkOwner:
    if current is None:
        return WorkOwner.objects.create(
            source=item.source, key=item.key, division_code=item.division_code, owner=owner, assigned_by=actor
        )
    current.owner, current.assigned_by = owner, actor
    current.division_code, current.assigned_at = item.division_code, timezone.now()
    current.save(update_fields=["owner", "assigned_by", "division_code", "assigned_at"])
    return current


@transaction.atomic
def claim(user, source: str, key: str, *, today: date | None = None) -> WorkOwner:
    """认领: the actor takes an unclaimed item of their desk."""
    item = find_item(user, source, key, today or timezone.localdate())
    if not _can_do(user, item):
        raise OwnerRefused("您的角色不能办理该事项，不能认领", field="owner")
    current = _current(item)
    if current is not None and current.owner_id != user.pk:
        raise OwnerRefused(f"该事项已由{current.owner.display_name}负责，请由分派人改派", field="owner")
    if current is not None:
        return current
    owner = _save_owner(user, item, user, None)
    _audit(user, item, "认领待办", {"owner": user.username})
    return owner


def eligible(owner: User, item: WorkItem) -> str | None:
    """Why ``owner`` may not own ``item`` (a Chinese message), or ``None``."""
    if not owner.is_active:
        return f"{owner.display_name}的账号已停用，不能指派"
    if not _can_do(owner, item):
        return f"{owner.display_name}的角色不能办理该事项，不能指派"
    if not owner.division_code or not covers(owner.division_code, item.division_code):
        return f"{owner.display_name}的管辖范围不包括该事项所在区划，不能指派"
    return None


@transaction.atomic
def assign(user, source: str, key: str, owner_id: int | None, *, today: date | None = None) -> WorkOwner:
    """指派 (or 改派 when the item has an owner): ``owner_id`` becomes the item's owner."""
    item = find_item(user, source, key, today or timezone.localdate())
    if not (has_capability(user, Capability.ASSIGN_WORK) or _can_do(user, item)):
        raise OwnerRefused("只有审核人、审批人、领导或能办理该事项的人员可以指派待办", field="owner")
    owner = User.objects.filter(pk=owner_id).first() if owner_id else None
    if owner is None:
        raise WorklistError("请选择责任人", field="owner")
    problem = eligible(owner, item)
    if problem:
        raise OwnerRefused(problem, field="owner")
    current = _current(item)
    if current is not None and current.owner_id == owner.pk:
        return current
    verb = "改派待办" if current is not None else "指派待办"
    before = current.owner.username if current is not None else ""
    saved = _save_owner(user, item, owner, current)
    _audit(user, item, f"{verb}给{owner.display_name}", {"owner": owner.username, "previous_owner": before})
    return saved


@transaction.atomic
def release(user, source: str, key: str, *, today: date | None = None) -> None:
    """退回: the item goes back to the unclaimed pool (its owner, or someone who may assign it, does this)."""
    item = find_item(user, source, key, today or timezone.localdate())
    current = _current(item)
    if current is None:
        return
    if current.owner_id != user.pk and not (
        has_capability(user, Capability.ASSIGN_WORK) or _can_do(user, item)
    ):
        raise OwnerRefused("只有责任人或可以指派的人员可以退回该事项", field="owner")
    current.delete()
    _audit(user, item, "退回待办", {"owner": "", "previous_owner": current.owner.username})
