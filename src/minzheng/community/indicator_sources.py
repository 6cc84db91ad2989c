"""基层治理 figures offered to plan monitoring (protocol: ``minzheng.core.indicator_sources``), each for a division
and everything under it, with a drill-down: 每百户居民拥有的城乡社区综合服务设施建筑面积 (> 30 m², the seed plans),
每万名城镇常住人口拥有社区工作者 (18), 村（居）委会换届选举成功率, 村务公开按时公开率.

Households and population are the committees' current figures (the committees keep no history of them); the
centres' floor area and the workers count as at the period's end."""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .rules.facilities import area_per_100_households, percentage, workers_per_10k
from .selectors import figures


def _url(name: str, **query) -> str:
    return f"{reverse(name)}?{urlencode(query)}"


def _area_value(division_code: str, area: Decimal, households: int) -> IndicatorValue:
    return IndicatorValue(
        area_per_100_households(area, households), area, Decimal(households),
        _url("community:facility_list", division_code=division_code),
        "分子为期末在用社区综合服务设施建筑面积（平方米），分母为村（居）委会户数；值为每百户面积",
    )  # fmt: skip


def _area(division_code: str, start: date, end: date) -> IndicatorValue:
    prefix = division_prefix(division_code)
    area, households = figures.facility_area([prefix], [end])[prefix, end]
    return _area_value(division_code, area, households)


def _area_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    ends = [end for _, end in periods]
    found = figures.facility_area([prefix], ends)
    return [_area_value(division_code, *found[prefix, end]) for end in ends]


def _area_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    found = figures.facility_area(prefixes, [end])
    return [_area_value(code, *found[p, end]) for code, p in zip(division_codes, prefixes, strict=True)]


def _workers_value(division_code: str, workers: int, residents: int) -> IndicatorValue:
    return IndicatorValue(
        workers_per_10k(workers, residents), Decimal(workers), Decimal(residents),
        _url("community:worker_list", division_code=division_code),
        "分子为期末在岗社区工作者人数，分母为居民委员会常住人口；值为每万人",
    )  # fmt: skip


def _workers(division_code: str, start: date, end: date) -> IndicatorValue:
    prefix = division_prefix(division_code)
    return _workers_value(division_code, *figures.workers_and_urban_residents([prefix], [end])[prefix, end])


def _workers_series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
    prefix = division_prefix(division_code)
    ends = [end for _, end in periods]
    found = figures.workers_and_urban_residents([prefix], ends)
    return [_workers_value(division_code, *found[prefix, end]) for end in ends]


def _workers_divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
    prefixes = [division_prefix(code) for code in division_codes]
    found = figures.workers_and_urban_residents(prefixes, [end])
    return [_workers_value(code, *found[p, end]) for code, p in zip(division_codes, prefixes, strict=True)]


def _elections(division_code: str, start: date, end: date) -> IndicatorValue:
    valid, held = figures.election_success(division_code, start, end)
    return IndicatorValue(
        percentage(valid, held), Decimal(valid), Decimal(held),
        _url("community:round_list", division_code=division_code, year=end.year),
        "选举有效（登记选民过半数投票，村民委员会组织法第十五条）的换届 ÷ 期内举行选举的换届",
    )  # fmt: skip


def _disclosure(division_code: str, start: date, end: date) -> IndicatorValue:
    on_time, due = figures.disclosure_compliance(division_code, start, end, date.today())
    return IndicatorValue(
        percentage(on_time, due), Decimal(on_time), Decimal(due),
        _url("community:disclosure_list", division_code=division_code),
        "期内到期的村务公开事项中，在最迟公开日前公开的比例（第三十条）",
    )  # fmt: skip


SOURCES = [
    IndicatorSource(
        code="community.facility_area_per_100",
        name="每百户居民拥有的城乡社区综合服务设施建筑面积",
        unit="平方米",
        period_type="year",
        definition="期末在用城乡社区综合服务设施建筑面积之和 ÷ 村（居）委会登记户数 × 100",
        compute=_area,
        compute_series=_area_series,
        compute_divisions=_area_divisions,
    ),
    IndicatorSource(
        code="community.workers_per_10k",
        name="每万名城镇常住人口拥有社区工作者",
        unit="人",
        period_type="year",
        definition="期末在岗社区工作者人数 ÷ 居民委员会常住人口 × 10000",
        compute=_workers,
        compute_series=_workers_series,
        compute_divisions=_workers_divisions,
    ),
    IndicatorSource(
        code="community.election_success",
        name="村（居）民委员会换届选举成功率",
        unit="%",
        period_type="year",
        definition="期内选举有效的换届数 ÷ 期内举行选举的换届数 × 100%",
        compute=_elections,
    ),
    IndicatorSource(
        code="community.disclosure_compliance",
        name="村务公开按时公开率",
        unit="%",
        period_type="year",
        definition="期内到期的村务公开事项中按时公开的项数 ÷ 期内到期的项数 × 100%",
        compute=_disclosure,
    ),
]
