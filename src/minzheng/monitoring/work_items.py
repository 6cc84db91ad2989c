"""动态监测's work for the one 待办 (``core.work_items``): open warnings to 分派, 核实 or 处置, on the desk of
the division they are assigned to, with the time limit the run set in working days (``due_on``). One query,
however many are open."""

from datetime import date

from django.http import Http404

from minzheng.core.identity import mask_id_number, mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from . import rules
from .rule_catalogue import RULE_KINDS
from .selectors import warnings_in_jurisdiction

DOMAIN = "动态监测"
SOURCE = "monitoring.warning"
_MATTER = {rules.NEW: "待分派", rules.ASSIGNED: "待核实", rules.VERIFIED: "待处置"}
_FIELDS = (
    "pk", "number", "rule_code", "person_name", "id_number", "division_code", "assigned_division_code",
    "status", "due_on",
)  # fmt: skip


_RULE = {code: kind.label for code, kind in RULE_KINDS.items()}


def _items(rows) -> list[WorkItem]:
    url = url_for_each("monitoring:warning_detail")
    items = []
    for row in rows:
        person = " ".join(p for p in (mask_name(row["person_name"]), mask_id_number(row["id_number"])) if p)
        items.append(
            WorkItem(
                source=SOURCE,
                key=str(row["pk"]),
                domain=DOMAIN,
                matter=f"预警{_MATTER[row['status']]} · {_RULE.get(row['rule_code'], '')}",
                subject=person,
                division_code=row["assigned_division_code"] or row["division_code"],
                due_on=row["due_on"],
                url=url(row["pk"]),
                capability=Capability.HANDLE_WARNINGS,
                reference=row["number"],
            )
        )
    return items


def _open(user):
    return warnings_in_jurisdiction(user).filter(status__in=rules.OPEN_STATUSES)


def open_warnings(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.HANDLE_WARNINGS):
        return []
    return _items(_open(user).order_by("due_on", "pk").values(*_FIELDS))


def find_warning(user, key: str, today: date) -> WorkItem:
    found = _items(_open(user).filter(pk=record_pk(key)).values(*_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [WorkSource(SOURCE, DOMAIN, "监测预警", open_warnings, find_warning)]
