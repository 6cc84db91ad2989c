"""社会救助's work for the one 待办 (``core.work_items``): cases waiting on the user's desk — 受理, 调查, 审核,
审批, as the workflow's transition table gives each stage's duty — and the open tasks of dynamic management
(定期复核, registry changes, 重新评估). Two queries each, however many are open."""

from datetime import date

from django.http import Http404
from django.urls import reverse

from minzheng.core.identity import mask_name
from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk

from .models import CLOSED_STATUSES, AssistanceCase, WorkTask
from .rules.workflow import Duty, duty_of
from .selectors.queue import queue_cases, queue_tasks

DOMAIN = "社会救助"
_CAPABILITY = {
    Duty.HANDLE: Capability.HANDLE_CASES,
    Duty.REVIEW: Capability.REVIEW_CASES,
    Duty.APPROVE: Capability.APPROVE_CASES,
}


def _subject(household) -> str:
    head = household.head.name if household.head_id else ""
    return f"{mask_name(head)}（户 {household.number}）" if head else f"户 {household.number}"


def _case_item(case: AssistanceCase) -> WorkItem:
    duty = duty_of(case.status) or Duty.HANDLE
    return WorkItem(
        source="assistance.case",
        key=str(case.pk),
        domain=DOMAIN,
        matter=f"{case.program.name}申请 · {case.get_status_display()}",
        subject=_subject(case.household),
        division_code=case.division_code,
        due_on=case.step_due_on,
        url=reverse("assistance:case_detail", args=[case.pk]),
        capability=_CAPABILITY[duty],
        reference=case.number,
    )


def _task_item(task: WorkTask) -> WorkItem:
    return WorkItem(
        source="assistance.task",
        key=str(task.pk),
        domain=DOMAIN,
        matter=f"{task.get_kind_display()} · {task.title}",
        subject=_subject(task.household),
        division_code=task.division_code,
        due_on=task.due_on,
        url=reverse("assistance:task", args=[task.pk]),
        capability=Capability.HANDLE_CASES,
    )


def open_cases(user, today: date) -> list[WorkItem]:
    return [_case_item(case) for case in queue_cases(user).select_related("household__head")]


def find_case(user, key: str, today: date) -> WorkItem:
    found = (
        scope(AssistanceCase.objects.all(), user, "division_code")
        .exclude(status__in=CLOSED_STATUSES)
        .select_related("program", "household__head")
        .filter(pk=record_pk(key))
        .first()
    )
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return _case_item(found)


def open_tasks(user, today: date) -> list[WorkItem]:
    return [_task_item(task) for task in queue_tasks(user).select_related("household__head")]


def find_task(user, key: str, today: date) -> WorkItem:
    found = (
        scope(WorkTask.objects.filter(status=WorkTask.OPEN), user, "division_code")
        .select_related("household__head")
        .filter(pk=record_pk(key))
        .first()
    )
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return _task_item(found)


SOURCES = [
    WorkSource("assistance.case", DOMAIN, "救助申请", open_cases, find_case),
    WorkSource("assistance.task", DOMAIN, "复核及变更任务", open_tasks, find_task),
]
