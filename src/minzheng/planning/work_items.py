"""规划监测's work for the one 待办 (``core.work_items``): 重点任务 of the jurisdiction's plans with a 完成时限
set in 分解落实 and not yet done, on the desk of those who keep the plans (领导, 系统管理员). One query."""

from datetime import date

from django.http import Http404

from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import PlanTask, TaskStatus

DOMAIN = "规划监测"
_STATUS = dict(TaskStatus.choices)
_FIELDS = ("pk", "lead", "status", "deadline", "responsible_unit", "plan__title", "plan__division_code")


def _items(rows) -> list[WorkItem]:
    url = url_for_each("planning:task_edit")
    return [
        WorkItem(
            source="planning.task",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"重点任务（{_STATUS.get(row['status'], '')}） · {row['lead'][:40]}",
            subject=row["responsible_unit"] or row["plan__title"][:30],
            division_code=row["plan__division_code"],
            due_on=row["deadline"],
            url=url(row["pk"]),
            capability=Capability.MANAGE_PLANS,
        )
        for row in rows
    ]


def _open(user):
    return scope(
        PlanTask.objects.filter(deadline__isnull=False).exclude(status=TaskStatus.DONE),
        user,
        "plan__division_code",
    )


def open_tasks(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_PLANS):
        return []
    return _items(_open(user).order_by("deadline", "pk").values(*_FIELDS))


def find_task(user, key: str, today: date) -> WorkItem:
    found = _items(_open(user).filter(pk=record_pk(key)).values(*_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [WorkSource("planning.task", DOMAIN, "规划重点任务", open_tasks, find_task)]
