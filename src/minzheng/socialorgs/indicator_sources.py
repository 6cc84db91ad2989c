"""社会组织 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``).

社会组织 per 万人 needs the 常住人口 of the division, which the platform does not hold (the person registry
covers only those the bureau serves): the count is offered, and planning divides by the population it is given.
"""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .rules import socialwork as sw_rules
from .rules.volunteering import coverage_percent
from .selectors import indicators
from .selectors import socialwork as sw
from .selectors.volunteering import station_counts


def _registered(division_code: str, start: date, end: date) -> IndicatorValue:
    n = indicators.registered_count(division_code, end)
    query = urlencode({"division_code": division_code})
    return IndicatorValue(
        value=Decimal(n),
        numerator=Decimal(n),
        drilldown_url=f"{reverse('socialorgs:organisation_list')}?{query}",
        note=f"截至{end:%Y-%m-%d}登记在册（未注销、未撤销）",
    )


def _staff(division_code: str, start: date, end: date) -> IndicatorValue:
    total, reports = indicators.full_time_staff(division_code, end.year - 1)
    query = urlencode({"year": end.year - 1})
    return IndicatorValue(
        value=Decimal(total) if reports else None,
        numerator=Decimal(total),
        denominator=Decimal(reports),
        drilldown_url=f"{reverse('socialorgs:report_list')}?{query}",
        note=f"{end.year - 1}年度报告{reports}份填报的专职工作人员之和",
    )


def _station_value(division_code: str, counts: tuple[int, int]) -> IndicatorValue:
    with_station, communities = counts
    return IndicatorValue(
        value=coverage_percent(with_station, communities),
        numerator=Decimal(with_station),
        denominator=Decimal(communities),
        drilldown_url=f"{reverse('socialorgs:station_list')}?{urlencode({'division_code': division_code})}",
        note="以村（社区）代表其综合服务设施（平台未建设施台账）",
    )


def _stations(division_code: str, start: date, end: date) -> IndicatorValue:
    prefix = division_prefix(division_code)
    return _station_value(division_code, station_counts([prefix], [end])[prefix, end])


def _station_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    counts = station_counts([prefix], [end for _, end in periods])
    return [_station_value(division_code, counts[prefix, end]) for _, end in periods]


def _station_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    counts = station_counts(prefixes, [end])
    return [_station_value(code, counts[p, end]) for code, p in zip(division_codes, prefixes, strict=True)]


# --- 社会工作 ---------------------------------------------------------------------------------------------------
_NOT_IN_USE = "平台尚未登记任何社工站（社会工作台账未启用）"


def _sw_station_values(division_codes: list[str], days: list[date]) -> dict[tuple[str, date], IndicatorValue]:
    prefixes = {code: division_prefix(code) for code in division_codes}
    in_use = sw.stations_recorded()
    counts = sw.station_counts(list(prefixes.values()), days) if in_use else {}
    values = {}
    for code, prefix in prefixes.items():
        drill = f"{reverse('socialorgs:sw_station_list')}?{urlencode({'division_code': code})}"
        for day in days:
            if not in_use:
                values[code, day] = IndicatorValue(value=None, drilldown_url=drill, note=_NOT_IN_USE)
                continue
            covered, townships = counts[prefix, day]
            values[code, day] = IndicatorValue(
                value=sw_rules.coverage_percent(covered, townships), numerator=Decimal(covered),
                denominator=Decimal(townships), drilldown_url=drill,
                note="社工站须运行中且最近一次“六有”核查六项全部具备",
            )  # fmt: skip
    return values


def _sw_stations(division_code: str, start: date, end: date) -> IndicatorValue:
    return _sw_station_values([division_code], [end])[division_code, end]


def _sw_station_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    values = _sw_station_values([division_code], [end for _, end in periods])
    return [values[division_code, end] for _, end in periods]


def _sw_station_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    values = _sw_station_values(division_codes, [end])
    return [values[code, end] for code in division_codes]


def _worker_values(division_codes: list[str], days: list[date]) -> dict[tuple[str, date], IndicatorValue]:
    prefixes = {code: division_prefix(code) for code in division_codes}
    counts = sw.worker_counts(list(prefixes.values()), days)
    values = {}
    for code, prefix in prefixes.items():
        drill = f"{reverse('socialorgs:sw_worker_list')}?{urlencode({'division_code': code})}"
        for day in days:
            if counts is None:
                values[code, day] = IndicatorValue(
                    value=None, drilldown_url=drill, note="平台尚未登记任何社会工作者（社会工作台账未启用）"
                )
                continue
            n = counts[prefix, day]
            values[code, day] = IndicatorValue(
                value=sw_rules.in_ten_thousands(n), numerator=Decimal(n), drilldown_url=drill,
                note=f"期末在本区划工作的持证社会工作者{n}人",
            )  # fmt: skip
    return values


def _workers(division_code: str, start: date, end: date) -> IndicatorValue:
    return _worker_values([division_code], [end])[division_code, end]


def _worker_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    values = _worker_values([division_code], [end for _, end in periods])
    return [values[division_code, end] for _, end in periods]


def _worker_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    values = _worker_values(division_codes, [end])
    return [values[code, end] for code in division_codes]


SOURCES = [
    IndicatorSource(
        code="socialorgs.registered",
        name="社会组织数量",
        unit="家",
        period_type="year",
        definition="期末登记在册的社会团体、社会服务机构和基金会（成立登记日期不晚于期末，期末未注销、未撤销登记），按登记管理机关区划汇总",
        compute=_registered,
    ),
    IndicatorSource(
        code="socialorgs.full_time_staff",
        name="社会组织专职工作人员",
        unit="人",
        period_type="year",
        definition="上一年度报告中填报的专职工作人员数之和（期末在册的社会组织）；未报送年报的组织不计",
        compute=_staff,
    ),
    IndicatorSource(
        code="socialorgs.volunteer_station_coverage",
        name="志愿服务站点在社区综合服务设施中的覆盖率",
        unit="%",
        period_type="year",
        definition="期末设有志愿服务站点（依托社区综合服务设施、未撤销）的村（社区）数 ÷ 村（社区）总数 × 100%",
        compute=_stations,
        compute_series=_station_series,
        compute_divisions=_station_divisions,
    ),
    IndicatorSource(
        code="socialorgs.social_work_station_coverage",
        name="乡镇（街道）社会工作和社会救助服务站覆盖率",
        unit="%",
        period_type="year",
        definition="期末建有社工站（运行中且最近一次核查达到“六有”标准：有场地、有设备、有人员、有服务功能、有工作流程、"
        "有规章制度）的乡镇（街道）数 ÷ 乡镇（街道）总数 × 100%",
        compute=_sw_stations,
        compute_series=_sw_station_series,
        compute_divisions=_sw_station_divisions,
    ),
    IndicatorSource(
        code="socialorgs.social_workers",
        name="社会工作专业人才总量",
        unit="万人",
        period_type="year",
        definition="期末在本区划工作、取得社会工作者职业水平证书（助理社会工作师、社会工作师、高级社会工作师）的人数，以万人计",
        compute=_workers,
        compute_series=_worker_series,
        compute_divisions=_worker_divisions,
    ),
]
