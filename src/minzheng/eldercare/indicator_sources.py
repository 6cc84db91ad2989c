"""养老 indicators offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``).

Each figure is computed from the registry for a division and everything under it; its drill-down page
(``eldercare:indicator_detail``) lists the records behind it for the same division and period.
"""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue

from .selectors import hardship, indicators
from .services.parameters import disabled_from_level


def drilldown_url(code: str, division_code: str, start: date, end: date) -> str:
    query = urlencode({"division": division_code, "start": start.isoformat(), "end": end.isoformat()})
    return f"{reverse('eldercare:indicator_detail', args=[code])}?{query}"


def _value(code: str, ratio, division_code: str, start: date, end: date, note: str = "") -> IndicatorValue:
    return IndicatorValue(
        value=ratio.value,
        numerator=Decimal(ratio.numerator),
        denominator=Decimal(ratio.denominator),
        drilldown_url=drilldown_url(code, division_code, start, end),
        note=note,
    )


def _point_in_time(code: str, compute):
    def run(division_code: str, start: date, end: date) -> IndicatorValue:
        return _value(code, compute(division_code, end), division_code, start, end)

    return run


def _nursing_bed_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    ratios = indicators.nursing_bed_ratios(division_code, [end for _, end in periods])
    return [
        _value("eldercare.nursing_bed_ratio", ratio, division_code, start, end)
        for ratio, (start, end) in zip(ratios, periods, strict=True)
    ]


def _nursing_bed_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    ratios = indicators.nursing_bed_ratios_of_each(division_codes, end)
    return [
        _value("eldercare.nursing_bed_ratio", ratio, code, start, end)
        for ratio, code in zip(ratios, division_codes, strict=True)
    ]


def _visit_rate(division_code: str, start: date, end: date) -> IndicatorValue:
    rate = hardship.visit_rate(division_code, start, end)
    return IndicatorValue(
        value=rate.rate,
        numerator=Decimal(rate.visited),
        denominator=Decimal(rate.due),
        drilldown_url=drilldown_url("eldercare.monthly_visit_rate", division_code, start, end),
        note="按月计：在册老人月数中当月至少探访一次的比例",
    )


def _tekun_rate(division_code: str, start: date, end: date) -> IndicatorValue:
    level = disabled_from_level(division_code, end)
    ratio = indicators.tekun_disabled_institutional_rate(division_code, end, level)
    note = f"失能口径：最近一次能力评估为{level.label}及以上；特困身份：社会救助在保特困供养人员，及名册登记为特困者"
    return _value("eldercare.tekun_disabled_institutional_rate", ratio, division_code, start, end, note)


SOURCES = [
    IndicatorSource(
        code="eldercare.nursing_bed_ratio",
        name="养老机构护理型床位占比",
        unit="%",
        period_type="year",
        definition="期末在运营养老机构护理型床位数 ÷ 床位总数 × 100%（养老机构登记信息）",
        compute=_point_in_time("eldercare.nursing_bed_ratio", indicators.nursing_bed_ratio),
        compute_series=_nursing_bed_series,
        compute_divisions=_nursing_bed_divisions,
    ),
    IndicatorSource(
        code="eldercare.township_coverage",
        name="街道（乡镇）综合功能养老服务机构覆盖率",
        unit="%",
        period_type="year",
        definition="期末有区域养老服务中心或具备综合功能养老机构的街道（乡镇）数 ÷ 街道（乡镇）总数 × 100%",
        compute=_point_in_time("eldercare.township_coverage", indicators.township_coverage),
    ),
    IndicatorSource(
        code="eldercare.social_workers_per_thousand_elderly",
        name="每千名老年人社会工作者人数",
        unit="人",
        period_type="year",
        definition="期末养老机构和社区养老服务设施在岗社会工作者人数 ÷ 60周岁及以上户籍登记人口 × 1000",
        compute=_point_in_time(
            "eldercare.social_workers_per_thousand_elderly", indicators.social_workers_per_thousand_elderly
        ),
    ),
    IndicatorSource(
        code="eldercare.social_workers_per_hundred_beds",
        name="每百张养老机构床位社会工作者人数",
        unit="人",
        period_type="year",
        definition="期末养老机构在岗社会工作者人数 ÷ 在运营养老机构床位总数 × 100",
        compute=_point_in_time(
            "eldercare.social_workers_per_hundred_beds", indicators.social_workers_per_hundred_beds
        ),
    ),
    IndicatorSource(
        code="eldercare.monthly_visit_rate",
        name="特殊困难老年人月探访率",
        unit="%",
        period_type="month",
        definition="期内各月当月至少探访一次的在册特殊困难老年人人次 ÷ 各月在册人次 × 100%（探访记录）",
        compute=_visit_rate,
    ),
    IndicatorSource(
        code="eldercare.tekun_disabled_institutional_rate",
        name="特困失能人员集中供养率",
        unit="%",
        period_type="year",
        definition="期末在养老机构入住的失能特困老年人数 ÷ 在册失能特困老年人数 × 100%（名册、能力评估、入住记录）",
        compute=_tekun_rate,
    ),
]
