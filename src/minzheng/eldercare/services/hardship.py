"""特殊困难老年人探访关爱: register elders, plan each month's visits, record visits."""

from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import covers, scope
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import has_capability
from minzheng.core.services.audit import record_event

from ..errors import EldercareConflict, InvalidEldercareInput
from ..models import HardshipCategory, HardshipElder, Visit, VisitAssignment, VisitMethod
from ..rules.visits import Month
from .common import Capability, audit, check_in_jurisdiction, require, require_text

_ELDER_FIELDS = [
    "division_code",
    "categories",
    "is_tekun",
    "assigned_to",
    "registered_on",
    "ended_on",
    "end_reason",
]


def _check_visitor(actor, visitor, division_code: str) -> None:
    if visitor is None:
        return
    if not covers(visitor.division_code, division_code) or not has_capability(
        visitor, Capability.MANAGE_ELDERCARE
    ):
        raise InvalidEldercareInput(f"{visitor}不是该老人所在区域的工作人员", field="assigned_to")


@transaction.atomic
def register_elder(
    actor,
    *,
    person,
    categories: list[str],
    registered_on: date,
    assigned_to=None,
    is_tekun: bool = False,
    contact_name: str = "",
    contact_phone: str = "",
) -> HardshipElder:
    """纳入特殊困难老年人名册 (one open entry per person)."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, person.residence_division_code)
    if not categories or any(code not in HardshipCategory.values for code in categories):
        raise InvalidEldercareInput("请选择至少一种困难类型", field="categories")
    if person.is_deceased:
        raise InvalidEldercareInput(f"{person.name}已登记死亡", field="person")
    if HardshipElder.objects.filter(person=person, ended_on__isnull=True).exists():
        raise EldercareConflict(f"{person.name}已在特殊困难老年人名册中", field="person")
    _check_visitor(actor, assigned_to, person.residence_division_code)
    elder = HardshipElder.objects.create(
        person=person,
        division_code=person.residence_division_code,
        categories=sorted(set(categories)),
        is_tekun=is_tekun,
        assigned_to=assigned_to,
        contact_name=contact_name.strip()[:50],
        contact_phone=contact_phone.strip()[:20],
        registered_on=registered_on,
    )
    audit(actor, AuditEvent.CREATE, elder, f"{person.name}纳入特殊困难老年人名册", _ELDER_FIELDS)
    return elder


@transaction.atomic
def assign_visitor(actor, elder: HardshipElder, visitor) -> HardshipElder:
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, elder.division_code)
    _check_visitor(actor, visitor, elder.division_code)
    elder.assigned_to = visitor
    elder.save(update_fields=["assigned_to"])
    audit(actor, AuditEvent.UPDATE, elder, f"{elder.person.name}探访责任人改为{visitor}", ["assigned_to"])
    return elder


@transaction.atomic
def end_registration(actor, elder: HardshipElder, *, ended_on: date, reason: str) -> HardshipElder:
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, elder.division_code)
    if elder.ended_on is not None:
        raise EldercareConflict("该老人已退出名册")
    if ended_on < elder.registered_on:
        raise InvalidEldercareInput("退出日期不能早于登记日期", field="ended_on")
    elder.ended_on, elder.end_reason = ended_on, require_text(reason, "reason", "退出原因", 100)
    elder.save(update_fields=["ended_on", "end_reason"])
    audit(actor, AuditEvent.UPDATE, elder, f"{elder.person.name}退出特殊困难老年人名册", _ELDER_FIELDS)
    return elder


@transaction.atomic
def plan_month(actor, month: Month) -> int:
    """生成月度探访计划: one assignment per elder on the register that month, to their responsible worker.

    Idempotent: elders already planned for the month are left alone. Elders without a responsible worker
    are not planned — they are listed as 未指定探访人 on the page so someone assigns one.
    """
    require(actor, Capability.MANAGE_ELDERCARE)
    elders = scope(HardshipElder.objects, actor, "division_code").filter(
        registered_on__lte=month.last_day, assigned_to__isnull=False
    )
    elders = elders.exclude(ended_on__lt=month.first_day)
    planned = set(VisitAssignment.objects.filter(month=month.first_day).values_list("elder_id", flat=True))
    new_rows = [
        VisitAssignment(
            elder_id=elder.pk,
            month=month.first_day,
            assigned_to_id=elder.assigned_to_id,
            division_code=elder.division_code,
        )
        for elder in elders.only("pk", "assigned_to_id", "division_code")
        if elder.pk not in planned
    ]
    VisitAssignment.objects.bulk_create(new_rows)
    record_event(
        actor,
        AuditEvent.CREATE,
        object_type="eldercare.visitassignment",
        object_id=str(month),
        division_code=actor.division_code,
        summary=f"生成{month}探访计划 {len(new_rows)} 人",
    )
    return len(new_rows)


@transaction.atomic
def record_visit(
    actor,
    elder: HardshipElder,
    *,
    visited_on: date,
    method: str,
    findings: str,
    needs_follow_up: bool = False,
    follow_up: str = "",
) -> Visit:
    """探访记录 by the worker who went (the actor)."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, elder.division_code)
    if method not in VisitMethod.values:
        raise InvalidEldercareInput("请选择探访方式", field="method")
    if visited_on > date.today():
        raise InvalidEldercareInput("探访日期不能晚于今天", field="visited_on")
    if visited_on < elder.registered_on or (elder.ended_on and visited_on > elder.ended_on):
        raise InvalidEldercareInput("探访日期不在该老人的名册登记期内", field="visited_on")
    if needs_follow_up and not follow_up.strip():
        raise InvalidEldercareInput("需跟进处置时请填写跟进需求", field="follow_up")
    visit = Visit.objects.create(
        elder=elder,
        division_code=elder.division_code,
        visited_on=visited_on,
        method=method,
        visitor=actor,
        findings=require_text(findings, "findings", "探访情况", 500),
        needs_follow_up=needs_follow_up,
        follow_up=follow_up.strip()[:300],
    )
    audit(
        actor,
        AuditEvent.CREATE,
        visit,
        f"探访{elder.person.name}（{visit.get_method_display()}）",
        ["visited_on", "method", "needs_follow_up"],
    )
    return visit
