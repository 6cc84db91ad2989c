"""资金项目监督 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``)."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue

from .selectors.lottery import open_outlets


def _outlets(division_code: str, start: date, end: date) -> IndicatorValue:
    n = open_outlets(division_code, end)
    return IndicatorValue(
        value=Decimal(n),
        numerator=Decimal(n),
        drilldown_url=reverse("funds:outlet_list"),
        note=f"截至{end:%Y-%m-%d}开设且未关闭的专营、兼营网点和福彩公益驿站",
    )


SOURCES = [
    IndicatorSource(
        code="funds.lottery_outlets",
        name="福利彩票销售网点数",
        unit="个",
        period_type="year",
        definition="期末开设且未关闭的福利彩票销售网点（专营网点、兼营网点、福彩公益驿站），按网点所在区划汇总",
        compute=_outlets,
    ),
]
