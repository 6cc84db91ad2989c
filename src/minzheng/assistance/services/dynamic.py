"""动态管理: 复核 tasks when a review falls due, completing them (continue, 增保/减保, 停保), and acting on
the registry's outbox — a death, a move out of the county or a household split ends or adjusts benefits
from the next month and puts a task in the caseworker's queue.

The registry consumer remembers its position (``ConsumerCursor``) and handles each change in one transaction
with the cursor's advance, so a crash or a second run never acts on a change twice.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from minzheng.core.models import AuditEvent, HouseholdMembership, RegistryChange
from minzheng.core.money import AMOUNT_MAX, check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.services.registry import changes_since
from minzheng.policy.interface import add_months, month_start, with_calendar

from ..errors import InvalidCase
from ..models import ConsumerCursor, Enrolment, EnrolmentAmount, WorkTask
from ..rules import (
    add_working_days,
    benefit_change_month,
    dibao_monthly_benefit,
    gradual_exit_payable,
    next_review_date,
)
from ..rules import defaults as national
from ..rules.household import review_after_death_due
from ..rules.money import round_yuan
from ..rules.reviews import ReviewCategory
from ..selectors.books import policy_book
from .decisions import review_cycle
from .enrolments import change_amount, set_next_review, stop_enrolment
from .in_force import in_force_from_book

REGISTRY_CONSUMER = "assistance.registry_changes"
_MARITAL_KINDS = {RegistryChange.MARRIED, RegistryChange.MARRIAGE_ENDED}  # from 婚姻登记 (issue 19)
_HANDLED_KINDS = {
    RegistryChange.DECEASED, RegistryChange.MOVED, RegistryChange.HOUSEHOLD_SPLIT, RegistryChange.MEMBER_LEFT,
    *_MARITAL_KINDS,
}  # fmt: skip


@dataclass
class ConsumeResult:
    processed: int = 0
    stopped: int = 0
    adjusted: int = 0
    tasks: int = 0
    position: int = 0
    notes: list[str] = field(default_factory=list)


def _task_due(division_code: str, on: date) -> date:
    days = policy_book([division_code]).value("registry_task_working_days", division_code, on)
    due, _ = with_calendar(lambda calendar: add_working_days(on, int(days or 10), calendar))
    return due


def consume_registry_changes(*, limit: int = 1000, today: date | None = None) -> ConsumeResult:
    """Act on every registry change after the remembered position (run by a command, idempotent)."""
    today = today or timezone.localdate()
    cursor, _ = ConsumerCursor.objects.get_or_create(name=REGISTRY_CONSUMER)
    result = ConsumeResult(position=cursor.position)
    while True:
        changes = changes_since(result.position, limit=limit)
        if not changes:
            return result
        for change in changes:
            with transaction.atomic():
                locked = ConsumerCursor.objects.select_for_update().get(name=REGISTRY_CONSUMER)
                if change.pk <= locked.position:
                    continue  # another run got here first
                if change.kind in _HANDLED_KINDS and change.household_id:
                    _handle(change, today, result)
                locked.position = change.pk
                locked.save(update_fields=["position", "updated_at"])
                result.position = change.pk
                result.processed += 1


def _living_members(household_id: int) -> int:
    return HouseholdMembership.objects.filter(
        household_id=household_id, valid_to__isnull=True, person__is_deceased=False
    ).count()


def _affected(change: RegistryChange):
    first_unpaid = benefit_change_month(change.effective_date)
    return (
        Enrolment.objects.filter(household_id=change.household_id)
        .filter(Q(end_month__isnull=True) | Q(end_month__gte=first_unpaid))
        .select_related("program", "case")
    )


def _handle(change: RegistryChange, today: date, result: ConsumeResult) -> None:
    label = change.get_kind_display()
    for enrolment in _affected(change):
        if change.kind in _MARITAL_KINDS:
            outcome = _review_after_marital_change(change, enrolment, today)
        else:
            outcome = _apply(change, enrolment)
        if change.kind == RegistryChange.DECEASED and not outcome.startswith("停保"):
            outcome += _review_after_death(change, enrolment)
        if change.kind == RegistryChange.DECEASED and not outcome.startswith("核实"):
            outcome += _recovery_note(change, today)
        if outcome.startswith("停保"):
            result.stopped += 1
        elif outcome.startswith("调整"):
            result.adjusted += 1
        WorkTask.objects.create(
            kind=WorkTask.REGISTRY, enrolment=enrolment, household_id=change.household_id,
            division_code=enrolment.division_code, registry_change_id=change.pk,
            title=f"{label}：{enrolment.program.name} {outcome.split('：')[0]}",
            detail=f"登记变更 #{change.pk}（{change.effective_date:%Y-%m-%d}，{change.reason or label}）。{outcome}",
            due_on=_task_due(enrolment.division_code, today),
        )  # fmt: skip
        result.tasks += 1


def _review_after_death(change: RegistryChange, enrolment: Enrolment) -> str:
    """A member died and the benefit goes on: the household is reviewed within ``review_after_death_months``."""
    months = policy_book([enrolment.division_code]).value(
        "review_after_death_months", enrolment.division_code, change.effective_date
    )
    if months is None:
        return ""
    due = review_after_death_due(
        change.effective_date, months=int(months), next_review=enrolment.next_review_on
    )
    if due != enrolment.next_review_on:
        set_next_review(None, enrolment, next_review_on=due)
    return f"；{due:%Y-%m-%d} 前复核家庭经济状况"


def _review_after_marital_change(change: RegistryChange, enrolment: Enrolment, today: date) -> str:
    """A member married or divorced: who lives together, and so the 低保 household, may change (民法典 第一千零五十
    条; 最低生活保障审核确认办法 第九条 共同生活的家庭成员). Nothing is changed automatically: the household's 复核
    is brought forward to the task's due date, so the review scheduler opens it at once."""
    due = _task_due(enrolment.division_code, today)
    if enrolment.end_month is None and (enrolment.next_review_on is None or due < enrolment.next_review_on):
        set_next_review(None, enrolment, next_review_on=due)
    who = change.person.name if change.person_id else "成员"
    return (
        f"复核：{who}于{change.effective_date:%Y-%m-%d}{change.get_kind_display()}（{change.reason}），"
        f"家庭人口可能变化，{due:%Y-%m-%d} 前复核共同生活的家庭成员和收入"
    )


def _recovery_note(change: RegistryChange, today: date) -> str:
    """A death entered late: months after it may already have been paid. Payroll books the difference as a
    追溯扣发 line of the next roster (a net ≤ 0 transfer stays on the 花名册 for 追回); the task says so, so the
    recovery is never silent."""
    first_unpaid, current = benefit_change_month(change.effective_date), month_start(today)
    if first_unpaid > current:
        return ""
    months = f"{first_unpaid:%Y-%m}" + ("" if first_unpaid == current else f" 至 {current:%Y-%m}")
    return f"；死亡登记晚于发放：{months} 如已发放，多发金额在下一期花名册追溯扣发，不足扣发的须追回"


def _apply(change: RegistryChange, enrolment: Enrolment) -> str:
    """What the change does to one enrolment; returns the note for the caseworker's task."""
    last_paid = month_start(change.effective_date)
    first_changed = benefit_change_month(change.effective_date)
    reason = f"{change.get_kind_display()}（登记变更#{change.pk}）"
    if change.kind == RegistryChange.MOVED:
        new_code = str(change.after.get("division_code", ""))
        if new_code.startswith(enrolment.division_code[:6]):
            return "核实：辖区内迁移，请核实居住地及发放信息"
        stop_enrolment(None, enrolment, last_month=last_paid, reason=f"迁出本县（区）：{reason}")
        return f"停保：迁出本县（区），发放至 {last_paid:%Y-%m}"
    current = (
        enrolment.amounts.filter(effective_month__lte=first_changed).order_by("-effective_month").first()
    )
    remaining = _living_members(change.household_id)
    sole_beneficiary = current is not None and current.persons == 1 and change.person_id == enrolment.payee_id
    if remaining == 0 or sole_beneficiary:
        stop_enrolment(None, enrolment, last_month=last_paid, reason=reason)
        return f"停保：{'保障对象' if sole_beneficiary else '户内已无成员'}，发放至 {last_paid:%Y-%m}"
    if current is None or current.persons <= remaining:
        return "核实：保障人数未变，请核实家庭情况"
    if enrolment.end_month is not None and enrolment.end_month < first_changed:
        return "核实：已停保"
    if enrolment.amounts.filter(effective_month=first_changed).exists():
        return f"核实：{first_changed:%Y-%m} 已有金额变更，请人工调整保障人数为 {remaining} 人"
    amount = _amount_for(enrolment, current, remaining, first_changed)
    change_amount(
        None, enrolment, from_month=first_changed, monthly_amount=amount, persons=remaining, kind="decrease",
        reason=reason,
    )  # fmt: skip
    return f"调整：自 {first_changed:%Y-%m} 起 {remaining} 人、{amount} 元/月（原 {current.persons} 人、{current.monthly_amount} 元），请复核家庭收入"


def _amount_for(enrolment: Enrolment, current: EnrolmentAmount, persons: int, month: date) -> Decimal:
    """补差 recomputed for the remaining members at the recorded per-capita income; per-person programs in
    proportion. The caseworker's task asks for the household's income to be checked again."""
    case = enrolment.case
    if (
        enrolment.program.benefit_formula == "top_up"
        and case is not None
        and case.per_capita_income is not None
    ):
        book = policy_book([enrolment.division_code])
        standard = in_force_from_book(book, "dibao", enrolment.area, enrolment.division_code, month)
        minimum = book.value("dibao_minimum_per_person", enrolment.division_code, month) or Decimal(0)
        return dibao_monthly_benefit(
            standard.monthly_amount, case.per_capita_income, persons, minimum_per_person=minimum
        ).total
    return round_yuan(current.monthly_amount / current.persons * persons)


def schedule_reviews(today: date | None = None) -> int:
    """复核 tasks for enrolments whose next review falls within the notice period; one open task each."""
    today = today or timezone.localdate()
    notice = policy_book(["000000000000"]).value("review_notice_days", "000000000000", today) or Decimal(30)
    open_review = WorkTask.objects.filter(
        enrolment=OuterRef("pk"), kind=WorkTask.REVIEW, status=WorkTask.OPEN
    )
    due = (
        Enrolment.objects.filter(
            end_month__isnull=True, next_review_on__lte=today + timedelta(days=int(notice))
        )
        .exclude(Exists(open_review))
        .select_related("program", "household")
    )
    tasks = [
        WorkTask(
            kind=WorkTask.REVIEW,
            enrolment=enrolment,
            household=enrolment.household,
            division_code=enrolment.division_code,
            due_on=enrolment.next_review_on,
            title=f"{enrolment.program.name}定期复核",
            detail=f"复核分类：{enrolment.review_category_label or '—'}",
        )
        for enrolment in due
    ]
    WorkTask.objects.bulk_create(tasks, ignore_conflicts=True)
    return len(tasks)


@transaction.atomic
def complete_review(
    user,
    task: WorkTask,
    *,
    outcome: str,
    reason: str,
    monthly_amount: Decimal | None = None,
    persons: int | None = None,
    from_month: date | None = None,
    on: date | None = None,
) -> WorkTask:
    """复核结论: continue unchanged, 增保/减保 from a month, or 停保 — then the next review is scheduled."""
    require(user, Capability.HANDLE_CASES)
    on = on or timezone.localdate()
    if task.status != WorkTask.OPEN or task.kind != WorkTask.REVIEW or task.enrolment is None:
        raise InvalidCase("该任务不是待办的复核任务")
    if not reason.strip():
        raise InvalidCase("请填写复核意见", field="reason")
    enrolment = task.enrolment
    if outcome == "stop":
        stop_enrolment(user, enrolment, last_month=from_month or on, reason=f"复核停保：{reason}")
    elif outcome == "taper":
        last = gradual_exit_last_month(enrolment, on)
        stop_enrolment(
            user,
            enrolment,
            last_month=last,
            reason=f"渐退：收入超过标准，发放至 {last:%Y-%m} 后停保（{reason}）",
        )
    elif outcome == "change":
        monthly_amount = check_money(
            monthly_amount, field="monthly_amount", label="保障金额", maximum=AMOUNT_MAX, error=InvalidCase
        )
        if monthly_amount is None or persons is None or from_month is None:
            raise InvalidCase("调整保障金额须填写金额、人数和起始月份", field="monthly_amount")
        current = (
            enrolment.amounts.filter(effective_month__lte=month_start(from_month))
            .order_by("-effective_month")
            .first()
        )
        kind = "increase" if current is None or monthly_amount >= current.monthly_amount else "decrease"
        change_amount(
            user,
            enrolment,
            from_month=from_month,
            monthly_amount=monthly_amount,
            persons=persons,
            kind=kind,
            reason=f"复核：{reason}",
        )
    elif outcome != "continue":
        raise InvalidCase("复核结论无效", field="outcome")
    if outcome in ("continue", "change"):
        set_next_review(user, enrolment, next_review_on=_next_review(enrolment, on))
    return _close_task(user, task, f"{dict(REVIEW_OUTCOMES)[outcome]}：{reason.strip()}")


REVIEW_OUTCOMES = [
    ("continue", "继续保障"),
    ("change", "调整保障金额"),
    ("taper", "收入超标，渐退后停保"),
    ("stop", "停止保障"),
]


def gradual_exit_last_month(enrolment: Enrolment, confirmed_on: date) -> date:
    """The last month the 渐退 rule still pays (the division's ``gradual_exit_months``, at most the national 6)."""
    book = policy_book([enrolment.division_code])
    months = int(book.value("gradual_exit_months", enrolment.division_code, confirmed_on) or 0)
    last = month_start(confirmed_on)
    while gradual_exit_payable(
        last_amount=Decimal(1), income_rise_confirmed_on=confirmed_on, exit_months=months,
        max_exit_months=national.DIBAO_MAX_EXIT_MONTHS, month=add_months(last, 1),
    ):  # fmt: skip
        last = add_months(last, 1)
    return last


def _next_review(enrolment: Enrolment, on: date) -> date | None:
    """The program's own cycle, or the 分类复核 cycle of the household's category (民发〔2021〕57号)."""
    if enrolment.review_category == "program" and enrolment.program.review_cycle_months:
        return add_months(on, enrolment.program.review_cycle_months)
    try:
        category = ReviewCategory[enrolment.review_category.upper()]
    except KeyError:
        category = ReviewCategory.OTHER
    return next_review_date(on, category, review_cycle(enrolment.division_code, on))


@transaction.atomic
def complete_task(user, task: WorkTask, *, outcome: str) -> WorkTask:
    """办结 a registry-change task once the caseworker has checked the household."""
    require(user, Capability.HANDLE_CASES)
    if task.status != WorkTask.OPEN:
        raise InvalidCase("该任务已办结")
    if not outcome.strip():
        raise InvalidCase("请填写办理结果", field="outcome")
    return _close_task(user, task, outcome.strip())


def _close_task(user, task: WorkTask, outcome: str) -> WorkTask:
    task.status, task.done_by, task.done_at, task.outcome = WorkTask.DONE, user, timezone.now(), outcome
    task.save(update_fields=["status", "done_by", "done_at", "outcome"])
    record_event(
        user, AuditEvent.UPDATE, object_type="assistance_task", object_id=task.pk,
        division_code=task.division_code, summary=f"办结待办：{task.title}（{outcome}）"[:300],
    )  # fmt: skip
    return task
