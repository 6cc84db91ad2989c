"""殡仪馆, their price lists and the 惠民殡葬 rules as the pages read them."""

from datetime import date

from django.db.models import Count, QuerySet

from minzheng.policy.interface import visible

from ..models import FuneralHome, Furnace, ServiceItem, WaiverRule
from ..services.orders import items_in_force
from .common import one, scoped


def home_list(user) -> QuerySet[FuneralHome]:
    return scoped(FuneralHome.objects.annotate(furnace_count=Count("furnaces")), user).order_by(
        "division_code", "name"
    )


def home_detail(user, pk: int) -> FuneralHome:
    return one(FuneralHome.objects.all(), user, pk)


def price_list(home: FuneralHome, on: date) -> QuerySet[ServiceItem]:
    return items_in_force(home, on)


def price_history(home: FuneralHome) -> QuerySet[ServiceItem]:
    return ServiceItem.objects.filter(home=home).order_by("code", "-effective_from")


def furnaces(home: FuneralHome) -> QuerySet[Furnace]:
    return home.furnaces.order_by("code")


def waiver_rules(user) -> QuerySet[WaiverRule]:
    """Rules of the jurisdiction and of the divisions above it (which apply to it)."""
    return visible(WaiverRule.objects.all(), user).order_by(
        "basic_service", "division_code", "-effective_from"
    )


def furnaces_of(homes: list[FuneralHome]) -> list[Furnace]:
    """The furnaces of the given homes (already scoped by ``home_list``), for the order form's choices."""
    return list(Furnace.objects.filter(home__in=homes).select_related("home").order_by("home_id", "code"))
