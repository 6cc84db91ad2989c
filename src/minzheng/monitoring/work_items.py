"""动态监测's work for the one 待办 (``core.work_items``): open warnings to 分派, 核实 or 处置, on the desk of
the division they are assigned to, with the time limit the run set in working days (``due_on``). One query,
however many are open."""

from datetime import date

from django.http import Http404
from django.urls import reverse

from minzheng.core.identity import mask_id_number, mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk

from . import rules
from .models import RiskWarning
from .selectors import warnings_in_jurisdiction

DOMAIN = "动态监测"
SOURCE = "monitoring.warning"
_MATTER = {rules.NEW: "待分派", rules.ASSIGNED: "待核实", rules.VERIFIED: "待处置"}
_FIELDS = (
    "pk", "number", "rule_code", "person_name", "id_number", "division_code", "assigned_division_code",
    "status", "due_on",
)  # fmt: skip


def _item(warning: RiskWarning) -> WorkItem:
    person = " ".join(p for p in (mask_name(warning.person_name), mask_id_number(warning.id_number)) if p)
    return WorkItem(
        source=SOURCE,
        key=str(warning.pk),
        domain=DOMAIN,
        matter=f"预警{_MATTER[warning.status]} · {warning.get_rule_code_display()}",
        subject=person,
        division_code=warning.assigned_division_code or warning.division_code,
        due_on=warning.due_on,
        url=reverse("monitoring:warning_detail", args=[warning.pk]),
        capability=Capability.HANDLE_WARNINGS,
        reference=warning.number,
    )


def _open(user):
    return warnings_in_jurisdiction(user).filter(status__in=rules.OPEN_STATUSES).only(*_FIELDS)


def open_warnings(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.HANDLE_WARNINGS):
        return []
    return [_item(warning) for warning in _open(user).order_by("due_on", "pk")]


def find_warning(user, key: str, today: date) -> WorkItem:
    found = _open(user).filter(pk=record_pk(key)).first()
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return _item(found)


SOURCES = [WorkSource(SOURCE, DOMAIN, "监测预警", open_warnings, find_warning)]
