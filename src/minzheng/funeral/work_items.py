"""殡葬管理's work for the one 待办 (``core.work_items``): service orders still 办理中 (to be billed) and plots whose
use cycle ends within the notice period (``funeral_plot_renewal_notice_days``; due the day the cycle ends, 续期 or
清理 by then — 民事发〔1998〕10号). One query per kind, however many are open; rows read as values."""

from datetime import date, timedelta
from decimal import Decimal

from django.http import Http404

from minzheng.core.identity import mask_name
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.work_items import WorkItem, WorkSource, record_pk, url_for_each
from minzheng.policy.interface import parameter_value

from .models import OrderStatus, Plot, ServiceOrder
from .selectors.common import scoped

DOMAIN = "殡葬管理"
_ORDER_FIELDS = ("pk", "number", "division_code", "death__name", "death__unidentified", "ordered_on")
_PLOT_FIELDS = (
    "pk",
    "number",
    "division_code",
    "cycle_ends_on",
    "first_occupant__name",
    "section__cemetery__name",
)


def _order_items(rows) -> list[WorkItem]:
    url = url_for_each("funeral:order_detail")
    return [
        WorkItem(
            source="funeral.order",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter="殡葬服务订单 · 待出账",
            subject="无名氏" if row["death__unidentified"] else mask_name(row["death__name"]),
            division_code=row["division_code"],
            due_on=None,
            url=url(row["pk"]),
            capability=Capability.MANAGE_FUNERAL,
            reference=row["number"],
        )
        for row in rows
    ]


def _open_orders(user):
    return scoped(ServiceOrder.objects.filter(status=OrderStatus.OPEN), user)


def open_orders(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_FUNERAL):
        return []
    return _order_items(_open_orders(user).order_by("ordered_on", "pk").values(*_ORDER_FIELDS))


def find_order(user, key: str, today: date) -> WorkItem:
    found = _order_items(_open_orders(user).filter(pk=record_pk(key)).values(*_ORDER_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


def _notice_days(user, today: date) -> int:
    return int(parameter_value("funeral_plot_renewal_notice_days", user.division_code, today, Decimal(90)))


def _plot_items(rows) -> list[WorkItem]:
    url = url_for_each("funeral:plot_detail")
    return [
        WorkItem(
            source="funeral.plot_renewal",
            key=str(row["pk"]),
            domain=DOMAIN,
            matter=f"墓位使用周期届满 · {row['section__cemetery__name']}",
            subject=mask_name(row["first_occupant__name"] or ""),
            division_code=row["division_code"],
            due_on=row["cycle_ends_on"],
            url=url(row["pk"]),
            capability=Capability.MANAGE_FUNERAL,
            reference=row["number"],
        )
        for row in rows
    ]


def _due_plots(user, today: date):
    until = today + timedelta(days=_notice_days(user, today))
    return scoped(Plot.objects.filter(cycle_ends_on__isnull=False, cycle_ends_on__lte=until), user)


def due_plots(user, today: date) -> list[WorkItem]:
    if not has_capability(user, Capability.MANAGE_FUNERAL):
        return []
    return _plot_items(_due_plots(user, today).order_by("cycle_ends_on", "pk").values(*_PLOT_FIELDS))


def find_plot(user, key: str, today: date) -> WorkItem:
    found = _plot_items(_due_plots(user, today).filter(pk=record_pk(key)).values(*_PLOT_FIELDS))
    if not found:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found[0]


SOURCES = [
    WorkSource("funeral.order", DOMAIN, "殡葬服务订单", open_orders, find_order),
    WorkSource("funeral.plot_renewal", DOMAIN, "墓位续期", due_plots, find_plot),
]
