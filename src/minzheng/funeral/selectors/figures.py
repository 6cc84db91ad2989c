"""Figures over a division subtree and a period (indicator sources and the interface): no user scope —
the caller (planning's pages) enforces the viewer's jurisdiction."""

from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum

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
    """(节地生态安葬数, 安葬总数) per division prefix and period, in two queries whatever their number — the cockpit
    reads every year and every subordinate division at once. Both count by the deceased's division: the eco
    burials, plus the first burials in ordinary plots (a double plot's second burial has no date of its own)."""
    if not prefixes or not periods:
        return {}
    first, last = min(s for s, _ in periods), max(e for _, e in periods)
    under = Q()
    for prefix in prefixes:
        under |= Q(division_code__startswith=prefix)
    eco = list(
        EcoBurial.objects.filter(under, buried_on__range=(first, last)).values_list(
            "division_code", "buried_on"
        )
    )
    plot_under = Q()
    for prefix in prefixes:
        plot_under |= Q(first_occupant__division_code__startswith=prefix)
    plots = list(
        Plot.objects.filter(plot_under, contract_on__range=(first, last))
        .exclude(kind=PlotKind.ECO)
        .values_list("first_occupant__division_code", "contract_on")
    )
    counts = {}
    for prefix in prefixes:
        for start, end in periods:
            n_eco = sum(1 for code, day in eco if code.startswith(prefix) and start <= day <= end)
            n_plot = sum(1 for code, day in plots if code.startswith(prefix) and start <= day <= end)
            counts[prefix, (start, end)] = (n_eco, n_eco + n_plot)
    return counts


def public_cemetery_coverage(
    prefixes: list[str], days: list[date]
) -> dict[tuple[str, date], tuple[int, int]]:
    """(counties with a 公益性 cemetery approved by the day, counties) per division prefix and day, two queries."""
    if not prefixes or not days:
        return {}
    under = Q()
    for prefix in prefixes:
        under |= Q(code__startswith=prefix)
    counties = list(
        Division.objects.filter(under, level=3, valid_to__isnull=True).values_list("code", flat=True)
    )
    public = list(Cemetery.objects.filter(kind__in=PUBLIC_KINDS).values_list("division_code", "approved_on"))
    counts = {}
    for prefix in prefixes:
        mine = [code for code in counties if code.startswith(prefix)]
        for day in days:
            covered = {code[:6] for code, approved in public if approved <= day}
            counts[prefix, day] = (sum(code[:6] in covered for code in mine), len(mine))
    return counts
