"""两项补贴 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``).

两项补贴覆盖率 (约束性, 100 %; LN plan …001…yaml:161, DD …000…yaml:276): persons receiving (or with a file in
process for) every subsidy they are eligible for ÷ persons eligible for at least one, from the 残联's
certificate data and 社会救助's 低保 on the period's last day; drill-down to the missing persons."""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .figures import coverage_for, eligible_and_covered


def _coverage(division_code: str, start: date, end: date) -> IndicatorValue:
    return _coverage_value(division_code, end, eligible_and_covered(division_prefix(division_code), end))


def _coverage_value(division_code: str, end: date, counts) -> IndicatorValue:
    covered, eligible, _ = counts
    query = urlencode({"division_code": division_code, "on": end.isoformat()})
    return IndicatorValue(
        value=(Decimal(covered) * 100 / eligible).quantize(Decimal("0.01")) if eligible else None,
        numerator=Decimal(covered),
        denominator=Decimal(eligible),
        drilldown_url=f"{reverse('disability:missing')}?{query}",
        note="" if eligible else "区域内没有符合两项补贴条件的持证残疾人",
    )


def _coverage_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    found = coverage_for([prefix], [end for _, end in periods])
    return [_coverage_value(division_code, end, found[prefix, end]) for _, end in periods]


def _coverage_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    found = coverage_for(prefixes, [end])
    return [
        _coverage_value(code, end, found[prefix, end])
        for code, prefix in zip(division_codes, prefixes, strict=True)
    ]


SOURCES = [
    IndicatorSource(
        "disability.subsidy_coverage", "两项补贴覆盖率", "%", "month",
        "享受（或在办）其符合条件的全部两项补贴的持证残疾人数 ÷ 符合困难残疾人生活补贴或重度残疾人护理补贴条件的持证残疾人数"
        "（残联残疾人证数据、社会救助低保数据，期末当日）",
        _coverage,
        compute_series=_coverage_series,
        compute_divisions=_coverage_divisions,
    ),
]  # fmt: skip
