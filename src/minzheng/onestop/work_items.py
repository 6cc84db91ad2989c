"""全市通办's work for the one 待办 (``core.work_items``): 办件 waiting at the window (待受理, 已转办属地 with
its 属地办理 clock, 办理中 without a domain case, with the promised limit), 12345 工单 open at a unit (5 WD
clock) and 差评 awaiting 整改反馈. One query per kind; rows read as values."""

from datetime import date

from django.db.models import Q
from django.http import Http404

from minzheng.core.jurisdiction import scope
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each

from .models import Application, AppStatus, Evaluation
from .rules.tickets import CATEGORIES
from .selectors.tickets import _scoped

DOMAIN = "全市通办"
HANDLE = Capability.HANDLE_ONESTOP
_STATUS = dict(AppStatus.choices)


def _found(items: list[WorkItem]) -> WorkItem:
    if not items:
        raise Http404("记录不存在或不在您的管辖范围内")
    return items[0]


_APP_FIELDS = (
    "pk",
    "number",
    "status",
    "division_code",
    "submitted_on",
    "due_on",
    "forward_decide_due",
    "applicant_name",
    "matter__name",
)
_WAITING = Q(status__in=[AppStatus.SUBMITTED, AppStatus.FORWARDED]) | Q(
    status=AppStatus.HANDLING, domain_reference__isnull=True
)


def _app_items(rows) -> list[WorkItem]:
    url = url_for_each("onestop:application_detail")
    return [
        WorkItem(
            source="onestop.application",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"{r['matter__name']} · {_STATUS[r['status']]}",
            subject=r["applicant_name"][:1] + "**",
            division_code=r["division_code"],
            due_on=r["due_on"] or r["forward_decide_due"] or r["submitted_on"],
            url=url(r["pk"]),
            capability=HANDLE,
            reference=r["number"],
        )
        for r in rows
    ]


def open_applications(user, today: date) -> list[WorkItem]:
    if not has_capability(user, HANDLE):
        return []
    rows = scope(Application.objects.filter(_WAITING), user, "division_code").order_by("submitted_on", "pk")
    return _app_items(rows.values(*_APP_FIELDS))


def find_application(user, key: str, today: date) -> WorkItem:
    rows = scope(Application.objects.filter(_WAITING, pk=record_pk(key)), user, "division_code")
    return _found(_app_items(rows.values(*_APP_FIELDS)))


_TICKET_FIELDS = ("pk", "number", "status", "category", "division_code", "lead_unit_code", "due_on")


def _ticket_items(rows) -> list[WorkItem]:
    url = url_for_each("onestop:ticket_detail")
    labels = {"received": "待派单", "assigned": "待办理", "returned": "退单待审核"}
    return [
        WorkItem(
            source="onestop.ticket",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"12345工单 · {CATEGORIES.get(r['category'], '')} · {labels[r['status']]}",
            subject=r["number"],
            division_code=r["lead_unit_code"] or r["division_code"],
            due_on=r["due_on"],
            url=url(r["pk"]),
            capability=Capability.SUPERVISE_ONESTOP if r["status"] == "returned" else HANDLE,
            reference=r["number"],
        )
        for r in rows
    ]


def _open_tickets(user):
    return _scoped(user).filter(status__in=["received", "assigned", "returned"], replied_on__isnull=True)


def open_tickets(user, today: date) -> list[WorkItem]:
    if has_capability(user, HANDLE):
        rows = _open_tickets(user).exclude(status="returned")
    elif has_capability(user, Capability.SUPERVISE_ONESTOP):
        rows = _open_tickets(user).filter(status="returned")
    else:
        return []
    return _ticket_items(rows.order_by("due_on", "pk").values(*_TICKET_FIELDS))


def find_ticket(user, key: str, today: date) -> WorkItem:
    return _found(_ticket_items(_open_tickets(user).filter(pk=record_pk(key)).values(*_TICKET_FIELDS)))


_REVIEW_FIELDS = ("pk", "division_code", "follow_up_due", "application__number", "application__matter__name")


def _reviews(user):
    return scope(Evaluation.objects.filter(level__lte=2, followed_up_on__isnull=True), user, "division_code")


def _review_items(rows) -> list[WorkItem]:
    url = url_for_each("onestop:review_detail")
    return [
        WorkItem(
            source="onestop.review",
            key=str(r["pk"]),
            domain=DOMAIN,
            matter=f"{r['application__matter__name']} · 差评整改反馈",
            subject=r["application__number"],
            division_code=r["division_code"],
            due_on=r["follow_up_due"],
            url=url(r["pk"]),
            capability=Capability.SUPERVISE_ONESTOP,
            reference=r["application__number"],
        )
        for r in rows
    ]


def open_reviews(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.SUPERVISE_ONESTOP):
        return []
    return _review_items(_reviews(user).order_by("follow_up_due", "pk").values(*_REVIEW_FIELDS))


def find_review(user, key: str, today: date) -> WorkItem:
    return _found(_review_items(_reviews(user).filter(pk=record_pk(key)).values(*_REVIEW_FIELDS)))


SOURCES = [
    WorkSource("onestop.application", DOMAIN, "综合窗口办件", open_applications, find_application),
    WorkSource("onestop.ticket", DOMAIN, "12345工单", open_tickets, find_ticket),
    WorkSource("onestop.review", DOMAIN, "差评整改反馈", open_reviews, find_review),
]
