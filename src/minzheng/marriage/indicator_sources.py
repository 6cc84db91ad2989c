"""婚姻登记 figures offered to plan monitoring and the 民政统计 forms (protocol: ``minzheng.core.indicator_sources``),
each for a division and everything under it, with a drill-down to the records behind it.

The plans name 婚姻家庭辅导室（婚姻家庭纠纷调解室）在县级以上婚姻登记机关覆盖率 (辽宁 80 %, 丹东 100 %) and
婚姻登记档案电子化 (阜新: 全部电子化); their rows bind to the first two sources by name. The plans'
婚姻登记“跨省通办”实施率 counts registries offering the service — since 2025-05-10 every registry does (全国通办),
so the platform offers the re-based figure instead, the share of registrations where neither party's 户籍 is in
the registry's county, under its own name (ADR 0029): it is not bound to the 100 % row by itself.
"""

from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from django.urls import reverse

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.jurisdiction import division_prefix

from .rules.statistics import percentage
from .selectors import statistics as stats


def _url(name: str, **query) -> str:
    return f"{reverse(name)}?{urlencode(query)}" if query else reverse(name)


def _ratio(counts: tuple[int, int], url: str, note: str = "") -> IndicatorValue:
    numerator, denominator = counts
    return IndicatorValue(
        percentage(numerator, denominator), Decimal(numerator), Decimal(denominator), url, note
    )


def _batched(counter, url_name: str, note: str = ""):
    """compute, compute_series and compute_divisions of a ratio read in one batch (ADR 0021)."""

    def one(division_code: str, start: date, end: date) -> IndicatorValue:
        prefix = division_prefix(division_code)
        return _ratio(counter([prefix], [end])[prefix, end], _url(url_name), note)

    def series(division_code: str, periods: list[tuple[date, date]]) -> list[IndicatorValue]:
        prefix = division_prefix(division_code)
        counts = counter([prefix], [end for _, end in periods])
        return [_ratio(counts[prefix, end], _url(url_name), note) for _, end in periods]

    def divisions(division_codes: list[str], start: date, end: date) -> list[IndicatorValue]:
        prefixes = [division_prefix(code) for code in division_codes]
        counts = counter(prefixes, [end])
        return [_ratio(counts[prefix, end], _url(url_name), note) for prefix in prefixes]

    return one, series, divisions


_rooms, _rooms_series, _rooms_divisions = _batched(stats.counselling_coverage, "marriage:registry_list")
_archive, _archive_series, _archive_divisions = _batched(
    stats.digitised_counts, "marriage:archive_search", "有扫描档案材料的婚姻登记记录（含历史补录）"
)


def _figures(division_code: str, start: date, end: date) -> stats.Figures:
    return stats.figures_between(division_prefix(division_code), start, end)


def _statistics_url(end: date) -> str:
    return _url("marriage:statistics", year=end.year)


def _count(attribute: str):
    def run(division_code: str, start: date, end: date) -> IndicatorValue:
        n = getattr(_figures(division_code, start, end), attribute)
        return IndicatorValue(Decimal(n), Decimal(n), None, _statistics_url(end))

    return run


def _cross_county(division_code: str, start: date, end: date) -> IndicatorValue:
    figures = _figures(division_code, start, end)
    return _ratio((figures.cross_county, figures.marriages), _statistics_url(end))


SOURCES = [
    IndicatorSource(
        code="marriage.counselling_room_coverage",
        name="婚姻家庭辅导室（婚姻家庭纠纷调解室）在县级以上婚姻登记机关覆盖率",
        unit="%",
        period_type="year",
        definition="期末设有在用婚姻家庭辅导室的县级以上（县级、省级）在用婚姻登记机关数 ÷ 期末县级以上在用婚姻登记机关数 × 100%（婚姻登记条例 2025：婚姻家庭辅导服务）",
        compute=_rooms,
        compute_series=_rooms_series,
        compute_divisions=_rooms_divisions,
    ),
    IndicatorSource(
        code="marriage.archive_digitisation_rate",
        name="婚姻登记档案电子化率",
        unit="%",
        period_type="year",
        definition="期末已上传扫描档案材料的婚姻登记记录数 ÷ 期末婚姻登记记录总数（含历史档案补录）× 100%（MZ/T 113-2018）",
        compute=_archive,
        compute_series=_archive_series,
        compute_divisions=_archive_divisions,
    ),
    IndicatorSource(
        code="marriage.cross_county_share",
        name="婚姻登记跨县（异地）办理占比",
        unit="%",
        period_type="month",
        definition="期内结婚登记中双方户籍均不在登记机关所在县（区）的对数 ÷ 期内结婚登记对数 × 100%；户籍取人口库户籍地，人口库无记录的取公民身份号码前六位，港澳台和外国当事人计为非本县（全国通办后的“跨省通办”口径，ADR 0029）",
        compute=_cross_county,
    ),
    IndicatorSource(
        code="marriage.marriages_registered",
        name="结婚登记对数",
        unit="对",
        period_type="month",
        definition="期内办理结婚登记的对数（不含历史档案补录）",
        compute=_count("marriages"),
    ),
    IndicatorSource(
        code="marriage.foreign_marriages_registered",
        name="涉外及港澳台结婚登记对数",
        unit="对",
        period_type="month",
        definition="期内结婚登记中至少一方持护照或港澳台居民往来证件的对数",
        compute=_count("foreign"),
    ),
    IndicatorSource(
        code="marriage.divorces_registered",
        name="离婚登记对数",
        unit="对",
        period_type="month",
        definition="期内办结离婚登记（发给离婚证）的对数；不含法院判决、调解离婚",
        compute=_count("divorces"),
    ),
]
