"""Figures of 救助管理 (set-based): 查明身份接送返回率 and the 总览 counts."""

from datetime import date, datetime, time

from django.db.models import Count, Q
from django.utils import timezone

from minzheng.core.jurisdiction import division_prefix

from ..models import Client, Discharge, WanderRisk


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        timezone.make_aware(datetime.combine(start, time.min)),
        timezone.make_aware(datetime.combine(end, time.max)),
    )


def return_counts(prefixes: list[str], start: date, end: date) -> dict[str, tuple[int, int]]:
    """(returned, identified) per prefix among clients who left in the period with their identity found —
    接送返回 and 亲属领回 both count as returned (the plan's 接送返回); those who died, left on their own or went to
    hospital are not in the denominator (nobody could be returned)."""
    low, high = _bounds(start, end)
    out = {}
    for prefix in prefixes:
        row = Client.objects.filter(
            division_code__startswith=prefix, identified=True, discharged_at__range=(low, high),
            discharge__in=[Discharge.RETURNED, Discharge.FAMILY, Discharge.CARE],
        ).aggregate(total=Count("pk"), returned=Count("pk", filter=Q(discharge__in=[Discharge.RETURNED, Discharge.FAMILY])))  # fmt: skip
        out[prefix] = (row["returned"], row["total"])
    return out


def summary(division_code: str) -> dict:
    prefix = division_prefix(division_code)
    clients = Client.objects.filter(division_code__startswith=prefix)
    row = clients.aggregate(
        in_station=Count("pk", filter=Q(discharge="")),
        unidentified=Count("pk", filter=Q(discharge="", identified=False)),
        returned=Count("pk", filter=Q(discharge__in=[Discharge.RETURNED, Discharge.FAMILY])),
        total=Count("pk"),
    )
    row["registry"] = WanderRisk.objects.filter(division_code__startswith=prefix).count()
    return row
