"""规划监测's work for the one 待办 (``core.work_items``), one query per source:

- 重点任务 of the jurisdiction's plans with a 完成时限 set in 分解落实 and not yet done, on the desk of those who
  keep the plans (领导, 系统管理员);
- reports awaiting sign-off (issue 17): 民政统计报表 generated and not yet 上报, on the desk of those who 上报
  them (``SUBMIT_STAT_REPORTS``: 审核人, 审批人 — a leader reads the forms only), and 指标填报 waiting for 审核,
  on the desk of those who sign them off (``APPROVE_INDICATORS``: 审核人, 审批人, 领导); one's own entry is
  not on one's desk (maker-checker)."""

from datetime import date

from django.http import Http404

from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import EnteredValue, EntryStatus, PlanTask, StatReport, StatReportStatus, TaskStatus

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


def _reports(rows) -> list[WorkItem]:
    url = url_for_each("planning:statreport_detail")
    return [
        WorkItem(
            source="planning.statreport",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"统计报表待上报 · {row['form__name']}（{row['period']}）",
            subject=row["form__code"],
            division_code=row["division_code"],
            due_on=None,
            url=url(row["pk"]),
            capability=Capability.SUBMIT_STAT_REPORTS,
        )
        for row in rows
    ]


_REPORT_FIELDS = ("pk", "period", "division_code", "form__name", "form__code")


def _draft_reports(user):
    return scope(StatReport.objects.filter(status=StatReportStatus.DRAFT), user, "division_code")


def reports_to_submit(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.SUBMIT_STAT_REPORTS):
        return []
    return _reports(_draft_reports(user).order_by("period_end", "pk").values(*_REPORT_FIELDS))


def find_report(user, key: str, today: date) -> WorkItem:
    found = _reports(_draft_reports(user).filter(pk=record_pk(key)).values(*_REPORT_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


def _entries(rows) -> list[WorkItem]:
    url = url_for_each("planning:entry_review")
    return [
        WorkItem(
            source="planning.entry",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"指标填报待审核 · {row['definition__name'][:40]}（{row['period']}）",
            subject=row["definition__name"][:30],
            division_code=row["division_code"],
            due_on=None,
            url=url(row["pk"]),
            capability=Capability.APPROVE_INDICATORS,
        )
        for row in rows
    ]


_ENTRY_FIELDS = ("pk", "period", "division_code", "definition__name")


def _submitted_entries(user):
    return scope(EnteredValue.objects.filter(status=EntryStatus.SUBMITTED), user, "division_code")


def entries_to_review(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.APPROVE_INDICATORS):
        return []
    rows = _submitted_entries(user).exclude(entered_by=user).order_by("period_end", "pk")
    return _entries(rows.values(*_ENTRY_FIELDS))


def find_entry(user, key: str, today: date) -> WorkItem:
    found = _entries(_submitted_entries(user).filter(pk=record_pk(key)).values(*_ENTRY_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [
    WorkSource("planning.task", DOMAIN, "规划重点任务", open_tasks, find_task),
    WorkSource("planning.statreport", DOMAIN, "统计报表上报", reports_to_submit, find_report),
    WorkSource("planning.entry", DOMAIN, "指标填报审核", entries_to_review, find_entry),
]
