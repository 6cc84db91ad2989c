"""养老服务's work for the one 待办 (``core.work_items``): 隐患 to rectify by their deadline (in working days, set
when found) and to re-check, and this month's 探访 not yet made (the worker on the month's plan is its owner,
due by the month's last day). One query per kind, however many are open."""

from datetime import date

from django.http import Http404
from django.urls import reverse

from minzheng.core.identity import mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk

from .models import Hazard, HazardStatus, VisitAssignment
from .rules.visits import Month
from .selectors.common import scoped
from .selectors.hardship import month_plan

DOMAIN = "养老服务"
_HAZARD_CAPABILITY = {
    HazardStatus.OPEN: Capability.MANAGE_ELDERCARE,
    HazardStatus.RECTIFIED: Capability.INSPECT_ELDERCARE,
}
_HAZARD_MATTER = {HazardStatus.OPEN: "隐患待整改", HazardStatus.RECTIFIED: "隐患待复查销号"}


def _hazard_item(hazard: Hazard) -> WorkItem:
    return WorkItem(
        source="eldercare.hazard",
        key=str(hazard.pk),
        domain=DOMAIN,
        matter=f"{_HAZARD_MATTER[hazard.status]} · {hazard.get_category_display()}（{hazard.get_severity_display()}）",
        subject=hazard.institution.name,
        division_code=hazard.division_code,
        due_on=hazard.deadline,
        url=reverse("eldercare:hazard_detail", args=[hazard.pk]),
        capability=_HAZARD_CAPABILITY[hazard.status],
    )


def _open_hazards(user):
    return scoped(Hazard.objects.filter(status__in=list(_HAZARD_CAPABILITY)), user).select_related(
        "institution"
    )


def open_hazards(user, today: date) -> list[WorkItem]:
    statuses = [status for status, cap in _HAZARD_CAPABILITY.items() if has_capability(user, cap)]
    if not statuses:
        return []
    return [
        _hazard_item(h) for h in _open_hazards(user).filter(status__in=statuses).order_by("deadline", "pk")
    ]


def find_hazard(user, key: str, today: date) -> WorkItem:
    found = _open_hazards(user).filter(pk=record_pk(key)).first()
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return _hazard_item(found)


def _visit_item(plan: VisitAssignment, month: Month) -> WorkItem:
    return WorkItem(
        source="eldercare.visit",
        key=str(plan.pk),
        domain=DOMAIN,
        matter=f"{month.first_day:%Y年%m月}特殊困难老年人探访",
        subject=mask_name(plan.elder.person.name),
        division_code=plan.division_code,
        due_on=month.last_day,
        url=reverse("eldercare:elder_detail", args=[plan.elder_id]),
        capability=Capability.MANAGE_ELDERCARE,
        owner_id=plan.assigned_to_id,
    )


def open_visits(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_ELDERCARE):
        return []
    month = Month.of(today)
    return [_visit_item(plan, month) for plan in month_plan(user, month).filter(visited=False)]


def find_visit(user, key: str, today: date) -> WorkItem:
    month = Month.of(today)
    found = month_plan(user, month).filter(visited=False, pk=record_pk(key)).first()
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return _visit_item(found, month)


SOURCES = [
    WorkSource("eldercare.hazard", DOMAIN, "监管隐患", open_hazards, find_hazard),
    WorkSource("eldercare.visit", DOMAIN, "探访", open_visits, find_visit),
]
