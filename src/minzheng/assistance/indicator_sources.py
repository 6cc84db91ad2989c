"""Figures of 社会救助 policy offered to plan monitoring and 民政报表 (``core.indicator_sources`` protocol).

The plans' indicator tables open with two 低保 standard indicators — 城乡低保标准年度增速 and
城市和农村低保平均标准比例 (辽宁 and 丹东 tables, rows 1–2; 浑南's text: 城乡最低生活保障标准年均增长不低于7%).
They are computed from the dated 保障标准 through ``services.in_force`` only; the caseload figures
(persons, households, spending) come from ``case_indicator_sources`` and are offered in the same ``SOURCES``.

平均标准 of a division is the mean of the standards in force in its county-level divisions (a county's own
figure, or the city's it inherits) — unweighted, because recipient counts per county are not held yet; the
province's published reference average (``is_reference_average``) is never used, as it is not a paying
standard. Counties with no standard in force are left out and named in the note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.selectors.divisions import descendant_codes

from .case_indicator_sources import SOURCES as CASE_SOURCES
from .models import StandardKind, StandardPeriod
from .services.in_force import StandardInForce, standard_in_force_for_each_day

_COUNTY = 3
_HUNDRED = Decimal(100)
_TWELVE = Decimal(12)


@dataclass(frozen=True)
class _Average:
    urban_monthly: Decimal | None  # 元/人/月
    rural_yearly: Decimal | None  # 元/人/年, as 农村 standards are published
    counted: int
    missing: int


def _mean(values: list[Decimal]) -> Decimal | None:
    return sum(values) / len(values) if values else None


class _Averages:
    """The average standards of one division on any day: its counties and every published version read once
    (three queries), each day's average worked out in memory — a series of years costs no more than one."""

    def __init__(self, division_code: str, days: list[date]):
        self.division_code = division_code
        counties = descendant_codes(division_code, _COUNTY) or [division_code]
        wanted = sorted({*days, *(_year_before(day) for day in days)})
        pairs = [(StandardKind.DIBAO, "urban"), (StandardKind.DIBAO, "rural")]
        self._found = standard_in_force_for_each_day(counties, pairs, wanted)

    def on(self, day: date) -> _Average:
        urban = self._found[(StandardKind.DIBAO, "urban", day)]
        rural = self._found[(StandardKind.DIBAO, "rural", day)]
        urban_values = [_per_month(s) for s in urban.values() if s is not None]
        rural_values = [_per_year(s) for s in rural.values() if s is not None]
        counted = sum(1 for code in urban if urban[code] is not None or rural[code] is not None)
        return _Average(_mean(urban_values), _mean(rural_values), counted, len(urban) - counted)


def _per_month(standard: StandardInForce) -> Decimal:
    return standard.amount / _TWELVE if standard.period == StandardPeriod.PER_YEAR else standard.amount


def _per_year(standard: StandardInForce) -> Decimal:
    return standard.amount if standard.period == StandardPeriod.PER_YEAR else standard.amount * _TWELVE


_PROGRAMS = {"urban": "dibao_urban", "rural": "dibao_rural", "both": "dibao_urban,dibao_rural"}


def _drilldown(division_code: str, day: date, area: str) -> str:
    """The records behind a 低保 figure: the enrolments (保障对象) of the program(s) paid under the division in
    the month of the figure — the cases the standard is paid to, not the standards page."""
    query = urlencode({"program": _PROGRAMS[area], "division": division_code, "month": f"{day:%Y-%m}"})
    return f"{reverse('assistance:enrolment_list')}?{query}"


def _note(average: _Average) -> str:
    note = f"按{average.counted}个县级区划的现行标准平均（未加权）"
    return note + (f"，{average.missing}个县级区划未设置低保标准" if average.missing else "")


def _urban_standard(averages: _Averages, end: date) -> IndicatorValue:
    """城市低保平均标准 (元/人/月) at the end of the period."""
    average = averages.on(end)
    return IndicatorValue(
        average.urban_monthly,
        drilldown_url=_drilldown(averages.division_code, end, "urban"),
        note=_note(average),
    )


def _rural_standard(averages: _Averages, end: date) -> IndicatorValue:
    """农村低保平均标准 (元/人/年) at the end of the period."""
    average = averages.on(end)
    return IndicatorValue(
        average.rural_yearly,
        drilldown_url=_drilldown(averages.division_code, end, "rural"),
        note=_note(average),
    )


def _urban_rural_ratio(averages: _Averages, end: date) -> IndicatorValue:
    """城市和农村低保平均标准比例 (倍数) = 城市平均标准 × 12 ÷ 农村平均标准 (元/人/年)."""
    average = averages.on(end)
    urban_yearly = None if average.urban_monthly is None else average.urban_monthly * _TWELVE
    rural_yearly = average.rural_yearly
    value = urban_yearly / rural_yearly if urban_yearly is not None and rural_yearly else None
    return IndicatorValue(
        value, urban_yearly, rural_yearly, _drilldown(averages.division_code, end, "both"), _note(average)
    )


def _rural_share_of_urban(averages: _Averages, end: date) -> IndicatorValue:
    """农村低保标准占城市比例 (%) = 农村平均标准 ÷ (城市平均标准 × 12) × 100."""
    ratio = _urban_rural_ratio(averages, end)
    value = _HUNDRED / ratio.value if ratio.value else None
    return IndicatorValue(value, ratio.denominator, ratio.numerator, ratio.drilldown_url, ratio.note)


def _growth(averages: _Averages, end: date, area: str) -> IndicatorValue:
    now, before = averages.on(end), averages.on(_year_before(end))
    current = now.urban_monthly if area == "urban" else now.rural_yearly
    previous = before.urban_monthly if area == "urban" else before.rural_yearly
    value = (current - previous) / previous * _HUNDRED if current is not None and previous else None
    note = f"{_note(now)}；与上年同日（{_year_before(end):%Y-%m-%d}）的平均标准比较"
    return IndicatorValue(value, current, previous, _drilldown(averages.division_code, end, area), note)


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _urban_growth(averages: _Averages, end: date) -> IndicatorValue:
    """城市低保标准年度增速 (%): the average standard at the period's end against a year earlier."""
    return _growth(averages, end, "urban")


def _rural_growth(averages: _Averages, end: date) -> IndicatorValue:
    """农村低保标准年度增速 (%)."""
    return _growth(averages, end, "rural")


def _urban_and_rural_growth(averages: _Averages, end: date) -> IndicatorValue:
    """城乡低保标准年度增速 (%): the lower of the 城市 and 农村 growth rates — the plans' target is a floor
    (不低于…), so both standards must keep up for the indicator to be met."""
    urban, rural = _growth(averages, end, "urban"), _growth(averages, end, "rural")
    drilldown = _drilldown(averages.division_code, end, "both")
    known = [growth for growth in (urban, rural) if growth.value is not None]
    if len(known) < 2:
        return IndicatorValue(None, drilldown_url=drilldown, note="城市或农村低保标准缺少本年或上年数据")
    lower = min(known, key=lambda growth: growth.value)
    note = f"城市 {urban.value:.2f}%，农村 {rural.value:.2f}%，取较低者；{urban.note}"
    return IndicatorValue(lower.value, lower.numerator, lower.denominator, drilldown, note)


def _one_and_series(figure):
    """``compute`` for one period and ``compute_series`` for many, both from one ``_Averages``."""

    def compute(division_code: str, start: date, end: date) -> IndicatorValue:
        return figure(_Averages(division_code, [end]), end)

    def series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
        averages = _Averages(division_code, [end for _, end in periods])
        return [figure(averages, end) for _, end in periods]

    return compute, series


urban_standard, _urban_standard_series = _one_and_series(_urban_standard)
rural_standard, _rural_standard_series = _one_and_series(_rural_standard)
urban_rural_ratio, _urban_rural_ratio_series = _one_and_series(_urban_rural_ratio)
rural_share_of_urban, _rural_share_series = _one_and_series(_rural_share_of_urban)
urban_growth, _urban_growth_series = _one_and_series(_urban_growth)
rural_growth, _rural_growth_series = _one_and_series(_rural_growth)
urban_and_rural_growth, _growth_series = _one_and_series(_urban_and_rural_growth)


_MONTHLY_DEFINITION = "各县级区划期末现行低保标准（本级或继承上级）的算术平均"
STANDARD_SOURCES = [
    IndicatorSource(
        "assistance.dibao_standard_growth",
        "城乡低保标准年度增速",
        "%",
        "year",
        "（期末城乡低保平均标准 − 上年同日平均标准）÷ 上年同日平均标准 × 100，城市、农村分别计算后取较低者；"
        + _MONTHLY_DEFINITION,
        urban_and_rural_growth,
        _growth_series,
    ),
    IndicatorSource(
        "assistance.dibao_urban_standard_growth",
        "城市低保标准年度增速",
        "%",
        "year",
        "（期末城市低保平均标准 − 上年同日平均标准）÷ 上年同日平均标准 × 100",
        urban_growth,
        _urban_growth_series,
    ),
    IndicatorSource(
        "assistance.dibao_rural_standard_growth",
        "农村低保标准年度增速",
        "%",
        "year",
        "（期末农村低保平均标准 − 上年同日平均标准）÷ 上年同日平均标准 × 100",
        rural_growth,
        _rural_growth_series,
    ),
    IndicatorSource(
        "assistance.dibao_urban_rural_ratio",
        "城市和农村低保平均标准比例",
        "倍数",
        "month",
        "城市低保平均标准（元/人/月）× 12 ÷ 农村低保平均标准（元/人/年）；" + _MONTHLY_DEFINITION,
        urban_rural_ratio,
        _urban_rural_ratio_series,
    ),
    IndicatorSource(
        "assistance.dibao_rural_share_of_urban",
        "农村低保标准占城市比例",
        "%",
        "month",
        "农村低保平均标准（元/人/年）÷（城市低保平均标准 × 12）× 100",
        rural_share_of_urban,
        _rural_share_series,
    ),
    IndicatorSource(
        "assistance.dibao_urban_standard_average",
        "城市低保平均标准",
        "元/人/月",
        "month",
        _MONTHLY_DEFINITION + "（城市）",
        urban_standard,
        _urban_standard_series,
    ),
    IndicatorSource(
        "assistance.dibao_rural_standard_average",
        "农村低保平均标准",
        "元/人/年",
        "month",
        _MONTHLY_DEFINITION + "（农村，元/人/年）",
        rural_standard,
        _rural_standard_series,
    ),
]

# What planning's autodiscovery collects: the policy figures above and the caseload figures
# (persons, households, spending from enrolments) kept in their own module.
SOURCES = [*STANDARD_SOURCES, *CASE_SOURCES]
