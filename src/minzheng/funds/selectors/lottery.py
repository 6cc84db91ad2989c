"""福利彩票 reads: outlets with their year's sales and 公益金 (sales × the extraction rate in force that month)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from minzheng.core.jurisdiction import division_prefix, scope
from minzheng.core.permissions import Capability, require
from minzheng.policy.interface import parameter_value

from ..models import LotteryOutlet, OutletSales
from ..rules.lottery import welfare_fund_raised


def outlet_list(user, *, kind: str = "") -> QuerySet[LotteryOutlet]:
    require(user, Capability.VIEW_REGISTRY)
    rows = scope(LotteryOutlet.objects.all(), user, "division_code")
    return rows.filter(kind=kind) if kind else rows


def sales_by_outlet(outlet_ids: list[int], year: int) -> dict[int, dict]:
    """Each outlet's sales and 公益金 of the year (rates read per division and month from the policy store)."""
    totals: dict[int, dict] = defaultdict(lambda: {"sales": Decimal("0.00"), "fund": Decimal("0.00")})
    rates: dict[tuple[str, str, date], Decimal] = {}
    rows = (
        OutletSales.objects.filter(outlet_id__in=outlet_ids, month__year=year)
        .values("outlet_id", "outlet__division_code", "game_type", "month")
        .annotate(amount=Sum("amount"))
    )
    for r in rows:
        key = (r["game_type"], r["outlet__division_code"][:6], r["month"])
        if key not in rates:
            rates[key] = parameter_value(
                f"funds_lottery_rate_{r['game_type']}", r["outlet__division_code"], r["month"]
            )
        totals[r["outlet_id"]]["sales"] += r["amount"]
        totals[r["outlet_id"]]["fund"] += welfare_fund_raised(r["amount"], rates[key])
    return totals


def outlet_spans(division_codes: list[str]) -> list[tuple[str, date, date | None]]:
    """(division, opened, closed) of every outlet under any of the divisions, in one query."""
    prefixes = [division_prefix(code) for code in division_codes]
    query = Q()
    for prefix in prefixes:
        query |= Q(division_code__startswith=prefix)
    return list(LotteryOutlet.objects.filter(query).values_list("division_code", "opened_on", "closed_on"))


def open_on(spans, prefix: str, on: date) -> int:
    return sum(
        1
        for code, opened, closed in spans
        if code.startswith(prefix) and opened <= on and (closed is None or closed > on)
    )
