"""综合监管: 双随机 draws, inspections, 隐患 (found → rectified → re-checked/closed), ratings, credit, incidents.

Separation of duties: inspectors (``INSPECT_ELDERCARE``) find and close hazards; the institution's
rectification report is recorded by a caseworker acting for it (``MANAGE_ELDERCARE``) — institutions have
no accounts of their own yet — and the user who recorded a rectification can never close the same hazard.
"""

from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import scope
from minzheng.core.models import AuditEvent
from minzheng.core.random_inspection import InspectionDrawError, draw_inspections, sample_size

from ..errors import EldercareConflict, InvalidEldercareInput
from ..models import (
    Hazard,
    HazardCategory,
    HazardSeverity,
    HazardStatus,
    Inspection,
    InspectionRound,
    InspectionStatus,
    Institution,
    ProviderStatus,
)
from .common import Capability, audit, check_in_jurisdiction, require, require_text
from .parameters import rectification_working_days, working_day_deadline
from .visitors import staff_with

_HAZARD_FIELDS = ["status", "deadline", "rectified_on", "rechecks", "closed_on", "recheck_note"]


def inspector_pool(actor) -> list:
    """执法检查人员名录: the organising bureau's own inspectors (same division as the actor) — a township's
    staff are not sent by the city's draw, and every inspector drawn can act on every institution drawn."""
    return staff_with(actor, Capability.INSPECT_ELDERCARE, same_office=True)


@transaction.atomic
def draw_round(
    actor, *, title: str, planned_on: date, share_percent: int, team_size: int, seed: int
) -> InspectionRound:
    """双随机抽查: draw institutions (operating, in the jurisdiction) and inspector teams with a public seed."""
    require(actor, Capability.INSPECT_ELDERCARE)
    candidates = list(
        scope(Institution.objects, actor, "division_code")
        .filter(status=ProviderStatus.OPERATING)
        .order_by("id")
        .values_list("id", flat=True)
    )
    inspectors = [user.pk for user in inspector_pool(actor)]
    if not candidates:
        raise EldercareConflict("辖区内没有运营中的养老机构可供抽查")
    try:
        count = sample_size(len(candidates), share_percent)
        assignments = draw_inspections(candidates, inspectors, count=count, team_size=team_size, seed=seed)
    except InspectionDrawError as error:
        raise InvalidEldercareInput(str(error), field="share_percent") from None
    round_ = InspectionRound.objects.create(
        division_code=actor.division_code,
        title=require_text(title, "title", "抽查名称", 100),
        planned_on=planned_on,
        seed=seed,
        share_percent=share_percent,
        team_size=team_size,
        candidate_ids=candidates,
        inspector_pool_ids=inspectors,
        created_by=actor,
    )
    divisions = dict(Institution.objects.filter(pk__in=candidates).values_list("id", "division_code"))
    for assignment in assignments:
        inspection = Inspection.objects.create(
            round=round_,
            institution_id=assignment.institution_id,
            division_code=divisions[assignment.institution_id],
            planned_on=planned_on,
        )
        inspection.inspectors.set(assignment.inspector_ids)
    audit(
        actor,
        AuditEvent.CREATE,
        round_,
        f"双随机抽查“{round_.title}”：{len(candidates)}家中抽取{count}家，种子{seed}",
        ["seed", "share_percent", "team_size", "candidate_ids", "inspector_pool_ids"],
    )
    return round_


@transaction.atomic
def schedule_inspection(actor, *, institution: Institution, planned_on: date, inspectors: list) -> Inspection:
    """专项/投诉检查 outside a random round."""
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, institution.division_code)
    pool = {user.pk for user in inspector_pool(actor)}
    if not inspectors or any(user.pk not in pool for user in inspectors):
        raise InvalidEldercareInput("请选择辖区内的检查人员", field="inspectors")
    inspection = Inspection.objects.create(
        institution=institution, division_code=institution.division_code, planned_on=planned_on
    )
    inspection.inspectors.set(inspectors)
    audit(actor, AuditEvent.CREATE, inspection, f"安排检查 {institution.name}", ["planned_on"])
    return inspection


def _check_team(actor, inspection: Inspection) -> None:
    """Only the inspectors sent (drawn or assigned) record what they found — the point of 随机选派."""
    if not inspection.inspectors.filter(pk=actor.pk).exists():
        raise EldercareConflict("只有本次检查的检查人员可以登记检查结果和隐患")


@transaction.atomic
def complete_inspection(actor, inspection: Inspection, *, inspected_on: date, conclusion: str) -> Inspection:
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, inspection.division_code)
    _check_team(actor, inspection)
    if inspected_on > date.today():
        raise InvalidEldercareInput("检查日期不能晚于今天", field="inspected_on")
    inspection.inspected_on = inspected_on
    inspection.conclusion = require_text(conclusion, "conclusion", "检查结论", 500)
    inspection.status = InspectionStatus.DONE
    inspection.save(update_fields=["inspected_on", "conclusion", "status"])
    audit(
        actor,
        AuditEvent.UPDATE,
        inspection,
        f"完成检查 {inspection.institution.name}",
        ["inspected_on", "conclusion"],
    )
    return inspection


@transaction.atomic
def record_hazard(
    actor,
    inspection: Inspection,
    *,
    category: str,
    severity: str,
    description: str,
    evidence: str,
    found_on: date,
    working_days: int | None = None,
) -> Hazard:
    """登记隐患 with its rectification deadline in working days (the parameter for its severity unless the
    inspector sets the period written in the 责令整改通知书)."""
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, inspection.division_code)
    _check_team(actor, inspection)
    if category not in HazardCategory.values:
        raise InvalidEldercareInput("请选择隐患类别", field="category")
    if severity not in HazardSeverity.values:
        raise InvalidEldercareInput("请选择隐患等级", field="severity")
    if found_on > date.today():
        raise InvalidEldercareInput("发现日期不能晚于今天", field="found_on")
    if working_days is None:
        working_days = rectification_working_days(inspection.division_code, found_on, severity)
    if not 1 <= working_days <= 365:
        raise InvalidEldercareInput("整改期限须为1–365个工作日", field="working_days")
    deadline, provisional = working_day_deadline(found_on, working_days)
    hazard = Hazard.objects.create(
        inspection=inspection,
        institution=inspection.institution,
        division_code=inspection.division_code,
        category=category,
        severity=severity,
        description=require_text(description, "description", "隐患描述", 500),
        evidence=require_text(evidence, "evidence", "检查证据", 300),
        found_on=found_on,
        rectification_working_days=working_days,
        deadline=deadline,
        found_by=actor,
    )
    audit(
        actor,
        AuditEvent.CREATE,
        hazard,
        f"{inspection.institution.name}：{hazard.get_severity_display()}（{hazard.get_category_display()}），"
        f"限{hazard.deadline:%Y-%m-%d}前整改"
        + ("（该年节假日安排未录入，暂按周末计算）" if provisional else ""),
        _HAZARD_FIELDS,
    )
    return hazard


@transaction.atomic
def report_rectification(actor, hazard: Hazard, *, rectified_on: date, note: str, evidence: str) -> Hazard:
    """机构整改报告, recorded by a caseworker acting for the institution."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, hazard.division_code)
    hazard = Hazard.objects.select_for_update().get(pk=hazard.pk)
    if hazard.status != HazardStatus.OPEN:
        raise EldercareConflict(f"隐患当前状态为“{hazard.get_status_display()}”，不能报告整改")
    if rectified_on < hazard.found_on or rectified_on > date.today():
        raise InvalidEldercareInput("整改完成日期应在发现日期与今天之间", field="rectified_on")
    hazard.rectified_on = rectified_on
    hazard.rectification_note = require_text(note, "note", "整改情况", 500)
    hazard.rectification_evidence = require_text(evidence, "evidence", "整改证明材料", 300)
    hazard.rectified_by = actor
    hazard.status = HazardStatus.RECTIFIED
    hazard.save()
    audit(actor, AuditEvent.UPDATE, hazard, f"{hazard.institution.name}报告隐患整改完成", _HAZARD_FIELDS)
    return hazard


@transaction.atomic
def recheck_hazard(actor, hazard: Hazard, *, passed: bool, on: date, note: str) -> Hazard:
    """复查: passed → 销号 (closed); failed → back to 待整改 with the same deadline (overdue shows as such)."""
    require(actor, Capability.INSPECT_ELDERCARE)
    check_in_jurisdiction(actor, hazard.division_code)
    hazard = Hazard.objects.select_for_update().get(pk=hazard.pk)
    if hazard.status != HazardStatus.RECTIFIED:
        raise EldercareConflict("只有“已整改待复查”的隐患可以复查")
    if hazard.rectified_by_id == actor.pk:
        raise EldercareConflict("录入整改情况的人员不能复查同一隐患")
    if on < hazard.rectified_on or on > date.today():
        raise InvalidEldercareInput("复查日期应在整改完成日期与今天之间", field="on")
    hazard.rechecks += 1
    hazard.recheck_note = require_text(note, "note", "复查意见", 500)
    if passed:
        hazard.status, hazard.closed_on, hazard.closed_by = HazardStatus.CLOSED, on, actor
    else:
        hazard.status, hazard.rectified_on = HazardStatus.OPEN, None
    hazard.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        hazard,
        f"复查{hazard.institution.name}隐患：{'合格，销号' if passed else '不合格，继续整改'}",
        _HAZARD_FIELDS,
    )
    return hazard
