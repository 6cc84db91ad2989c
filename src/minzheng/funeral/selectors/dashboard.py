"""殡葬总览 figures for the user's jurisdiction, a few queries each."""

from datetime import date

from django.db.models import Count, Q, Sum

from ..models import DeathRecord, ServiceOrder
from .common import scoped


def summary(user, year: int) -> dict:
    deaths = scoped(DeathRecord.objects.filter(death_date__year=year), user).aggregate(
        deaths=Count("id"),
        unidentified_count=Count("id", filter=Q(unidentified=True)),
        electronic_count=Count("id", filter=Q(certificate_form="electronic")),
        unregistered_count=Count("id", filter=Q(person__isnull=True, unidentified=False)),
    )
    orders = scoped(ServiceOrder.objects.filter(ordered_on__year=year), user).aggregate(
        orders=Count("id"),
        open_orders=Count("id", filter=Q(status="open")),
        charged=Sum("total"),
        waived_sum=Sum("waived"),
        waived_orders=Count("id", filter=Q(waived__gt=0)),
    )
    return deaths | orders


def deaths_by_month(user, year: int) -> list[tuple[str, int]]:
    rows = scoped(DeathRecord.objects.filter(death_date__year=year), user).values_list(
        "death_date", flat=True
    )
    counts = [0] * 12
    for day in rows:
        counts[day.month - 1] += 1
    return [(f"{m}月", counts[m - 1]) for m in range(1, 13)]


def this_year(today: date | None = None) -> int:
    return (today or date.today()).year
