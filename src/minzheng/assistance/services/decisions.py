"""审核确认 (审批): approve with the amount the rules compute — creating the enrolment from the next month —
reject with reasons, or return to the township. The decision letter (决定书 / 不予批准通知书) is a PDF."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from minzheng.policy.interface import add_months

from ..errors import InvalidCase, WorkflowRefused
from ..models import AssistanceCase
from ..rules import benefit_start_month, next_review_date, review_category
from ..rules import defaults as national
from ..rules.benefits import MemberCategory
from ..rules.reviews import ReviewCycle
from ..rules.workflow import Action
from ..selectors.books import policy_book
from .case_benefits import classify_members, compute_case_benefit, household_members
from .decision_numbers import decision_number
from .enrolments import NewEnrolment, enrol_from_case, stop_enrolment
from .workflow import apply_move, case_for_update, check_move


def review_cycle(division_code: str, on: date) -> ReviewCycle:
    book = policy_book([division_code])
    cycle = national.REVIEW_CYCLE

    def months(name, default):
        value = book.value(name, division_code, on)
        return int(value) if value is not None else default

    return ReviewCycle(
        months("review_months_stable_special", cycle.stable_special_months),
        months("review_months_other", cycle.other_months),
        months("review_months_close_watch", cycle.close_watch_months),
    )


def review_plan(case: AssistanceCase, on: date) -> tuple[str, date | None]:
    """(复核分类, next review date) for a new enrolment: by the household's members and income stability."""
    if case.program.review_cycle_months is None and case.program.benefit_formula != "top_up":
        return "", None  # 临时救助 and similar one-off help are not reviewed
    if case.program.review_cycle_months:
        return "program", add_months(on, case.program.review_cycle_months)
    book = policy_book([case.division_code])
    elderly_age = int(book.value("elderly_age", case.division_code, on) or 60)
    members = classify_members(
        household_members(case.household_id, on), case.member_categories or {}, elderly_age=elderly_age
    )
    categories = {MemberCategory(c) for m in members for c in m.categories}
    # Income counts as stable when it came from the department data (pensions, wages on record).
    category = review_category(categories, income_stable=case.income_source == "engine")
    return category.name.lower(), next_review_date(on, category, review_cycle(case.division_code, on))


@transaction.atomic
def decide(user, case_id: int, *, decision: str, reason: str = "", on: date | None = None) -> AssistanceCase:
    """批准 (enrolment created, paid from the month after the decision), 不予批准, or 退回乡镇."""
    case = case_for_update(user, case_id)
    on = on or timezone.localdate()
    action = {"approve": Action.APPROVE, "reject": Action.REJECT, "return": Action.RETURN_TO_TOWNSHIP}.get(
        decision
    )
    if action is None:
        raise InvalidCase("审批意见无效", field="decision")
    check_move(user, case, action)
    if action is Action.RETURN_TO_TOWNSHIP:
        apply_move(user, case, action, reason=reason)
        return case
    case.decided_by, case.decided_on, case.decision_reason, case.step_due_on = user, on, reason.strip(), None
    fields = ["decided_by", "decided_on", "decision_reason", "step_due_on"]
    if action is Action.REJECT:
        apply_move(user, case, action, reason=reason, fields=fields)
        decision_number(user, case)  # the 文号 is given with the decision, in the order decisions are made
        return case
    benefit = compute_case_benefit(case, on)
    if benefit.error:
        raise WorkflowRefused(f"无法计算保障金额：{benefit.error}")
    if benefit.eligible is False:
        raise WorkflowRefused("不符合认定条件（见计算与认定明细），请选择不予批准并说明理由")
    case.decided_amount, case.persons = benefit.amount, benefit.persons
    case.benefit_snapshot = benefit.snapshot(on)
    fields += ["decided_amount", "persons", "benefit_snapshot"]
    apply_move(
        user, case, action, reason=reason or "符合条件，予以批准",
        details={"amount": str(benefit.amount), "persons": benefit.persons}, fields=fields,
    )  # fmt: skip
    category, next_review = review_plan(case, on)
    start = benefit_start_month(on)
    enrolment = enrol_from_case(
        user, case,
        NewEnrolment(
            start_month=start, monthly_amount=benefit.amount, persons=benefit.persons,
            payee_id=case.household.head_id, review_category=category, next_review_on=next_review,
        ),
    )  # fmt: skip
    decision_number(user, case)
    if benefit.one_off:
        # 临时救助 is paid once: the enrolment covers its first month only.
        stop_enrolment(user, enrolment, last_month=start, reason="临时救助一次性发放")
    return case
