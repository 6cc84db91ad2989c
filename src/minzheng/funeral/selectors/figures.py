"""Figures over a division subtree and a period (indicator sources and the interface): no user scope —
the caller (planning's pages) enforces the viewer's jurisdiction."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Sum

from minzheng.core.jurisdiction import division_prefix

from ..models import DeathRecord, ServiceOrder


def death_count(division_code: str, start: date, end: date) -> int:
    return DeathRecord.objects.filter(
        division_code__startswith=division_prefix(division_code), death_date__range=(start, end)
    ).count()


def waived_orders(division_code: str, start: date, end: date) -> tuple[int, Decimal]:
    row = ServiceOrder.objects.filter(
        division_code__startswith=division_prefix(division_code), ordered_on__range=(start, end), waived__gt=0
    ).aggregate(n=Count("id"), amount=Sum("waived"))
    return row["n"], row["amount"] or Decimal("0.00")
