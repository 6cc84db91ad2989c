"""Pure rules of the 民政统计报表 forms: how 环比 is computed and how values print (reference:
stat-forms.md §3). No Django."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# 万元 amounts print with 1 decimal; counts (个/人/户/张/件/对/具/人次) as integers.
_DECIMALS = {"万元": 1, "亿元": 2, "元/人·月": 2, "元/人·年": 2, "元/人/月": 2, "元/人/年": 2, "%": 2}


def printed_decimals(unit: str) -> int:
    return _DECIMALS.get(unit, 0)


def rounded(value: Decimal | None, unit: str) -> Decimal | None:
    """The value as the form prints it (half-up; no published value fell on a tie)."""
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-printed_decimals(unit)), rounding=ROUND_HALF_UP)


def ring_ratio(current: Decimal | None, previous: Decimal | None, unit: str) -> Decimal | None:
    """环比 = (数量 − 上期) ÷ 上期 × 100, two decimals, worked from the printed (rounded) values.

    Blank (None) when 上期 is blank or 0, and when 数量 equals 上期 (a zero change prints blank, like every
    zero). 数量 blank with 上期 non-zero never occurs in the published forms; it is left blank too."""
    current, previous = rounded(current, unit), rounded(previous, unit)
    if current is None or previous is None or previous == 0 or current == previous:
        return None
    return ((current - previous) / previous * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_value(value: Decimal | None, unit: str) -> str:
    """Thousands separators; blank for zero or no data, as the forms print them."""
    shown = rounded(value, unit)
    if shown is None or shown == 0:
        return ""
    return f"{shown:,.{printed_decimals(unit)}f}"


def format_ratio(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


def part_violations(rows: list[tuple[str, Decimal | None, list[Decimal | None]]]) -> list[str]:
    """表内审核: a row with sub-rows (其中 parts, stat-forms.md §7: 社会福利 ≥ (1)+(2)+(3), 儿童福利 ≥ A+B …)
    is never smaller than the sum of its parts. ``rows``: (label, value, values of its child rows)."""
    problems = []
    for label, value, parts in rows:
        known = [part for part in parts if part is not None]
        if value is None or not known:
            continue
        if value < sum(known):
            problems.append(
                f"“{label}”（{value.normalize():f}）小于其下各项之和（{sum(known).normalize():f}）"
            )
    return problems
