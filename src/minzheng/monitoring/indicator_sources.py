"""低收入人口动态监测预警 figures offered to plan monitoring and the leader's home page
(``core.indicator_sources`` protocol).

未办结预警数: warnings raised by the end of the period and not yet 处置 then (预警, 已分派待核实, 已核实待处置) —
the warnings still waiting for someone. Drills down to the warning list's 未办结 filter for the division.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .models import RiskWarning


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def open_warnings(division_code: str, start: date, end: date) -> IndicatorValue:
    """未办结预警数 at the end of the period, under the division (by residence)."""
    cutoff = _end_of(end)
    count = (
        RiskWarning.objects.filter(
            division_code__startswith=division_prefix(division_code), created_at__lt=cutoff
        )
        .filter(Q(disposed_at__isnull=True) | Q(disposed_at__gte=cutoff))
        .count()
    )
    query = urlencode({"status": "open", "division": division_code})
    return IndicatorValue(Decimal(count), drilldown_url=f"{reverse('monitoring:warning_list')}?{query}")


SOURCES = [
    IndicatorSource(
        "monitoring.open_warnings",
        "未办结预警数",
        "条",
        "month",
        "期末已生成、尚未处置（预警、已分派待核实、已核实待处置）的低收入人口风险预警条数，按居住地区划统计",
        open_warnings,
    )
]
