"""Figures over a division subtree and a period (indicator sources and the interface): no user scope —
the caller (planning's pages) enforces the viewer's jurisdiction."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Sum, Value
from django.db.models.functions import Substr

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.models import Division

from ..models import Cemetery, CemeteryKind, DeathRecord, EcoBurial, Plot, PlotKind, ServiceOrder

PUBLIC_KINDS = (CemeteryKind.PUBLIC, CemeteryKind.VILLAGE)


def death_count(division_code: str, start: date, end: date) -> int:
    return DeathRecord.objects.filter(
        division_code__startswith=division_prefix(division_code), death_date__range=(start, end)
    ).count()


def waived_orders(division_code: str, start: date, end: date) -> tuple[int, Decimal]:
    row = ServiceOrder.objects.filter(
        division_code__startswith=division_prefix(division_code), ordered_on__range=(start, end), waived__gt=0
    ).aggregate(n=Count("id"), amount=Sum("waived"))
    return row["n"], row["amount"] or Decimal("0.00")


Period = tuple[date, date]


def eco_burial_counts(
    prefixes: list[str], periods: list[Period]
) -> dict[tuple[str, Period], tuple[int, int]]:
    """(节地生态安葬数, 安葬总数) per division prefix and period, in one query whatever their number — the cockpit
    reads every year and every subordinate division at once. Both count by the deceased's division: the eco
    burials, plus the first burials in ordinary plots (a double plot's second burial has no date of its own)."""
    if not prefixes or not periods:
        return {}
    first, last = min(s for s, _ in periods), max(e for _, e in periods)
    eco_under, plot_under = Q(), Q()
    for prefix in prefixes:
        eco_under |= Q(division_code__startswith=prefix)
        plot_under |= Q(first_occupant__division_code__startswith=prefix)
    eco = EcoBurial.objects.filter(eco_under, buried_on__range=(first, last)).values_list(
        "division_code", "buried_on", Value(1, output_field=IntegerField())
    )
    plots = (
        Plot.objects.filter(plot_under, contract_on__range=(first, last))
        .exclude(kind=PlotKind.ECO)
        .values_list("first_occupant__division_code", "contract_on", Value(0, output_field=IntegerField()))
    )
    rows = list(eco.union(plots, all=True))
    counts = {}
    for prefix in prefixes:
        for start, end in periods:
            mine = [is_eco for code, day, is_eco in rows if code.startswith(prefix) and start <= day <= end]
            counts[prefix, (start, end)] = (sum(mine), len(mine))
    return counts


def public_cemetery_coverage(
    prefixes: list[str], days: list[date]
) -> dict[tuple[str, date], tuple[int, int]]:
    """(counties with a 公益性 cemetery approved by the day, counties) per division prefix and day, in one query."""
    if not prefixes or not days:
        return {}
    under = Q()
    for prefix in prefixes:
        under |= Q(code__startswith=prefix)
    covered_on = {
        f"covered_{n}": Exists(
            Cemetery.objects.filter(
                kind__in=PUBLIC_KINDS,
                approved_on__lte=day,
                division_code__startswith=Substr(OuterRef("code"), 1, 6),
            )
        )
        for n, day in enumerate(days)
    }
    counties = list(
        Division.objects.filter(under, level=3, valid_to__isnull=True)
        .annotate(**covered_on)
        .values("code", *covered_on)
    )
    counts = {}
    for prefix in prefixes:
        mine = [row for row in counties if row["code"].startswith(prefix)]
        for n, day in enumerate(days):
            counts[prefix, day] = (sum(1 for row in mine if row[f"covered_{n}"]), len(mine))
    return counts
