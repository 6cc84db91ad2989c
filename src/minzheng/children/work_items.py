"""儿童福利's work for the one 待办 (``core.work_items``): 留守儿童 whose parents' weekly contact is overdue
(due = last contact + the interval, 未保法 Art 23), and 基本生活保障 applications awaiting 乡镇查验 or 县级确认
(due in working days, set when the step began), and 未保案件 awaiting 调查评估, 帮扶计划 or 结案复核 — only
for those who may see the case. One query per kind; rows are read as values."""

from datetime import date, timedelta

from django.db.models import Q
from django.http import Http404

from minzheng.core.identity import mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import AllowanceApplication, AllowanceKind, ApplicationStatus, Situation
from .selectors.common import scoped
from .selectors.protection import visible_cases
from .selectors.register import overdue_contacts, overdue_visits
from .services.common import intervals

DOMAIN = "儿童福利"
_KIND = dict(AllowanceKind.choices)
_STEP = {
    ApplicationStatus.RECEIVED.value: ("待乡镇查验", "check_due", Capability.CHECK_CHILD_ALLOWANCE),
    ApplicationStatus.CHECKED.value: ("待县级确认", "confirm_due", Capability.CONFIRM_CHILD_ALLOWANCE),
}
_FIELDS = ("pk", "status", "kind", "division_code", "check_due", "confirm_due", "child__person__name")


def _contact_items(user, rows, today: date) -> list[WorkItem]:
    url = url_for_each("children:child_detail")
    interval = intervals(user, today)[1]
    return [
        WorkItem(
            source="children.contact",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter="留守儿童亲情联系逾期（督促父母每周联系）",
            subject=mask_name(row["child__person__name"]),
            division_code=row["division_code"],
            due_on=(row["last_contact"] or row["started_on"]) + timedelta(days=interval),
            url=url(row["child_id"]),
            capability=Capability.MANAGE_CHILDREN,
        )
        for row in rows
    ]


def _contacts(user, today: date):
    interval = intervals(user, today)[1]
    return overdue_contacts(user, today, interval).values(
        "pk", "division_code", "child_id", "child__person__name", "last_contact", "started_on"
    )


def open_contacts(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_CHILDREN):
        return []
    return _contact_items(user, _contacts(user, today).order_by("pk"), today)


def find_contact(user, key: str, today: date) -> WorkItem:
    found = _contact_items(user, _contacts(user, today).filter(pk=record_pk(key)), today)
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


def _application_items(rows) -> list[WorkItem]:
    url = url_for_each("children:application_detail")
    items = []
    for row in rows:
        matter, due_field, capability = _STEP[row["status"]]
        items.append(
            WorkItem(
                source="children.allowance",
                key=str(row["pk"]),
                domain=DOMAIN,
                matter=f"{_KIND.get(row['kind'], '')} · {matter}",
                subject=mask_name(row["child__person__name"]),
                division_code=row["division_code"],
                due_on=row[due_field],
                url=url(row["pk"]),
                capability=capability,
            )
        )
    return items


def _open_applications(user):
    return scoped(AllowanceApplication.objects.filter(status__in=list(_STEP)), user)


def open_applications(user, today: date) -> list[WorkItem]:
    statuses = [status for status, (_, _, cap) in _STEP.items() if has_capability(user, cap)]
    if not statuses:
        return []
    rows = _open_applications(user).filter(status__in=statuses).order_by("pk").values(*_FIELDS)
    return _application_items(rows)


def find_application(user, key: str, today: date) -> WorkItem:
    found = _application_items(_open_applications(user).filter(pk=record_pk(key)).values(*_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


_CASE_STEP = {
    "received": ("待调查评估", "assessment_due", Capability.MANAGE_CHILDREN),
    "assessed": ("待制定帮扶计划", "plan_due", Capability.MANAGE_CHILDREN),
    "closed": ("待结案复核", "review_due", Capability.SUPERVISE_CHILD_CASES),
}
_CASE_FIELDS = (
    "pk",
    "number",
    "status",
    "situation",
    "division_code",
    "assessment_due",
    "plan_due",
    "review_due",
)
_SITUATION = dict(Situation.choices)


def _case_items(rows) -> list[WorkItem]:
    url = url_for_each("children:case_detail")
    items = []
    for row in rows:
        matter, due_field, capability = _CASE_STEP[row["status"]]
        items.append(
            WorkItem(
                source="children.case",
                key=str(row["pk"]),
                domain=DOMAIN,
                matter=f"未保案件 · {_SITUATION.get(row['situation'], '')} · {matter}",
                subject=row["number"],
                division_code=row["division_code"],
                due_on=row[due_field],
                url=url(row["pk"]),
                capability=capability,
                reference=row["number"],
            )
        )
    return items


def _open_cases(user):
    """Cases with a step due, among those the user may see (handlers and their supervisors only)."""
    return visible_cases(user).filter(
        Q(status__in=["received", "assessed"]) | Q(status="closed", reviewed_on__isnull=True)
    )


def open_cases(user, today: date) -> list[WorkItem]:
    statuses = [status for status, (_, _, cap) in _CASE_STEP.items() if has_capability(user, cap)]
    if not statuses:
        return []
    return _case_items(_open_cases(user).filter(status__in=statuses).order_by("pk").values(*_CASE_FIELDS))


def find_case(user, key: str, today: date) -> WorkItem:
    found = _case_items(_open_cases(user).filter(pk=record_pk(key)).values(*_CASE_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


def _visit_items(user, rows, today: date) -> list[WorkItem]:
    url = url_for_each("children:child_detail")
    interval = intervals(user, today)[0]
    return [
        WorkItem(
            source="children.visit",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter="在档儿童定期走访",
            subject=mask_name(row["person__name"]),
            division_code=row["division_code"],
            due_on=(row["last_visit"] or row["registered_on"]) + timedelta(days=interval),
            url=url(row["pk"]),
            capability=Capability.MANAGE_CHILDREN,
            owner_id=row["handler_id"],
        )
        for row in rows
    ]


def _visits(user, today: date):
    interval = intervals(user, today)[0]
    return overdue_visits(user, today, interval).values(
        "pk", "division_code", "person__name", "last_visit", "registered_on", "handler_id"
    )


def open_visits(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_CHILDREN):
        return []
    return _visit_items(user, _visits(user, today).order_by("pk"), today)


def find_visit(user, key: str, today: date) -> WorkItem:
    found = _visit_items(user, _visits(user, today).filter(pk=record_pk(key)), today)
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [
    WorkSource("children.visit", DOMAIN, "定期走访", open_visits, find_visit),
    WorkSource("children.case", DOMAIN, "未保案件", open_cases, find_case),
    WorkSource("children.contact", DOMAIN, "亲情联系", open_contacts, find_contact),
    WorkSource("children.allowance", DOMAIN, "儿童基本生活保障", open_applications, find_application),
]
