"""儿童福利 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``), each for a division
and everything under it, with a drill-down to the children (or workforce table) behind it. The plans name
them: 留守儿童委托照护书面协议签订率 100 %, 孤儿/事实无人抚养 保障率 100 %, 乡镇未保工作站覆盖率 50 %, 儿童主任
参训率 100 %, 县级儿童福利机构转型覆盖率 75 % (辽宁) / 65 % (阜新), 孤儿养育标准年均增速 > 6 % (`domain-rules-2.md`
§1.4). Names are the plans' row names (a row is bound when its name ends with the source's name)."""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .rules import workforce as rules
from .selectors import indicators
from .selectors.workforce import institution_counts, overview, station_counts


def _url(name: str, **query) -> str:
    return f"{reverse(name)}?{urlencode(query)}"


def _ratio_value(ratio, url: str, note: str = "") -> IndicatorValue:
    return IndicatorValue(ratio.value, Decimal(ratio.numerator), Decimal(ratio.denominator), url, note)


def _agreement(division_code: str, start: date, end: date) -> IndicatorValue:
    return _ratio_value(
        indicators.care_agreement_rate(division_code, end),
        _url("children:child_list", division_code=division_code, category="left_behind"),
    )


def _coverage(division_code: str, start: date, end: date) -> IndicatorValue:
    return _ratio_value(
        indicators.allowance_coverage(division_code, end),
        _url("children:application_list", division_code=division_code),
    )


def _stations(division_code: str, start: date, end: date) -> IndicatorValue:
    data = overview(division_code, end)
    with_station = sum(r.station for r in data.rows)
    return IndicatorValue(
        data.station_coverage, Decimal(with_station), Decimal(len(data.rows)),
        _url("children:workforce", division_code=division_code),
    )  # fmt: skip


def _station_value(division_code: str, counts: tuple[int, int]) -> IndicatorValue:
    with_station, townships = counts
    return IndicatorValue(
        rules.percentage(with_station, townships), Decimal(with_station), Decimal(townships),
        _url("children:workforce", division_code=division_code),
    )  # fmt: skip


def _station_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    counts = station_counts([prefix], [end for _, end in periods])
    return [_station_value(division_code, counts[prefix, end]) for _, end in periods]


def _station_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    counts = station_counts(prefixes, [end])
    return [
        _station_value(code, counts[prefix, end])
        for code, prefix in zip(division_codes, prefixes, strict=True)
    ]


def _institution_value(division_code: str, counts: tuple[int, int]) -> IndicatorValue:
    done, counties = counts
    return IndicatorValue(
        rules.percentage(done, counties), Decimal(done), Decimal(counties),
        _url("children:institution_list", division_code=division_code),
    )  # fmt: skip


def _institutions(division_code: str, start: date, end: date) -> IndicatorValue:
    prefix = division_prefix(division_code)
    return _institution_value(division_code, institution_counts([prefix], [end])[prefix, end])


def _institution_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    counts = institution_counts([prefix], [end for _, end in periods])
    return [_institution_value(division_code, counts[prefix, end]) for _, end in periods]


def _institution_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    counts = institution_counts(prefixes, [end])
    return [
        _institution_value(code, counts[prefix, end])
        for code, prefix in zip(division_codes, prefixes, strict=True)
    ]


def _trained(division_code: str, start: date, end: date) -> IndicatorValue:
    data = overview(division_code, end)
    return IndicatorValue(
        data.trained_rate, Decimal(data.directors_trained), Decimal(data.directors),
        _url("children:workforce", division_code=division_code), "本年度至少参加一次培训的在任儿童主任",
    )  # fmt: skip


def _growth(kind: str):
    def run(division_code: str, start: date, end: date) -> IndicatorValue:
        growth = indicators.standard_growth(division_code, kind, start, end)
        return IndicatorValue(
            growth.value, growth.end, growth.start, _url("assistance:standard_list"),
            "分子为期末标准、分母为期初标准（元/月，社会救助“保障标准”）；年均增速按复合增长计算",
        )  # fmt: skip

    return run


SOURCES = [
    IndicatorSource(
        code="children.care_agreement_rate",
        name="留守儿童委托照护书面协议签订率",
        unit="%",
        period_type="year",
        definition="期末在档农村留守儿童中，有效委托照护已签订书面协议的人数 ÷ 期末在档农村留守儿童数 × 100%（未保法第二十二、二十三条）",
        compute=_agreement,
    ),
    IndicatorSource(
        code="children.allowance_coverage",
        name="孤儿、事实无人抚养儿童保障率",
        unit="%",
        period_type="year",
        definition="期末认定为孤儿或事实无人抚养儿童且当月在保（基本生活费/补贴已确认发放）的人数 ÷ 期末认定人数 × 100%",
        compute=_coverage,
    ),
    IndicatorSource(
        code="children.station_coverage",
        name="乡镇（街道）未成年人保护工作站覆盖率",
        unit="%",
        period_type="year",
        definition="期末已建未成年人保护工作站的乡镇（街道）数 ÷ 乡镇（街道）总数 × 100%（未保法第八十一条）",
        compute=_stations,
        compute_series=_station_series,
        compute_divisions=_station_divisions,
    ),
    IndicatorSource(
        code="children.institution_transformed_rate",
        name="县级儿童福利机构转型为未成年人救助保护机构覆盖率",
        unit="%",
        period_type="year",
        definition="期末县级儿童福利机构已转型（挂牌）为未成年人救助保护机构的县（市、区）数 ÷ 县（市、区）总数 × 100%（未保法第九十二至九十六条；辽宁、阜新规划指标）",
        compute=_institutions,
        compute_series=_institution_series,
        compute_divisions=_institution_divisions,
    ),
    IndicatorSource(
        code="children.director_trained_rate",
        name="村（居）儿童主任参训率",
        unit="%",
        period_type="year",
        definition="期末在任儿童主任中本年度至少参加一次培训的人数 ÷ 在任儿童主任数 × 100%",
        compute=_trained,
    ),
    IndicatorSource(
        code="children.orphan_standard_growth",
        name="孤儿基本生活养育标准年均增速（散居）",
        unit="%",
        period_type="year",
        definition="（期末散居孤儿基本生活费标准 ÷ 期初标准）^(1/年数) − 1，标准取自社会救助“保障标准”",
        compute=_growth("orphan_scattered"),
    ),
]
