"""Indicator sources: how a domain offers a figure it computes from its own records to plan monitoring.

规划监测 (planning) and 民政报表 need figures that only the domains hold — 养老机构护理型床位占比 from the
elderly-care registry, 低保人数 and 低保金支出 from social-assistance cases, 节地生态安葬率 from funeral
records. A domain app offers them by putting a module ``indicator_sources.py`` at the top of its package
with a list ``SOURCES`` of :class:`IndicatorSource`. Planning collects them with Django's module
autodiscovery (``collect_indicator_sources``), so planning never imports a domain and a domain never
imports planning; both depend only on this module.

A source computes for one division *and everything under it* (a region-code prefix), so aggregation up the
division tree is the same query with a shorter prefix — never a sum of rounded children.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

PeriodType = Literal["month", "quarter", "year"]


@dataclass(frozen=True)
class IndicatorValue:
    """One computed figure with what it was computed from.

    ``value`` is ``None`` when the figure is undefined for the period (e.g. a ratio whose denominator is 0)
    — never 0, which would read as a real result. ``drilldown_url`` lists the records behind the figure,
    already filtered to the division and period (the page itself enforces the viewer's jurisdiction).
    """

    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    drilldown_url: str | None = None
    note: str = ""


@dataclass(frozen=True)
class IndicatorSource:
    """A figure a domain computes: its stable code, Chinese name, unit, definition and the function."""

    code: str  # stable, "<app>.<name>", e.g. "eldercare.nursing_bed_ratio"
    name: str  # zh-Hans, as the plans and forms print it, e.g. "养老机构护理型床位占比"
    unit: str  # "%", "元/人/月", "人", "户", "张", "万元" …
    period_type: PeriodType  # the finest period the figure makes sense for
    definition: str  # zh-Hans: numerator / denominator or expression in words, with the records used
    compute: Callable[[str, date, date], IndicatorValue] = field(compare=False)
    # compute(division_code, period_start, period_end) — division_code is a 12-digit code (its prefix
    # covers the subtree); the period is inclusive. Point-in-time figures use period_end.
    compute_series: Callable[[str, list[tuple[date, date]]], list[IndicatorValue]] | None = field(
        default=None, compare=False
    )
    # Optional: the same figures for several periods of one division in one call (a cockpit reads every year
    # of the plan), returned in the order asked — offered where reading once for all periods saves queries.
    compute_divisions: Callable[[list[str], date, date], list[IndicatorValue]] | None = field(
        default=None, compare=False
    )
    # Optional: one period's figures for several divisions (the cockpit's subordinate divisions side by side),
    # in the order asked, each covering its own subtree.


def collect_indicator_sources() -> dict[str, IndicatorSource]:
    """Every ``SOURCES`` entry of every installed app's ``indicator_sources`` module, by code."""
    from .discovery import sources_by_code

    return sources_by_code("indicator_sources", "indicator source")
