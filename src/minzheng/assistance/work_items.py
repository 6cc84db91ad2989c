"""社会救助's work for the one 待办 (``core.work_items``): cases waiting on the user's desk — 受理, 调查, 审核,
审批, as the workflow's transition table gives each stage's duty — and the open tasks of dynamic management
(定期复核, registry changes, 重新评估). One query each, however many are open; rows are read as values (a
desk may hold thousands: building model instances would cost more than the rest of the page)."""

from datetime import date

from django.http import Http404

from minzheng.core.identity import mask_name
from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import CLOSED_STATUSES, AssistanceCase, CaseStatus, WorkTask
from .rules.workflow import Duty, Stage, duty_of
from .selectors.queue import queue_cases, queue_tasks

DOMAIN = "社会救助"
_CAPABILITY = {
    Duty.HANDLE: Capability.HANDLE_CASES,
    Duty.REVIEW: Capability.REVIEW_CASES,
    Duty.APPROVE: Capability.APPROVE_CASES,
}
_DESK = {stage.value: _CAPABILITY[duty_of(stage) or Duty.HANDLE] for stage in Stage}
_STATUS = dict(CaseStatus.choices)
_KIND = dict(WorkTask.KINDS)
_CASE_FIELDS = (
    "pk", "number", "status", "division_code", "step_due_on", "program__name", "household__number",
    "household__head__name",
)  # fmt: skip
_TASK_FIELDS = (
    "pk",
    "kind",
    "title",
    "division_code",
    "due_on",
    "household__number",
    "household__head__name",
)


def _subject(row: dict) -> str:
    head = row["household__head__name"] or ""
    return f"{mask_name(head)}（户 {row['household__number']}）" if head else f"户 {row['household__number']}"


def _case_items(rows) -> list[WorkItem]:
    url = url_for_each("assistance:case_detail")
    return [
        WorkItem(
            source="assistance.case",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"{row['program__name']}申请 · {_STATUS.get(row['status'], '')}",
            subject=_subject(row),
            division_code=row["division_code"],
            due_on=row["step_due_on"],
            url=url(row["pk"]),
            capability=_DESK[row["status"]],
            reference=row["number"],
        )
        for row in rows
    ]


def _task_items(rows) -> list[WorkItem]:
    url = url_for_each("assistance:task")
    return [
        WorkItem(
            source="assistance.task",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"{_KIND.get(row['kind'], '')} · {row['title']}",
            subject=_subject(row),
            division_code=row["division_code"],
            due_on=row["due_on"],
            url=url(row["pk"]),
            capability=Capability.HANDLE_CASES,
        )
        for row in rows
    ]


def open_cases(user, today: date) -> list[WorkItem]:
    return _case_items(queue_cases(user).values(*_CASE_FIELDS))


def find_case(user, key: str, today: date) -> WorkItem:
    found = _case_items(
        scope(AssistanceCase.objects.all(), user, "division_code")
        .exclude(status__in=CLOSED_STATUSES)
        .filter(pk=record_pk(key))
        .values(*_CASE_FIELDS)
    )
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


def open_tasks(user, today: date) -> list[WorkItem]:
    return _task_items(queue_tasks(user).values(*_TASK_FIELDS))


def find_task(user, key: str, today: date) -> WorkItem:
    found = _task_items(
        scope(WorkTask.objects.filter(status=WorkTask.OPEN), user, "division_code")
        .filter(pk=record_pk(key))
        .values(*_TASK_FIELDS)
    )
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [
    WorkSource("assistance.case", DOMAIN, "救助申请", open_cases, find_case),
    WorkSource("assistance.task", DOMAIN, "复核及变更任务", open_tasks, find_task),
]
