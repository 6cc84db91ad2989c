"""殡葬 figures offered to plan monitoring and 民政报表 (protocol: ``minzheng.core.indicator_sources``)."""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .rules.eco import percentage
from .selectors.figures import death_count, eco_burial_counts, public_cemetery_coverage, waived_orders


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


def _eco_value(counts: tuple[int, int]) -> IndicatorValue:
    eco, total = counts
    return IndicatorValue(
        percentage(eco, total), Decimal(eco), Decimal(total), f"{reverse('funeral:eco_list')}"
    )


def _eco(division_code: str, start: date, end: date) -> IndicatorValue:
    return _eco_series(division_code, [(start, end)])[0]


def _eco_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    counts = eco_burial_counts([prefix], periods)
    return [_eco_value(counts[prefix, period]) for period in periods]


def _eco_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    counts = eco_burial_counts(prefixes, [(start, end)])
    return [_eco_value(counts[prefix, (start, end)]) for prefix in prefixes]


def _coverage_value(counts: tuple[int, int]) -> IndicatorValue:
    covered, counties = counts
    return IndicatorValue(
        percentage(covered, counties), Decimal(covered), Decimal(counties), reverse("funeral:cemetery_list")
    )


def _coverage(division_code: str, start: date, end: date) -> IndicatorValue:
    return _coverage_series(division_code, [(start, end)])[0]


def _coverage_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    counts = public_cemetery_coverage([prefix], [end for _, end in periods])
    return [_coverage_value(counts[prefix, end]) for _, end in periods]


def _coverage_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    counts = public_cemetery_coverage(prefixes, [end])
    return [_coverage_value(counts[prefix, end]) for prefix in prefixes]


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
    IndicatorSource(
        "funeral.eco_burial_rate", "节地生态安葬率", "%", "month",
        "期内节地生态安葬数（树葬、花坛草坪葬、海葬、深埋、撒散、格位存放）÷ 期内安葬总数（节地生态安葬数 + 普通墓位首次安葬数）"
        "× 100，均按逝者居住地区划", _eco, _eco_series, _eco_divisions,
    ),
    IndicatorSource(
        "funeral.county_public_burial_coverage", "县级公益性安葬（放）设施覆盖率", "%", "year",
        "期末建有经批准的公益性公墓（城市公益性公墓或农村公益性墓地）的县级区划数 ÷ 县级区划数 × 100",
        _coverage, _coverage_series, _coverage_divisions,
    ),
]  # fmt: skip
