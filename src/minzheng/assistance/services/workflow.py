"""Moving a case through 审核确认: every move checked against the transition table (``rules.workflow``),
the actor's capability and maker-checker, recorded as a ``CaseEvent`` with its reason and audited.

The steps that only record something (入户调查, 异议, 先行救助) live in ``case_records``; the decision with its
enrolment in ``decisions``.
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from minzheng.background.interface import JobContext, JobResult, JobView, background_job, start_job
from minzheng.core.jurisdiction import division_level, get_in_jurisdiction_or_404
from minzheng.core.models import AuditEvent
from minzheng.core.money import AMOUNT_MAX, TOTAL_MAX, check_money
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import with_calendar
from minzheng.verification.interface import REPORT_STAGES, VerificationError, request_report

from ..errors import InvalidCase, WorkflowRefused
from ..models import AssistanceCase, CaseEvent
from ..rules.money import round_yuan
from ..rules.workflow import (
    Action,
    Duty,
    IllegalMove,
    Move,
    decision_level_violation,
    move_for,
    moves_from,
    new_publicity_after_upheld_objection,
    separation_violation,
)
from ..selectors.program_settings import program_configuration
from . import case_deadlines
from .case_benefits import compute_case_benefit

TEKUN_CATEGORIES = ("tekun_centralised", "tekun_dispersed")
DUTY_CAPABILITY = {
    Duty.HANDLE: Capability.HANDLE_CASES,
    Duty.REVIEW: Capability.REVIEW_CASES,
    Duty.APPROVE: Capability.APPROVE_CASES,
}
VERIFICATION_PROGRAM = {"dibao_edge": "dibao_edge"}  # the engine knows 低保 and 低保边缘 lines


def case_for_update(user, case_id: int) -> AssistanceCase:
    """The case, locked for the move, or 404 outside the user's jurisdiction."""
    return get_in_jurisdiction_or_404(
        AssistanceCase.objects.select_for_update().select_related("program", "household"),
        user,
        field="division_code",
        pk=case_id,
    )


def _refusal(user, case: AssistanceCase, move: Move) -> str | None:
    refusal = separation_violation(
        move.duty, actor_id=user.pk, entered_by_id=case.created_by_id, reviewed_by_id=case.reviewed_by_id
    )
    if refusal is None and move.action is Action.TOWNSHIP_APPROVE_WITHOUT_PUBLICITY:
        refusal = _republication_refusal(case)
    if refusal is None and move.duty is Duty.APPROVE:
        refusal = decision_level_violation(
            case.deciding_level or "county", division_level(user.division_code)
        )
    return refusal


def _republication_refusal(case: AssistanceCase) -> str | None:
    if not case.objections.filter(upheld=True).exists():
        return "只有公示异议成立并重新调查后，才能不经公示报送审批"
    if new_publicity_after_upheld_objection(is_tekun=case.program.category in TEKUN_CATEGORIES):
        return "特困人员认定异议成立后，重新审核须重新公示"
    return None


def check_move(user, case: AssistanceCase, action: str) -> Move:
    """The move if this user may make it now; ``WorkflowRefused`` (or ``PermissionDenied``) otherwise."""
    try:
        move = move_for(case.status, action)
    except IllegalMove as exc:
        raise WorkflowRefused(f"案件当前为“{case.get_status_display()}”，不能执行该操作") from exc
    require(user, DUTY_CAPABILITY[move.duty])
    refusal = _refusal(user, case, move)
    if refusal:
        raise WorkflowRefused(refusal)
    return move


def allowed_moves(user, case: AssistanceCase) -> list[Move]:
    """The moves this user may make on the case now — the buttons the case page shows."""
    return [
        move
        for move in moves_from(case.status)
        if move.action not in _AUTOMATIC
        and has_capability(user, DUTY_CAPABILITY[move.duty])
        and _refusal(user, case, move) is None
    ]


# Made by a recorded step, never by a button: an upheld objection (case_records.resolve_objection).
_AUTOMATIC = frozenset({Action.REINVESTIGATE})


def apply_move(
    user, case: AssistanceCase, action: str, *, reason: str = "", details: dict | None = None, fields=()
) -> CaseEvent:
    """Check, change the status, save ``fields`` as the caller set them, and record event + audit."""
    move = check_move(user, case, action)
    reason = (reason or "").strip()
    if move.needs_reason and not reason:
        raise InvalidCase(f"“{move.label}”须填写理由", field="reason")
    before = case.status
    case.status = move.target
    case.save(update_fields=["status", "updated_at", *fields])
    return record_case_event(user, case, move.action, move.label, before, reason, details)


def record_case_event(user, case, action, label, before, reason="", details=None) -> CaseEvent:
    event = CaseEvent.objects.create(
        case=case, action=str(action), label=label, from_status=before, to_status=case.status,
        reason=reason, details=details or {}, actor=user,
    )  # fmt: skip
    record_event(
        user,
        AuditEvent.UPDATE,
        object_type="assistance_case",
        object_id=case.pk,
        division_code=case.division_code,
        summary=f"{case.number} {label}{'：' + reason if reason else ''}"[:300],
        before={"status": before},
        after={"status": case.status, **({"details": details} if details else {})},
    )
    return event


@transaction.atomic
def request_materials(user, case_id: int, *, missing: list[str], note: str = "") -> AssistanceCase:
    """一次性告知: every missing material listed at once (the notice is printed from the case page)."""
    case = case_for_update(user, case_id)
    missing = [item.strip() for item in missing if item.strip()]
    if not missing:
        raise InvalidCase("请勾选或填写需补齐的材料", field="missing")
    case.missing_materials = missing
    reason = "需补齐：" + "、".join(missing) + (f"（{note.strip()}）" if note.strip() else "")
    apply_move(
        user,
        case,
        Action.REQUEST_MATERIALS,
        reason=reason,
        details={"missing": missing},
        fields=["missing_materials"],
    )
    return case


@transaction.atomic
def accept(user, case_id: int, *, on: date | None = None) -> AssistanceCase:
    """受理: the deciding level is fixed from the program's setting, and the time limits start counting."""
    case = case_for_update(user, case_id)
    on = on or timezone.localdate()
    check_move(user, case, Action.ACCEPT)
    if on < case.applied_on:
        raise InvalidCase("受理日期不能早于申请日期", field="on")
    config = program_configuration(case.program, case.division_code, on)
    if not config.enabled:
        raise InvalidCase(f"{case.program.name}在本地区未启用")
    case.accepted_on, case.deciding_level = on, config.deciding_level
    (case.step_due_on, case.procedure_due_on), provisional = with_calendar(
        lambda calendar: case_deadlines.on_acceptance(case, on, calendar)
    )
    case.missing_materials = []
    apply_move(
        user, case, Action.ACCEPT,
        reason="期限跨入尚未载入放假安排的年份，暂按周末计算" if provisional else "",
        details={"deciding_level": case.deciding_level, "procedure_due_on": case.procedure_due_on.isoformat()},
        fields=["accepted_on", "deciding_level", "step_due_on", "procedure_due_on", "missing_materials"],
    )  # fmt: skip
    return case


@transaction.atomic
def refuse(user, case_id: int, *, reason: str) -> AssistanceCase:
    """不予受理 (the application stays on record with the reason)."""
    case = case_for_update(user, case_id)
    case.step_due_on = None
    apply_move(user, case, Action.REFUSE, reason=reason, fields=["step_due_on"])
    return case


@transaction.atomic
def withdraw(user, case_id: int, *, reason: str) -> AssistanceCase:
    case = case_for_update(user, case_id)
    case.step_due_on = None
    apply_move(user, case, Action.WITHDRAW, reason=reason, fields=["step_due_on"])
    return case


VERIFY_CASE_STAGES = (*REPORT_STAGES, "更新案件")


def start_verification(
    user, case_id: int, *, on: date | None = None, progress: Callable[[str, int, int], None] | None = None
) -> AssistanceCase:
    """家庭经济状况核对 through the verification domain's service. A usable report moves the case on to
    入户调查; without department data (or 需人工复核) the case waits for the figures to be entered by hand.

    Slow (the engine reads the department data), so the case page runs it as a 后台任务
    (``start_verification_in_background``); ``progress(stage, step, of)`` reports its stages. The case is
    changed only at the end, in one transaction — a run that fails leaves the case as it was."""
    on = on or timezone.localdate()
    tell = progress or (lambda stage, step, of: None)
    case = _case_now(user, case_id)
    check_move(user, case, Action.START_VERIFICATION)  # refused now, before the slow part
    stages = {stage: number for number, stage in enumerate(VERIFY_CASE_STAGES, start=1)}
    try:
        report = request_report(
            user,
            household_id=case.household_id,
            program=VERIFICATION_PROGRAM.get(case.program.code, "dibao"),
            on=on,
            requested_for=(f"救助申请 {case.number}", reverse("assistance:case_detail", args=[case.pk])),
            progress=lambda stage: tell(stage, stages[stage], len(VERIFY_CASE_STAGES)),
        )
    except VerificationError as exc:
        report, unavailable = None, exc.message
    tell(VERIFY_CASE_STAGES[-1], len(VERIFY_CASE_STAGES), len(VERIFY_CASE_STAGES))
    with transaction.atomic():
        case = case_for_update(user, case_id)
        apply_move(user, case, Action.START_VERIFICATION)
        if report is None:
            record_case_event(
                user, case, "verification_unavailable", "核对系统未出具报告", case.status, unavailable
            )
            return case
        case.verification_result_id = report.result_id
        case.verification_conclusion = report.conclusion
        if report.per_capita_monthly_income is None or report.conclusion == "manual_review":
            record_case_event(
                user, case, "verification_manual", "核对结果需人工复核", case.status,
                "核对系统缺少部门数据或结论需人工复核，请入户核实后人工录入收入和财产",
                {"result_id": report.result_id, "conclusion": report.conclusion},
            )  # fmt: skip
            case.save(update_fields=["verification_result_id", "verification_conclusion", "updated_at"])
            return case
        _set_verification(
            case, report.per_capita_monthly_income, report.per_capita_financial_assets, "engine", ""
        )
        apply_move(
            user, case, Action.RECORD_VERIFICATION, reason=f"核对结论：{report.conclusion_label}",
            details={"result_id": report.result_id, "per_capita_income": str(report.per_capita_monthly_income)},
            fields=_VERIFICATION_FIELDS,
        )  # fmt: skip
    return case


def verification_job_key(case_id: int) -> str:
    """The 后台任务 key of a case's 核对: one run at a time per case, whoever clicks."""
    return f"assistance.verify_case:{case_id}"


def start_verification_in_background(user, case_id: int, *, on: date | None = None) -> JobView:
    """发起核对 from the case page: checked now (state, duty, maker-checker), run by the task worker with
    its stages shown on the page; clicking again while it runs returns the same 后台任务."""
    on = on or timezone.localdate()
    case = _case_now(user, case_id)
    check_move(user, case, Action.START_VERIFICATION)
    job, _ = start_job(
        user,
        runner=verify_case_job,
        params={"case_id": case.pk, "on": on.isoformat()},
        key=verification_job_key(case.pk),
        title=f"发起核对：救助申请 {case.number}",
        division_code=case.division_code,
        capability=Capability.HANDLE_CASES,
    )
    return job


@background_job
def verify_case_job(job: JobContext, *, case_id: int, on: str) -> JobResult:
    """The 后台任务 body of 发起核对 (run by the worker as the user who clicked)."""
    case = start_verification(job.actor, case_id, on=date.fromisoformat(on), progress=job.progress)
    done = case.status == "investigating"
    return JobResult(
        url=reverse("assistance:case_detail", args=[case.pk]),
        label="核对完成，查看案件" if done else "核对系统未出具可用结论，请人工录入",
    )


def _case_now(user, case_id: int) -> AssistanceCase:
    """The case as it stands (no lock: the slow report runs outside any transaction), 404 elsewhere."""
    return get_in_jurisdiction_or_404(
        AssistanceCase.objects.select_related("program", "household"), user, field="division_code", pk=case_id
    )


_VERIFICATION_FIELDS = [
    "per_capita_income", "per_capita_assets", "income_source", "verification_note",
    "verification_result_id", "verification_conclusion", "household_monthly_income", "income_persons",
]  # fmt: skip


def _set_verification(
    case, income: Decimal, assets: Decimal | None, source: str, note: str, total: tuple | None = None
) -> None:
    case.per_capita_income, case.per_capita_assets = income, assets
    case.income_source, case.verification_note = source, note.strip()
    case.household_monthly_income, case.income_persons = total or (None, None)


@transaction.atomic
def record_verification_by_hand(
    user,
    case_id: int,
    *,
    per_capita_income: Decimal | None = None,
    per_capita_assets: Decimal | None,
    note: str,
    income_items: list[tuple[str, Decimal]] | None = None,
    persons: int | None = None,
) -> AssistanceCase:
    """The same step when the engine has no data: the caseworker enters the figures with their basis — either
    the per-capita income, or the household's monthly income items, of which the kinds 民发〔2021〕57号
    第十三条 exempts are left out (``counted_per_capita_income``)."""
    case = case_for_update(user, case_id)
    total = None
    if income_items is not None:
        total = counted_household_income(case, income_items, persons)
        per_capita_income = round_yuan(total[0] / total[1])
    per_capita_income = check_money(
        per_capita_income,
        field="per_capita_income",
        label="家庭人均月收入",
        maximum=AMOUNT_MAX,
        error=InvalidCase,
    )
    if per_capita_income is None:
        raise InvalidCase("家庭人均月收入不能为空或负数", field="per_capita_income")
    per_capita_assets = check_money(
        per_capita_assets,
        field="per_capita_assets",
        label="人均金融资产",
        maximum=TOTAL_MAX,
        error=InvalidCase,
    )
    if not note.strip():
        raise InvalidCase("人工录入须说明收入和财产的核实依据", field="note")
    _set_verification(case, per_capita_income, per_capita_assets, "manual", note, total)
    apply_move(
        user, case, Action.RECORD_VERIFICATION, reason=f"人工录入：{note.strip()}",
        details={"per_capita_income": str(per_capita_income), "per_capita_assets": str(per_capita_assets)},
        fields=_VERIFICATION_FIELDS,
    )  # fmt: skip
    return case


def counted_household_income(case: AssistanceCase, items, persons: int | None) -> tuple[Decimal, int]:
    """(household monthly income without the exempt kinds of 第十三条, members it is shared by)."""
    from ..rules.household import ART13_EXEMPT, IncomeItem, IncomeKind, counted_monthly_income

    try:
        parsed = [IncomeItem(IncomeKind(kind), Decimal(amount)) for kind, amount in items]
    except ValueError as exc:
        raise InvalidCase("收入类别无效", field="income_items") from exc
    persons = persons or case.household.memberships.filter(valid_to__isnull=True).count() or 1
    return counted_monthly_income(parsed, ART13_EXEMPT), persons


@transaction.atomic
def submit_investigation(user, case_id: int, *, on: date | None = None) -> AssistanceCase:
    """调查完成，提交乡镇审核: at least one 入户调查 record and the household's income must be on file."""
    case = case_for_update(user, case_id)
    check_move(user, case, Action.SUBMIT_INVESTIGATION)
    if not case.visits.exists():
        raise InvalidCase("请先录入入户调查记录")
    if case.per_capita_income is None and case.program.benefit_formula == "top_up":
        raise InvalidCase("尚无家庭人均月收入，不能提交审核")
    apply_move(user, case, Action.SUBMIT_INVESTIGATION)
    return case


@transaction.atomic
def township_review(
    user, case_id: int, *, decision: str, reason: str = "", on: date | None = None
) -> AssistanceCase:
    """乡镇（街道）审核: agree (and post the 公示), disagree (不予批准 with reasons), or return for more enquiry."""
    case = case_for_update(user, case_id)
    on = on or timezone.localdate()
    action = {
        "approve": Action.TOWNSHIP_APPROVE,
        "approve_without_publicity": Action.TOWNSHIP_APPROVE_WITHOUT_PUBLICITY,
        "reject": Action.TOWNSHIP_REJECT,
        "return": Action.TOWNSHIP_RETURN,
    }.get(decision)
    if action is None:
        raise InvalidCase("审核意见无效", field="decision")
    check_move(user, case, action)
    fields = ["reviewed_by"]
    case.reviewed_by = user
    if action is Action.TOWNSHIP_APPROVE:
        case.publicity_from = on
        case.publicity_until, _ = with_calendar(
            lambda calendar: case_deadlines.publicity_period(case, on, calendar)
        )
        case.step_due_on = case.publicity_until
        benefit = compute_case_benefit(case, on)
        case.proposed_amount = None if benefit.error else benefit.amount
        case.persons = case.persons or benefit.persons
        fields += ["publicity_from", "publicity_until", "step_due_on", "proposed_amount", "persons"]
    elif action is Action.TOWNSHIP_APPROVE_WITHOUT_PUBLICITY:
        due, _ = with_calendar(lambda calendar: case_deadlines.decision_due(case, on, calendar))
        case.step_due_on = min(due, case.procedure_due_on or date.max)
        benefit = compute_case_benefit(case, on)
        case.proposed_amount = None if benefit.error else benefit.amount
        case.persons = case.persons or benefit.persons
        fields += ["step_due_on", "proposed_amount", "persons"]
    elif action is Action.TOWNSHIP_REJECT:
        case.decided_on, case.decision_reason, case.step_due_on = on, reason.strip(), None
        fields += ["decided_on", "decision_reason", "step_due_on"]
    apply_move(user, case, action, reason=reason, fields=fields)
    return case


@transaction.atomic
def end_publicity(user, case_id: int, *, on: date | None = None) -> AssistanceCase:
    """公示期满 with every objection settled: the case goes to the deciding level with its time limit."""
    case = case_for_update(user, case_id)
    on = on or timezone.localdate()
    check_move(user, case, Action.END_PUBLICITY)
    if case.publicity_until and on <= case.publicity_until:
        raise WorkflowRefused(f"公示期至 {case.publicity_until:%Y-%m-%d}，期满后方可报送审批")
    if case.objections.filter(upheld__isnull=True).exists():
        raise WorkflowRefused("尚有公示异议未核实处理")
    upheld = case.objections.filter(upheld=True).count()
    due, _ = with_calendar(lambda calendar: case_deadlines.decision_due(case, on, calendar))
    case.step_due_on = min(due, case.procedure_due_on or date.max)
    apply_move(
        user, case, Action.END_PUBLICITY, reason=f"异议成立 {upheld} 件" if upheld else "公示无异议",
        fields=["step_due_on"],
    )  # fmt: skip
    return case
