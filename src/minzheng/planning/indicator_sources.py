"""Figures planning offers itself (``core.indicator_sources`` protocol): 乡级行政区划 by kind, counted from
the division registry — the first rows of both 民政统计报表 forms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue
from minzheng.core.selectors.divisions import township_counts


def _counter(kind: str):
    def compute(division_code: str, start: date, end: date) -> IndicatorValue:
        # The registry holds the current divisions; a past period is counted as the divisions stand today.
        count = township_counts(division_code)[kind]
        return IndicatorValue(Decimal(count), note="按当前行政区划统计")

    return compute


def _subtotal(kinds: tuple[str, ...]):
    def compute(division_code: str, start: date, end: date) -> IndicatorValue:
        counts = township_counts(division_code)
        return IndicatorValue(Decimal(sum(counts[kind] for kind in kinds)), note="按当前行政区划统计")

    return compute


_KINDS = (
    ("town", "镇"),
    ("township", "乡"),
    ("ethnic_township", "民族乡"),
    ("sumu", "苏木"),
    ("ethnic_sumu", "民族苏木"),
    ("subdistrict", "街道"),
    ("district_office", "区公所"),
)

SOURCES = [
    IndicatorSource(
        f"planning.townships_{kind}", f"{label}个数", "个", "month",
        f"辖区内现行乡级行政区划中名称以“{label}”结尾的个数（行政区划库）", _counter(kind),
    )
    for kind, label in _KINDS
] + [
    IndicatorSource(
        "planning.townships_township_subtotal", "乡小计个数", "个", "month",
        "辖区内现行乡、民族乡、苏木、民族苏木的个数之和（2019年季报“2.乡小计”，行政区划库）",
        _subtotal(("township", "ethnic_township", "sumu", "ethnic_sumu")),
    )
]  # fmt: skip
