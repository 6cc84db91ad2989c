"""殡葬服务订单 reads: the list, one order with its bill (the deceased's name on it: audited when displayed)."""

from dataclasses import dataclass

from django.db.models import QuerySet

from minzheng.core.read_audit import Channel, audited_read

from ..models import OrderLine, ServiceOrder
from .common import one, scoped, under


@dataclass(frozen=True)
class OrderFilter:
    q: str = ""  # 订单编号 or 逝者姓名
    division_code: str = ""
    status: str = ""
    waived_only: bool = False


def order_list(user, filters: OrderFilter = OrderFilter()) -> QuerySet[ServiceOrder]:
    qs = under(scoped(ServiceOrder.objects.select_related("death", "home"), user), filters.division_code)
    if filters.q:
        q = filters.q.strip()
        qs = qs.filter(number=q) | qs.filter(death__name__startswith=q)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.waived_only:
        qs = qs.filter(waived__gt=0)
    return qs.order_by("-ordered_on", "-id")


def order_for_action(user, pk: int) -> ServiceOrder:
    return one(ServiceOrder.objects.select_related("death", "home"), user, pk)


def read_order(user, pk: int, *, channel: Channel = Channel.PAGE) -> ServiceOrder:
    order = one(ServiceOrder.objects.select_related("death", "home", "furnace", "created_by"), user, pk)
    return audited_read(
        user, order, channel=channel, object_type="funeral.serviceorder", division_code=order.division_code,
        summary=f"查看殡葬服务订单：{order.number}",
    )  # fmt: skip


def order_lines(order: ServiceOrder) -> QuerySet[OrderLine]:
    return order.lines.select_related("item", "waiver_rule").order_by("item__category", "item__code")
