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


def return_counts_by_period(
    prefixes: list[str], periods: list[tuple[date, date]]
) -> dict[tuple[str, date, date], tuple[int, int]]:
    """(returned, identified) per prefix and period among clients who left in the period with their identity
    found — 接送返回 and 亲属领回 both count as returned (the plan's 接送返回); those who died, left on their own or
    went to hospital are not in the denominator (nobody could be returned). One query for every prefix and
    period (the cockpit reads every year and subordinate division at once)."""
    if not prefixes or not periods:
        return {}
    low, high = _bounds(min(s for s, _ in periods), max(e for _, e in periods))
    under = Q()
    for prefix in prefixes:
        under |= Q(division_code__startswith=prefix)
    left = list(
        Client.objects.filter(
            under, identified=True, discharged_at__range=(low, high),
            discharge__in=[Discharge.RETURNED, Discharge.FAMILY, Discharge.CARE],
        ).values_list("division_code", "discharged_at", "discharge")
    )  # fmt: skip
    out = {}
    for start, end in periods:
        first, last = _bounds(start, end)
        inside = [(code, how) for code, at, how in left if first <= at <= last]
        for prefix in prefixes:
            mine = [how for code, how in inside if code.startswith(prefix)]
            returned = sum(how in (Discharge.RETURNED, Discharge.FAMILY) for how in mine)
            out[prefix, start, end] = (returned, len(mine))
    return out


def return_counts(prefixes: list[str], start: date, end: date) -> dict[str, tuple[int, int]]:
    counts = return_counts_by_period(prefixes, [(start, end)])
    return {prefix: counts[prefix, start, end] for prefix in prefixes}


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
