"""资金项目监督 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``)."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .selectors.lottery import open_on, outlet_spans

# A division with no outlet on the register keeps no 福彩 register here (yet): its figure is "no data", not 0
# outlets — a 0 would read as a real count and, for 2020, replace the plan table's baseline.
NOT_KEPT = IndicatorValue(value=None, note="本区划未登记福利彩票销售网点")


def _value(n: int, end: date) -> IndicatorValue:
    return IndicatorValue(
        value=Decimal(n),
        numerator=Decimal(n),
        drilldown_url=reverse("funds:outlet_list"),
        note=f"截至{end:%Y-%m-%d}开设且未关闭的专营、兼营网点和福彩公益驿站",
    )


def _kept(spans, prefix: str) -> bool:
    return any(code.startswith(prefix) for code, _, _ in spans)


def _outlets(division_code: str, start: date, end: date) -> IndicatorValue:
    return _outlets_divisions([division_code], start, end)[0]


def _outlets_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    spans = outlet_spans([division_code])
    prefix = division_prefix(division_code)
    if not _kept(spans, prefix):
        return [NOT_KEPT for _ in periods]
    return [_value(open_on(spans, prefix, end), end) for _, end in periods]


def _outlets_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    spans = outlet_spans(division_codes)
    prefixes = [division_prefix(code) for code in division_codes]
    return [_value(open_on(spans, p, end), end) if _kept(spans, p) else NOT_KEPT for p in prefixes]


SOURCES = [
    IndicatorSource(
        code="funds.lottery_outlets",
        name="福利彩票销售网点数",
        unit="个",
        period_type="year",
        definition="期末开设且未关闭的福利彩票销售网点（专营网点、兼营网点、福彩公益驿站），按网点所在区划汇总",
        compute=_outlets,
        compute_series=_outlets_series,
        compute_divisions=_outlets_divisions,
    ),
]
