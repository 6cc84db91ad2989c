"""未成年人保护案件: 强制报告 received and acknowledged at once (未保法 Art 11), 移送公安, 临时/长期监护
(Arts 92–94), 调查评估, 帮扶计划, 监护干预, 结案 with the reporter informed, 结案复核 by another supervisor.
Every step checks the pure transition table (rules.protection), the capability and that the actor may see
the case (its handlers and their supervisors), and is audited."""

from datetime import date, datetime

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from stdnum.cn import uscc

from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import has_capability
from minzheng.core.services.registry import check_residence_division
from minzheng.policy.interface import working_day_deadline

from ..errors import ChildrenConflict, InvalidChildInput
from ..models import (
    PLAN_ITEMS,
    GuardianshipEpisode,
    GuardianshipKind,
    Intervention,
    InterventionKind,
    PlacementType,
    ProtectionCase,
    ReportChannel,
    ReporterKind,
    RiskLevel,
    Situation,
)
from ..rules import protection as rules
from .common import Capability, audit, not_future, require, require_text, working_days

_FIELDS = ["number", "status", "situation", "channel", "reporter_kind", "assessment_due", "police_referred_on",
           "assessed_on", "risk_level", "plan_items", "plan_due", "closed_on", "reporter_informed_on",
           "review_due", "reviewed_on"]  # fmt: skip
_COURT = {InterventionKind.COURT_APPLICATION, InterventionKind.COURT_REVOCATION}


def _may_see(actor, case: ProtectionCase) -> None:
    """Handlers, the receiver and supervisors of the jurisdiction act on a case; anyone else gets a 404."""
    if not covers(actor.division_code, case.division_code):
        raise Http404("记录不存在或不在您的管辖范围内")
    if has_capability(actor, Capability.SUPERVISE_CHILD_CASES) or case.received_by_id == actor.pk:
        return
    if not case.handlers.filter(pk=actor.pk).exists():
        raise Http404("记录不存在或不在您的管辖范围内")


def _require_handling(actor) -> None:
    if not (
        has_capability(actor, Capability.MANAGE_CHILDREN)
        or has_capability(actor, Capability.SUPERVISE_CHILD_CASES)
    ):
        require(actor, Capability.MANAGE_CHILDREN)


def _locked(case: ProtectionCase) -> ProtectionCase:
    return ProtectionCase.objects.select_for_update().get(pk=case.pk)


def _move(case: ProtectionCase, action: str) -> None:
    error = rules.move_error(action, case.status)
    if error:
        raise ChildrenConflict(error)
    case.status = rules.next_status(action, case.status)


def _due(name: str, division_code: str, start: date) -> date:
    return working_day_deadline(start, working_days(name, division_code, start))[0]


def _number(division_code: str, year: int) -> str:
    prefix = f"WB{division_code[:6]}{year}"
    last = (
        ProtectionCase.objects.filter(number__startswith=prefix)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return f"{prefix}{(int(last[len(prefix) :]) + 1) if last else 1:05d}"


@transaction.atomic
def receive_report(
    actor,
    *,
    division_code: str,
    child_description: str,
    channel: str,
    reporter_kind: str,
    situation: str,
    description: str,
    child=None,
    reporter_name: str = "",
    reporter_contact: str = "",
    received_at: datetime | None = None,
) -> ProtectionCase:
    """强制报告 受理: accepted and acknowledged at once (the number and time are the receipt); the receiver is
    the first handler; 调查评估 is due in the policy store's working days. ``received_at`` (default now) is for
    a report taken down earlier, e.g. by telephone at night, and entered afterwards."""
    _require_handling(actor)
    try:
        check_residence_division(actor, (division_code or "").strip())
    except MinzhengError as error:
        raise InvalidChildInput(
            error.message.replace("居住地", "儿童所在地"), field="division_code"
        ) from None
    for value, choices, field, label in [
        (channel, ReportChannel, "channel", "报告渠道"),
        (reporter_kind, ReporterKind, "reporter_kind", "报告人类型"),
        (situation, Situation, "situation", "情形"),
    ]:
        if value not in choices.values:
            raise InvalidChildInput(f"请选择{label}", field=field)
    if reporter_kind != ReporterKind.ANONYMOUS and not (reporter_name or "").strip():
        raise InvalidChildInput("请填写报告人（单位）；匿名报告请选择“匿名”", field="reporter_name")
    if child is not None and not covers(actor.division_code, child.residence_division_code):
        raise InvalidChildInput("该儿童不在您的管辖范围内", field="child")
    now = received_at or timezone.now()
    if now > timezone.now():
        raise InvalidChildInput("接报时间不能晚于现在", field="received_at")
    today = timezone.localdate(now)
    case = ProtectionCase.objects.create(
        number=_number(division_code, today.year),
        division_code=division_code,
        child=child,
        child_description=require_text(child_description, "child_description", "儿童情况", 200),
        channel=channel,
        reporter_kind=reporter_kind,
        reporter_name=(reporter_name or "").strip()[:100] if reporter_kind != ReporterKind.ANONYMOUS else "",
        reporter_contact=(reporter_contact or "").strip()[:50]
        if reporter_kind != ReporterKind.ANONYMOUS
        else "",
        situation=situation,
        description=require_text(description, "description", "报告内容", 1000),
        received_at=now,
        received_by=actor,
        assessment_due=_due("children_case_assessment_working_days", division_code, today),
    )
    case.handlers.add(actor)
    audit(
        actor,
        AuditEvent.CREATE,
        case,
        f"接报未成年人保护案件 {case.number}（{case.get_situation_display()}）",
        _FIELDS,
    )
    return case


@transaction.atomic
def add_handler(actor, case: ProtectionCase, handler) -> ProtectionCase:
    """督办: a supervisor adds a handler of the case's area (儿童主任, 督导员 or county staff)."""
    require(actor, Capability.SUPERVISE_CHILD_CASES)
    _may_see(actor, case)
    if not covers(handler.division_code, case.division_code) or not (
        has_capability(handler, Capability.MANAGE_CHILDREN)
        or has_capability(handler, Capability.SUPERVISE_CHILD_CASES)
    ):
        raise InvalidChildInput(f"{handler.display_name}不是该案件所在区域的儿童工作人员", field="handler")
    case.handlers.add(handler)
    audit(actor, AuditEvent.UPDATE, case, f"{case.number} 增加承办人 {handler.display_name}", _FIELDS)
    return case


@transaction.atomic
def refer_to_police(actor, case: ProtectionCase, *, referred_on: date, police_unit: str) -> ProtectionCase:
    _require_handling(actor)
    _may_see(actor, case)
    case = _locked(case)
    _move(case, "refer_police")
    if case.police_referred_on:
        raise ChildrenConflict(f"该案件已于{case.police_referred_on}移送公安")
    if referred_on < timezone.localdate(case.received_at):
        raise InvalidChildInput("移送日期不能早于接报日期", field="referred_on")
    not_future(referred_on, "referred_on", "移送日期")
    case.police_referred_on = referred_on
    case.police_unit = require_text(police_unit, "police_unit", "接收公安机关", 100)
    case.save()
    audit(actor, AuditEvent.UPDATE, case, f"{case.number} 移送{case.police_unit}", _FIELDS)
    return case


@transaction.atomic
def place_child(
    actor,
    case: ProtectionCase,
    *,
    kind: str,
    ground: int,
    placement: str,
    institution_name: str,
    started_on: date,
    institution_uscc: str = "",
) -> GuardianshipEpisode:
    """民政 临时监护 (Art 92 grounds 1–7) or 长期监护 (Art 94 grounds 1–5; ground 4 after the court's revocation).
    A 长期监护 ends the open 临时监护 the day before; a second open episode of the same kind is refused."""
    require(actor, Capability.DECIDE_CHILD_GUARDIANSHIP)
    _may_see(actor, case)
    case = _locked(case)
    _move(case, "place")
    if kind not in GuardianshipKind.values:
        raise InvalidChildInput("请选择临时监护或长期监护", field="kind")
    if placement not in PlacementType.values:
        raise InvalidChildInput("请选择安置方式", field="placement")
    revoked = case.interventions.filter(kind=InterventionKind.COURT_REVOCATION).exists()
    errors = rules.placement_errors(kind, ground, revoked)
    if errors:
        raise InvalidChildInput("；".join(errors), field="ground")
    not_future(started_on, "started_on", "开始日期")
    code = (institution_uscc or "").strip().upper()
    if code and not uscc.is_valid(code):
        raise InvalidChildInput(f"统一社会信用代码“{code}”不正确", field="institution_uscc")
    open_ = case.episodes.filter(ended_on__isnull=True)
    if open_.filter(kind=kind).exists():
        raise ChildrenConflict("该儿童已在同类监护中，请先结束原监护")
    if kind == GuardianshipKind.LONG_TERM:
        for episode in open_.filter(kind=GuardianshipKind.TEMPORARY):
            if started_on <= episode.started_on:
                raise InvalidChildInput("长期监护开始日期须晚于临时监护开始日期", field="started_on")
            episode.ended_on = date.fromordinal(started_on.toordinal() - 1)
            episode.end_note = "转为长期监护"
            episode.save(update_fields=["ended_on", "end_note"])
    episode = GuardianshipEpisode.objects.create(
        case=case,
        division_code=case.division_code,
        kind=kind,
        ground=ground,
        placement=placement,
        institution_name=require_text(institution_name, "institution_name", "安置机构（家庭）", 100),
        institution_uscc=code,
        started_on=started_on,
        decided_by=actor,
    )
    case.save()
    audit(
        actor, AuditEvent.CREATE, episode,
        f"{case.number} {episode.get_kind_display()}：{episode.ground_label()}，{episode.get_placement_display()}",
        ["kind", "ground", "placement", "institution_name", "started_on"],
    )  # fmt: skip
    return episode


@transaction.atomic
def end_placement(
    actor, episode: GuardianshipEpisode, *, ended_on: date, end_note: str
) -> GuardianshipEpisode:
    """Art 93: back to the guardian after 民政's assessment (or another end), with the note saying so."""
    require(actor, Capability.DECIDE_CHILD_GUARDIANSHIP)
    _may_see(actor, episode.case)
    if episode.ended_on is not None:
        raise ChildrenConflict("该监护已结束")
    if ended_on < episode.started_on:
        raise InvalidChildInput("结束日期不能早于开始日期", field="ended_on")
    not_future(ended_on, "ended_on", "结束日期")
    episode.ended_on, episode.end_note = ended_on, require_text(end_note, "end_note", "结束情况", 300)
    episode.save(update_fields=["ended_on", "end_note"])
    audit(
        actor,
        AuditEvent.UPDATE,
        episode,
        f"{episode.get_kind_display()}结束：{episode.end_note}",
        ["ended_on", "end_note"],
    )
    return episode


@transaction.atomic
def assess(
    actor,
    case: ProtectionCase,
    *,
    assessed_on: date,
    participants: str,
    safety: str,
    guardianship: str,
    health: str,
    risk_level: str,
) -> ProtectionCase:
    """调查评估 by the township with 民政 and police: safety, guardianship, health, risk level."""
    _require_handling(actor)
    _may_see(actor, case)
    case = _locked(case)
    _move(case, "assess")
    if risk_level not in RiskLevel.values:
        raise InvalidChildInput("请选择风险等级", field="risk_level")
    if assessed_on < timezone.localdate(case.received_at):
        raise InvalidChildInput("评估日期不能早于接报日期", field="assessed_on")
    not_future(assessed_on, "assessed_on", "评估日期")
    case.assessed_on, case.assessed_by, case.risk_level = assessed_on, actor, risk_level
    case.assessment_participants = require_text(participants, "participants", "参与评估人员", 200)
    case.safety = require_text(safety, "safety", "安全状况", 300)
    case.guardianship = require_text(guardianship, "guardianship", "监护状况", 300)
    case.health = require_text(health, "health", "身心健康", 300)
    case.plan_due = _due("children_case_plan_working_days", case.division_code, assessed_on)
    case.save()
    audit(actor, AuditEvent.UPDATE, case, f"{case.number} 调查评估：{case.get_risk_level_display()}", _FIELDS)
    return case


@transaction.atomic
def make_plan(
    actor, case: ProtectionCase, *, items: list[str], note: str, planned_on: date
) -> ProtectionCase:
    """帮扶计划: 监护指导, 医疗, 心理, 法律援助, 纳入社会救助 …"""
    _require_handling(actor)
    _may_see(actor, case)
    case = _locked(case)
    _move(case, "plan")
    if not items or any(code not in PLAN_ITEMS for code in items):
        raise InvalidChildInput("请至少选择一项帮扶措施", field="items")
    if planned_on < case.assessed_on:
        raise InvalidChildInput("计划日期不能早于评估日期", field="planned_on")
    not_future(planned_on, "planned_on", "计划日期")
    case.plan_items, case.planned_on = sorted(set(items)), planned_on
    case.plan_note = require_text(note, "note", "帮扶计划", 500)
    case.save()
    audit(actor, AuditEvent.UPDATE, case, f"{case.number} 帮扶计划：{'、'.join(case.plan_labels())}", _FIELDS)
    return case


@transaction.atomic
def intervene(actor, case: ProtectionCase, *, kind: str, taken_on: date, note: str) -> Intervention:
    """监护干预: 告诫/处罚 by the supervising staff; court applications and judgments by the county 民政."""
    if kind not in InterventionKind.values:
        raise InvalidChildInput("请选择干预措施", field="kind")
    require(
        actor, Capability.DECIDE_CHILD_GUARDIANSHIP if kind in _COURT else Capability.SUPERVISE_CHILD_CASES
    )
    _may_see(actor, case)
    case = _locked(case)
    _move(case, "intervene")
    not_future(taken_on, "taken_on", "日期")
    if (
        kind == InterventionKind.COURT_REVOCATION
        and not case.interventions.filter(kind=InterventionKind.COURT_APPLICATION).exists()
    ):
        raise InvalidChildInput("请先登记向人民法院申请撤销监护人资格", field="kind")
    intervention = Intervention.objects.create(
        case=case,
        division_code=case.division_code,
        kind=kind,
        taken_on=taken_on,
        note=require_text(note, "note", "情况", 300),
        recorded_by=actor,
    )
    case.save()
    audit(
        actor,
        AuditEvent.CREATE,
        intervention,
        f"{case.number} 监护干预：{intervention.get_kind_display()}",
        ["kind", "taken_on", "note"],
    )
    return intervention


@transaction.atomic
def close_case(
    actor,
    case: ProtectionCase,
    *,
    closed_on: date,
    note: str,
    reporter_informed_on: date | None = None,
    reporter_result: str = "",
) -> ProtectionCase:
    """结案 by the county 民政: the reporter told the result (Art 11); no 临时监护 left open; review due."""
    require(actor, Capability.DECIDE_CHILD_GUARDIANSHIP)
    _may_see(actor, case)
    case = _locked(case)
    errors = rules.closing_errors(
        status=case.status,
        assessed=case.assessed_on is not None,
        reporter_anonymous=case.reporter_kind == ReporterKind.ANONYMOUS,
        reporter_informed=bool(reporter_informed_on and (reporter_result or "").strip()),
        note=note or "",
    )
    if errors:
        raise InvalidChildInput("；".join(errors), field="note")
    _move(case, "close")
    if case.episodes.filter(kind=GuardianshipKind.TEMPORARY, ended_on__isnull=True).exists():
        raise ChildrenConflict("临时监护尚未结束，请先结束临时监护（送回监护人或转长期监护）")
    if closed_on < timezone.localdate(case.received_at):
        raise InvalidChildInput("结案日期不能早于接报日期", field="closed_on")
    not_future(closed_on, "closed_on", "结案日期")
    not_future(reporter_informed_on, "reporter_informed_on", "告知日期")
    case.closed_on, case.closed_by, case.closure_note = closed_on, actor, note.strip()[:500]
    case.reporter_informed_on, case.reporter_result = (
        reporter_informed_on,
        (reporter_result or "").strip()[:300],
    )
    case.review_due = _due("children_case_review_working_days", case.division_code, closed_on)
    case.save()
    audit(actor, AuditEvent.UPDATE, case, f"{case.number} 结案", _FIELDS)
    return case


@transaction.atomic
def review_closure(actor, case: ProtectionCase, *, reviewed_on: date, note: str) -> ProtectionCase:
    """结案复核 by a supervisor other than the one who closed the case."""
    require(actor, Capability.SUPERVISE_CHILD_CASES)
    _may_see(actor, case)
    case = _locked(case)
    if case.status != rules.CLOSED or case.reviewed_on is not None:
        raise ChildrenConflict("只有已结案且未复核的案件可以复核")
    if case.closed_by_id == actor.pk:
        raise ChildrenConflict("结案人不能复核自己结案的案件")
    if reviewed_on < case.closed_on:
        raise InvalidChildInput("复核日期不能早于结案日期", field="reviewed_on")
    not_future(reviewed_on, "reviewed_on", "复核日期")
    case.reviewed_on, case.reviewed_by = reviewed_on, actor
    case.review_note = require_text(note, "note", "复核意见", 300)
    case.save()
    audit(actor, AuditEvent.UPDATE, case, f"{case.number} 结案复核", _FIELDS)
    return case
