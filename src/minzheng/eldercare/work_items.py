"""养老服务's work for the one 待办 (``core.work_items``): 隐患 to rectify by their deadline (in working days, set
when found) and to re-check, and this month's 探访 not yet made (the worker on the month's plan is its owner,
due by the month's last day). One query per kind, however many are open; rows are read as values."""

from datetime import date

from django.http import Http404

from minzheng.core.identity import mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import Hazard, HazardCategory, HazardSeverity, HazardStatus
from .rules.visits import Month
from .selectors.common import scoped
from .selectors.hardship import month_plan

DOMAIN = "养老服务"
_HAZARD_CAPABILITY = {
    HazardStatus.OPEN.value: Capability.MANAGE_ELDERCARE,
    HazardStatus.RECTIFIED.value: Capability.INSPECT_ELDERCARE,
}
_HAZARD_MATTER = {HazardStatus.OPEN.value: "隐患待整改", HazardStatus.RECTIFIED.value: "隐患待复查销号"}
_CATEGORY, _SEVERITY = dict(HazardCategory.choices), dict(HazardSeverity.choices)
_HAZARD_FIELDS = ("pk", "status", "category", "severity", "division_code", "deadline", "institution__name")
_VISIT_FIELDS = ("pk", "division_code", "elder_id", "elder__person__name", "assigned_to_id")


def _hazard_items(rows) -> list[WorkItem]:
    url = url_for_each("eldercare:hazard_detail")
    return [
        WorkItem(
            source="eldercare.hazard",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"{_HAZARD_MATTER[row['status']]} · {_CATEGORY.get(row['category'], '')}"
            f"（{_SEVERITY.get(row['severity'], '')}）",
            subject=row["institution__name"],
            division_code=row["division_code"],
            due_on=row["deadline"],
            url=url(row["pk"]),
            capability=_HAZARD_CAPABILITY[row["status"]],
        )
        for row in rows
    ]


def _open_hazards(user):
    return scoped(Hazard.objects.filter(status__in=list(_HAZARD_CAPABILITY)), user)


def open_hazards(user, today: date) -> list[WorkItem]:
    statuses = [status for status, cap in _HAZARD_CAPABILITY.items() if has_capability(user, cap)]
    if not statuses:
        return []
    hazards = _open_hazards(user).filter(status__in=statuses).order_by("deadline", "pk")
    return _hazard_items(hazards.values(*_HAZARD_FIELDS))


def find_hazard(user, key: str, today: date) -> WorkItem:
    found = _hazard_items(_open_hazards(user).filter(pk=record_pk(key)).values(*_HAZARD_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


def _visit_items(rows, month: Month) -> list[WorkItem]:
    url = url_for_each("eldercare:elder_detail")
    matter = f"{month.first_day:%Y年%m月}特殊困难老年人探访"
    return [
        WorkItem(
            source="eldercare.visit",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=matter,
            subject=mask_name(row["elder__person__name"]),
            division_code=row["division_code"],
            due_on=month.last_day,
            url=url(row["elder_id"]),
            capability=Capability.MANAGE_ELDERCARE,
            owner_id=row["assigned_to_id"],
        )
        for row in rows
    ]


def open_visits(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_ELDERCARE):
        return []
    month = Month.of(today)
    return _visit_items(month_plan(user, month).filter(visited=False).values(*_VISIT_FIELDS), month)


def find_visit(user, key: str, today: date) -> WorkItem:
    month = Month.of(today)
    found = _visit_items(
        month_plan(user, month).filter(visited=False, pk=record_pk(key)).values(*_VISIT_FIELDS), month
    )
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [
    WorkSource("eldercare.hazard", DOMAIN, "监管隐患", open_hazards, find_hazard),
    WorkSource("eldercare.visit", DOMAIN, "探访", open_visits, find_visit),
]
