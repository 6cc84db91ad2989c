"""两项补贴's work for the one 待办 (``core.work_items``): applications at 乡镇初审, 县残联审核 (after the 公示)
and 县民政审定 with their working-day deadlines, 跨省通办 results to notify, and the change tasks — each for the
role whose step it is, inside the jurisdiction. Rows are read as values, one query per kind."""

from datetime import date

from django.http import Http404

from minzheng.core.identity import mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from . import selectors as sel
from .models import SubsidyKind, TaskKind

DOMAIN = "残疾人两项补贴"
_KIND = dict(SubsidyKind.choices)
_TASK = dict(TaskKind.choices)
_STEP = {
    "received": ("待乡镇初审", "check_due", Capability.CHECK_DISABILITY_SUBSIDY),
    "cdpf": ("待县残联审核", "cdpf_due", Capability.CDPF_REVIEW_DISABILITY),
    "decision": ("待县民政审定", "decision_due", Capability.DECIDE_DISABILITY_SUBSIDY),
}
_FIELDS = ("pk", "status", "kind", "division_code", "check_due", "cdpf_due", "decision_due", "person__name")


def _items(rows) -> list[WorkItem]:
    url = url_for_each("disability:application_detail")
    items = []
    for row in rows:
        matter, due_field, capability = _STEP[row["status"]]
        items.append(
            WorkItem(
                source="disability.application",
                key=str(row["pk"]),
                domain=DOMAIN,
                matter=f"{_KIND.get(row['kind'], '')} · {matter}",
                subject=mask_name(row["person__name"]),
                division_code=row["division_code"],
                due_on=row[due_field],
                url=url(row["pk"]),
                capability=capability,
            )
        )
    return items


def open_applications(user, today: date) -> list[WorkItem]:
    statuses = [s for s, (_, _, cap) in _STEP.items() if has_capability(user, cap)]
    if not statuses:
        return []
    return _items(sel.open_steps(user).filter(status__in=statuses).order_by("pk").values(*_FIELDS))


def find_application(user, key: str, today: date) -> WorkItem:
    if not sel.handles(user):
        raise Http404("记录不存在或不在您的管辖范围内")
    found = _items(sel.open_steps(user).filter(pk=record_pk(key)).values(*_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


_TASK_FIELDS = ("pk", "kind", "division_code", "due_on", "person__name")


def _task_items(rows) -> list[WorkItem]:
    url = url_for_each("disability:task_detail")
    return [
        WorkItem(
            source="disability.task",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"两项补贴 · {_TASK.get(row['kind'], '')}",
            subject=mask_name(row["person__name"]),
            division_code=row["division_code"],
            due_on=row["due_on"],
            url=url(row["pk"]),
            capability=Capability.HANDLE_DISABILITY_SUBSIDY,
        )
        for row in rows
    ]


def open_tasks(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.HANDLE_DISABILITY_SUBSIDY):
        return []
    return _task_items(sel.task_list(user).values(*_TASK_FIELDS))


def find_task(user, key: str, today: date) -> WorkItem:
    if not sel.handles(user):
        raise Http404("记录不存在或不在您的管辖范围内")
    found = _task_items(sel.task_list(user).filter(pk=record_pk(key)).values(*_TASK_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [
    WorkSource("disability.application", DOMAIN, "两项补贴申请", open_applications, find_application),
    WorkSource("disability.task", DOMAIN, "两项补贴变更任务", open_tasks, find_task),
]
