"""殡葬 figures offered to plan monitoring and 民政报表 (protocol: ``minzheng.core.indicator_sources``)."""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue

from .selectors.figures import death_count, waived_orders


def _deaths(division_code: str, start: date, end: date) -> IndicatorValue:
    query = urlencode(
        {"division_code": division_code, "died_from": start.isoformat(), "died_to": end.isoformat()}
    )
    return IndicatorValue(
        value=Decimal(death_count(division_code, start, end)),
        drilldown_url=f"{reverse('funeral:death_list')}?{query}",
    )


def _waived(division_code: str, start: date, end: date) -> IndicatorValue:
    orders, _ = waived_orders(division_code, start, end)
    query = urlencode({"division_code": division_code, "waived_only": "on"})
    return IndicatorValue(value=Decimal(orders), drilldown_url=f"{reverse('funeral:order_list')}?{query}")


def _waived_amount(division_code: str, start: date, end: date) -> IndicatorValue:
    _, amount = waived_orders(division_code, start, end)
    return IndicatorValue(value=(amount / Decimal(10000)).quantize(Decimal("0.0001")))


SOURCES = [
    IndicatorSource(
        "funeral.deaths", "死亡登记人数", "人", "month",
        "期内死亡日期落在本区划（逝者居住地或无名尸体发现地）的《居民死亡医学证明》登记数", _deaths,
    ),
    IndicatorSource(
        "funeral.waived_orders", "惠民殡葬减免人次", "人次", "month",
        "期内受理、基本殡葬服务费用获减免的殡葬服务订单数（殡仪馆所在区划）", _waived,
    ),
    IndicatorSource(
        "funeral.waived_amount", "惠民殡葬减免金额", "万元", "month",
        "期内受理的殡葬服务订单减免金额合计（殡仪馆所在区划）", _waived_amount,
    ),
]  # fmt: skip
