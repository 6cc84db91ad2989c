"""执法: 双随机抽查 (the kernel's draw: organisations of the registry and its own staff, with a public seed), the
inspectors drawn record the result; 行政处罚 cases entered by a caseworker and decided by a reviewer — a decided
penalty proposes its credit ground (5万+ fines and 限期停止活动 → 严重违法失信), which the listing decision then
takes like any other; 等级评估 and 公开募捐资格 read it as 上年度/前一年 行政处罚."""

from datetime import date

from django.db import transaction

from minzheng.core.jurisdiction import scope
from minzheng.core.models import AuditEvent, User
from minzheng.core.permissions import has_capability
from minzheng.core.random_inspection import InspectionDrawError, draw_inspections, sample_size

from ..errors import InvalidSocialOrgInput, SocialOrgConflict
from ..models import InspectionRound, Organisation, OrgInspection, OrgStatus, PenaltyCase, PenaltyStatus
from ..rules import enforcement as rules
from . import credit, parameters
from .common import (
    Capability,
    audit,
    check_in_jurisdiction,
    not_own_work,
    own_registry,
    registry_of,
    require,
    require_text,
)


def inspector_pool(actor) -> list[int]:
    """执法检查人员名录: the registry's own staff holding the 社会组织 capability, in id order."""
    users = User.objects.filter(is_active=True, division_code=actor.division_code).order_by("id")
    return [u.pk for u in users if has_capability(u, Capability.MANAGE_SOCIALORGS)]


@transaction.atomic
def draw_round(
    actor, *, title: str, drawn_on: date, share_percent: int, team_size: int, seed: int
) -> InspectionRound:
    require(actor, Capability.MANAGE_SOCIALORGS)
    division = registry_of(actor)
    candidates = list(
        scope(Organisation.objects, actor, "division_code")
        .filter(status=OrgStatus.REGISTERED)
        .order_by("id")
        .values_list("id", flat=True)
    )
    if not candidates:
        raise SocialOrgConflict("辖区内没有登记在册的社会组织可供抽查")
    inspectors = inspector_pool(actor)
    try:
        count = sample_size(len(candidates), share_percent)
        assignments = draw_inspections(candidates, inspectors, count=count, team_size=team_size, seed=seed)
    except InspectionDrawError as error:
        raise InvalidSocialOrgInput(str(error), field="share_percent") from None
    round_ = InspectionRound.objects.create(
        division_code=division, title=require_text(title, "title", "抽查名称", 100), drawn_on=drawn_on, seed=seed,
        share_percent=share_percent, team_size=team_size, candidate_ids=candidates, inspector_pool_ids=inspectors,
        created_by=actor,
    )  # fmt: skip
    divisions = dict(Organisation.objects.filter(pk__in=candidates).values_list("id", "division_code"))
    for a in assignments:
        inspection = OrgInspection.objects.create(
            round=round_, organisation_id=a.institution_id, division_code=divisions[a.institution_id]
        )
        inspection.inspectors.set(a.inspector_ids)
    audit(
        actor, AuditEvent.CREATE, round_, f"双随机抽查“{round_.title}”：{len(candidates)}家中抽取{count}家，种子{seed}",
        ["seed", "share_percent", "team_size", "candidate_ids", "inspector_pool_ids"],
    )  # fmt: skip
    return round_


@transaction.atomic
def record_inspection(actor, inspection: OrgInspection, *, inspected_on: date, findings: str, problems: bool):
    """Only the inspectors drawn record the result (the point of 随机选派)."""
    check_in_jurisdiction(actor, inspection.division_code)
    if not inspection.inspectors.filter(pk=actor.pk).exists():
        raise SocialOrgConflict("只有抽中的检查人员可以登记检查结果")
    if inspection.inspected_on:
        raise SocialOrgConflict("已登记检查结果")
    if inspected_on > date.today() or inspected_on < inspection.round.drawn_on:
        raise InvalidSocialOrgInput("检查日期应在抽取日期与今天之间", field="inspected_on")
    inspection.inspected_on, inspection.problems = inspected_on, problems
    inspection.findings = require_text(findings, "findings", "检查结果", 500)
    inspection.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        inspection,
        "登记抽查结果" + ("（发现问题）" if problems else ""),
        ["inspected_on", "problems"],
    )
    return inspection


@transaction.atomic
def open_case(actor, org: Organisation, *, kind: str, facts: str, basis: str, opened_on: date, amount=None,
              stop_until: date | None = None, inspection: OrgInspection | None = None) -> PenaltyCase:  # fmt: skip
    require(actor, Capability.MANAGE_SOCIALORGS)
    check_in_jurisdiction(actor, org.division_code)
    if kind not in [k.value for k in rules.PenaltyKind]:
        raise InvalidSocialOrgInput("请选择处罚种类", field="kind")
    if kind == rules.PenaltyKind.FINE and (amount is None or amount <= 0):
        raise InvalidSocialOrgInput("罚款须填写罚款金额", field="amount")
    if kind != rules.PenaltyKind.FINE:
        amount = None
    if kind == rules.PenaltyKind.STOP and (stop_until is None or stop_until <= opened_on):
        raise InvalidSocialOrgInput("限期停止活动须填写晚于立案日期的停止活动期限", field="stop_until")
    if kind != rules.PenaltyKind.STOP:
        stop_until = None
    if opened_on > date.today() or opened_on < org.registered_on:
        raise InvalidSocialOrgInput("立案日期应在成立登记日期与今天之间", field="opened_on")
    case = PenaltyCase.objects.create(
        organisation=org, division_code=org.division_code, inspection=inspection, kind=kind, amount=amount,
        stop_until=stop_until, facts=require_text(facts, "facts", "违法事实", 500),
        basis=require_text(basis, "basis", "处罚依据", 300), opened_on=opened_on, entered_by=actor,
    )  # fmt: skip
    audit(
        actor,
        AuditEvent.CREATE,
        case,
        f"立案：{org.name}（拟{case.get_kind_display()}）",
        ["kind", "amount", "stop_until"],
    )
    return case


@transaction.atomic
def decide_case(actor, case: PenaltyCase, *, penalise: bool, decided_on: date, decision_number: str = "",
                note: str = "") -> PenaltyCase:  # fmt: skip
    """处罚决定 (maker-checker). A penalty proposes its credit ground dated the decision; the listing decision is
    the registry's next step (5 working days)."""
    require(actor, Capability.DECIDE_SOCIALORGS)
    own_registry(actor, case.division_code)
    case = PenaltyCase.objects.select_for_update().select_related("organisation").get(pk=case.pk)
    if case.status != PenaltyStatus.PROPOSED:
        raise SocialOrgConflict("该案件已作出决定")
    not_own_work(actor, case.entered_by_id, "案件")
    if decided_on < case.opened_on or decided_on > date.today():
        raise InvalidSocialOrgInput("决定日期应在立案日期与今天之间", field="decided_on")
    case.decision_note = require_text(
        note, "note", "决定意见（不予处罚须说明理由）", 500, required=not penalise
    )
    case.decided_on, case.decided_by = decided_on, actor
    if penalise:
        case.decision_number = require_text(decision_number, "decision_number", "处罚决定书文号", 60)
        case.status = PenaltyStatus.DECIDED
    else:
        case.status = PenaltyStatus.DROPPED
    case.save()
    audit(
        actor,
        AuditEvent.UPDATE,
        case,
        f"处罚决定：{case.get_status_display()}",
        ["status", "decided_on", "decision_number"],
    )
    if penalise:
        large = parameters.value("large_fine", case.division_code, decided_on)
        reason = rules.credit_reason(rules.PenaltyKind(case.kind), case.amount, large)
        amount = f"{case.amount:,.2f}元" if case.amount is not None else ""
        credit._propose(
            case.entered_by, case.organisation, reason,
            f"行政处罚决定书{case.decision_number}：{case.get_kind_display()}{amount}"[:300], decided_on,
        )  # fmt: skip
    return case
