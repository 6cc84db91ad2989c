"""救助管理 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``)."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .selectors.figures import return_counts, return_counts_by_period


def _value(counts: tuple[int, int]) -> IndicatorValue:
    returned, identified = counts
    if not identified:
        return IndicatorValue(None, Decimal(0), Decimal(0), reverse("rescue:client_list"))
    rate = (Decimal(returned) * 100 / Decimal(identified)).quantize(Decimal("0.1"))
    return IndicatorValue(
        rate, Decimal(returned), Decimal(identified), f"{reverse('rescue:client_list')}?status=returned"
    )


def _rate(division_code: str, start: date, end: date) -> IndicatorValue:
    prefix = division_prefix(division_code)
    return _value(return_counts([prefix], start, end)[prefix])


def _rate_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    counts = return_counts_by_period([prefix], periods)
    return [_value(counts[prefix, start, end]) for start, end in periods]


def _rate_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    counts = return_counts(prefixes, start, end)
    return [_value(counts[prefix]) for prefix in prefixes]


SOURCES = [
    IndicatorSource(
        "rescue.identified_return_rate", "查明身份信息流浪乞讨受助人员接送返回率", "%", "month",
        "期内离站的查明身份受助人员中接送返回（含亲属领回）的人数 ÷ 期内离站的查明身份受助人员数（接送返回、亲属领回、"
        "转介托养）× 100，按救助站所在区划；死亡、自愿离站和送医不计入", _rate, _rate_series, _rate_divisions,
    ),
]  # fmt: skip
