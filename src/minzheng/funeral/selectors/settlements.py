"""惠民殡葬结算 reads, scoped by the funeral home's division."""

from django.db.models import QuerySet

from ..models import ServiceOrder, WaiverSettlement
from .common import one, scoped


def settlement_list(user) -> QuerySet[WaiverSettlement]:
    return scoped(
        WaiverSettlement.objects.select_related("home", "prepared_by", "approved_by"), user
    ).order_by("-month", "home__name")


def settlement_detail(user, pk: int) -> WaiverSettlement:
    return one(WaiverSettlement.objects.select_related("home", "prepared_by", "approved_by"), user, pk)


def settlement_orders(settlement: WaiverSettlement) -> QuerySet[ServiceOrder]:
    return settlement.orders.select_related("death").order_by("billed_on", "number")
