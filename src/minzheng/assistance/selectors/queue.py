"""待办: each user's work queue — cases waiting on their desk and tasks of dynamic management — with the
overdue and soon-due items first."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from minzheng.core.jurisdiction import division_level, scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.policy.interface import CalendarNotCoveredError

from ..models import CLOSED_STATUSES, AssistanceCase, WorkTask
from ..rules import DeadlineStatus, WorkingCalendar, deadline_status
from ..rules.workflow import Duty, Stage, duty_of

_STAGES_BY_DUTY = {
    duty: [stage.value for stage in Stage if duty_of(stage) is duty]
    for duty in (Duty.HANDLE, Duty.REVIEW, Duty.APPROVE)
}
_ORDER = {DeadlineStatus.OVERDUE: 0, DeadlineStatus.DUE_SOON: 1, DeadlineStatus.ON_TIME: 2}


@dataclass(frozen=True)
class QueueItem:
    kind: str  # "case" or "task"
    pk: int
    title: str
    subject: str  # household number
    division_code: str
    step: str
    due_on: date | None
    status: DeadlineStatus
    case_number: str = ""


def _duties(user) -> list[Duty]:
    duties = []
    if has_capability(user, Capability.HANDLE_CASES):
        duties.append(Duty.HANDLE)
    if has_capability(user, Capability.REVIEW_CASES):
        duties.append(Duty.REVIEW)
    if has_capability(user, Capability.APPROVE_CASES):
        duties.append(Duty.APPROVE)
    return duties


def queue_cases(user):
    """Open cases on this user's desks; maker-checker hides the ones they entered (or reviewed) from review
    and approval, and a township approver sees only decisions delegated to the township."""
    duties = _duties(user)
    condition = Q(pk__in=[])
    for duty in duties:
        clause = Q(status__in=_STAGES_BY_DUTY[duty])
        if duty is not Duty.HANDLE:
            clause &= ~Q(created_by=user)
        if duty is Duty.APPROVE:
            clause &= ~Q(reviewed_by=user)
            if division_level(user.division_code) >= 4:
                clause &= Q(deciding_level="township")
        condition |= clause
    return (
        scope(AssistanceCase.objects.all(), user, "division_code")
        .exclude(status__in=CLOSED_STATUSES)
        .filter(condition)
        .select_related("program", "household")
    )


def queue_tasks(user):
    if not has_capability(user, Capability.HANDLE_CASES):
        return WorkTask.objects.none()
    return scope(WorkTask.objects.filter(status=WorkTask.OPEN), user, "division_code").select_related(
        "household"
    )


def _status(due_on, today, calendar, soon) -> DeadlineStatus:
    if due_on is None:
        return DeadlineStatus.ON_TIME
    try:
        return deadline_status(due_on, today, calendar, due_soon_within_working_days=soon)
    except CalendarNotCoveredError:
        return DeadlineStatus.ON_TIME if (due_on - today).days > soon else DeadlineStatus.DUE_SOON


def work_queue(
    user, today: date, calendar: WorkingCalendar, *, due_soon_days: int, limit: int = 500
) -> list[QueueItem]:
    """Cases and tasks, 已超期 first, then 即将到期, then by due date (undated last)."""
    items = [
        QueueItem(
            "case",
            case.pk,
            f"{case.program.name}申请",
            case.household.number,
            case.division_code,
            case.get_status_display(),
            case.step_due_on,
            _status(case.step_due_on, today, calendar, due_soon_days),
            case.number,
        )
        for case in queue_cases(user).order_by("step_due_on")[:limit]
    ]
    items += [
        QueueItem(
            "task",
            task.pk,
            task.title,
            task.household.number,
            task.division_code,
            task.get_kind_display(),
            task.due_on,
            _status(task.due_on, today, calendar, due_soon_days),
        )
        for task in queue_tasks(user).order_by("due_on")[:limit]
    ]
    return sorted(items, key=lambda item: (_ORDER[item.status], item.due_on or date.max, item.pk))


def queue_counts(user, today: date) -> dict[str, int]:
    """The home page's 待办 figures: all open items and those past their due day."""
    cases, tasks = queue_cases(user), queue_tasks(user)
    return {
        "total": cases.count() + tasks.count(),
        "overdue": cases.filter(step_due_on__lt=today).count() + tasks.filter(due_on__lt=today).count(),
    }
