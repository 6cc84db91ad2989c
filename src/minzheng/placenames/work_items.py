"""区划地名's work for the one 待办 (``core.work_items``): applications to approve; approved names whose 备案
or 公告 (15 days, 第十三条/第十四条) is open; boundaries whose 5-yearly 联合检查 is due or overdue (界线管理条例
第十二条); 行政区划变更 not implemented (12 months, +6) or whose new code is not published (1 month)."""

from datetime import date, timedelta

from django.db.models import Q
from django.http import Http404

from minzheng.core.division_history import code_publication_due, implementation_due
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import ApplicationStatus, NameStatus, NamingApplication, PlaceName
from .rules.naming import announcement_due, filing_due
from .selectors import boundaries as boundary_sel
from .selectors import divisions as division_sel
from .selectors.common import scoped
from .services.parameters import clocks

DOMAIN = "区划地名"
MANAGE, APPROVE = Capability.MANAGE_PLACENAMES, Capability.APPROVE_PLACENAMES
# 联检 shows in the 待办 from 90 days before it is due
JOINT_LEAD = timedelta(days=90)


def _found(items: list[WorkItem]) -> WorkItem:
    if not items:
        raise Http404("记录不存在或不在您的管辖范围内")
    return items[0]


# --- 命名更名申请 ---------------------------------------------------------------------------------------
def _applications(user):
    return scoped(NamingApplication.objects.filter(status=ApplicationStatus.SUBMITTED), user)


def _app_items(rows) -> list[WorkItem]:
    url = url_for_each("placenames:application_detail")
    return [
        WorkItem(
            source="placenames.application",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter="地名申请 · 待审批",
            subject=r["specific"] + r["generic"],
            division_code=r["division_code"],
            due_on=None,
            url=url(r["pk"]),
            capability=APPROVE,
        )
        for r in rows
    ]


_APP_FIELDS = ("pk", "specific", "generic", "division_code")


def open_applications(user, today: date) -> list[WorkItem]:
    if not has_capability(user, APPROVE):
        return []
    return _app_items(
        _applications(user).exclude(received_by=user).order_by("received_on", "pk").values(*_APP_FIELDS)
    )


def find_application(user, key: str, today: date) -> WorkItem:
    return _found(_app_items(_applications(user).filter(pk=record_pk(key)).values(*_APP_FIELDS)))


# --- 备案 and 公告 ----------------------------------------------------------------------------------------
_NAME_FIELDS = ("pk", "specific", "generic", "division_code", "approved_on", "filed_on", "announced_on")


def _names(user):
    return scoped(
        PlaceName.objects.filter(status=NameStatus.APPROVED, approved_on__isnull=False).filter(
            Q(filed_on__isnull=True) | Q(announced_on__isnull=True)
        ),
        user,
    )


def _name_items(rows, today: date) -> list[WorkItem]:
    url = url_for_each("placenames:name_detail")
    items, memo = [], {}
    for r in rows:
        at = (r["division_code"][:6], r["approved_on"])
        c = memo[at] = memo.get(at) or clocks(r["division_code"], r["approved_on"])
        open_steps = [
            (label, due)
            for label, due, done in (
                ("备案", filing_due(r["approved_on"], c.filing_days), r["filed_on"]),
                ("公告", announcement_due(r["approved_on"], c.announcement_days), r["announced_on"]),
            )
            if not done
        ]
        items.append(
            WorkItem(
                source="placenames.announcement",
                key=str(r["pk"]),
                domain=DOMAIN,
                matter="标准地名 · 待" + "、".join(label for label, _ in open_steps),
                subject=r["specific"] + r["generic"],
                division_code=r["division_code"],
                due_on=min(due for _, due in open_steps),
                url=url(r["pk"]),
                capability=MANAGE,
            )
        )
    return items


def open_announcements(user, today: date) -> list[WorkItem]:
    if not has_capability(user, MANAGE):
        return []
    return _name_items(_names(user).order_by("approved_on", "pk").values(*_NAME_FIELDS), today)


def find_announcement(user, key: str, today: date) -> WorkItem:
    return _found(_name_items(_names(user).filter(pk=record_pk(key)).values(*_NAME_FIELDS), today))


# --- 联合检查 ---------------------------------------------------------------------------------------------
def _joint_items(user, today: date, pk: int | None = None) -> list[WorkItem]:
    url = url_for_each("placenames:line_detail")
    lines = boundary_sel.line_list(user).prefetch_related("joint_inspections")
    if pk is not None:
        lines = lines.filter(pk=pk)
    items, memo = [], {}
    for line in lines:
        years = memo[line.side_a_code] = (
            memo.get(line.side_a_code) or clocks(line.side_a_code, today).joint_inspection_years
        )
        due = boundary_sel.joint_due(line, years)
        if due - JOINT_LEAD <= today:
            items.append(
                WorkItem(
                    source="placenames.joint_inspection",
                    key=str(line.pk),
                    domain=DOMAIN,
                    matter="界线联合检查 · " + ("已超期" if due < today else "将到期"),
                    subject=line.name,
                    division_code=line.side_a_code,
                    due_on=due,
                    url=url(line.pk),
                    capability=MANAGE,
                )
            )
    return items


def open_joint_inspections(user, today: date) -> list[WorkItem]:
    if not has_capability(user, MANAGE):
        return []
    return _joint_items(user, today)


def find_joint_inspection(user, key: str, today: date) -> WorkItem:
    return _found(_joint_items(user, today, record_pk(key)))


# --- 行政区划变更: 实施 and 代码公布 ------------------------------------------------------------------------
def _change_items(user, today: date, pk: int | None = None) -> list[WorkItem]:
    url = url_for_each("placenames:change_detail")
    changes = division_sel.change_list(user).filter(
        Q(implemented_on__isnull=True) | Q(code_published_on__isnull=True)
    )
    if pk is not None:
        changes = changes.filter(pk=pk)
    items = []
    for ch in changes:
        c = clocks(ch.division_code or "000000000000", ch.approved_on)
        steps = []
        if not ch.implemented_on:
            steps.append(
                (
                    "实施",
                    implementation_due(
                        ch.approved_on, c.implementation_months, c.extension_months, ch.extension_granted
                    ),
                )
            )
        if not ch.code_published_on:
            steps.append(("公布区划代码", code_publication_due(ch.approved_on, c.code_publication_months)))
        items.append(
            WorkItem(
                source="placenames.division_change",
                key=str(ch.pk),
                domain=DOMAIN,
                matter="行政区划变更 · 待" + "、".join(s for s, _ in steps),
                subject=ch.title,
                division_code=ch.division_code,
                due_on=min(d for _, d in steps),
                url=url(ch.pk),
                capability=APPROVE,
            )
        )
    return items


def open_changes(user, today: date) -> list[WorkItem]:
    if not has_capability(user, APPROVE):
        return []
    return _change_items(user, today)


def find_change(user, key: str, today: date) -> WorkItem:
    return _found(_change_items(user, today, record_pk(key)))


SOURCES = [
    WorkSource("placenames.application", DOMAIN, "地名命名更名申请", open_applications, find_application),
    WorkSource("placenames.announcement", DOMAIN, "地名备案公告", open_announcements, find_announcement),
    WorkSource(
        "placenames.joint_inspection", DOMAIN, "界线联合检查", open_joint_inspections, find_joint_inspection
    ),
    WorkSource("placenames.division_change", DOMAIN, "行政区划变更实施", open_changes, find_change),
]
