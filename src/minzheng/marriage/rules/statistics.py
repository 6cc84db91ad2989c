"""婚姻登记统计: age bands, the 跨县 test and ratios — pure.

- 年龄段 of a party on the registration day (周岁, 民法典 第一千零四十七条's counting): bands of the 民政统计
  年报 婚姻登记 table (20–24 … 60 岁以上); below the legal age nobody is registered.
- 跨县办理 (the re-based 跨省通办 indicator, ADR 0029): since 2025-05-10 (婚姻登记条例, 国务院令第804号: 全国
  通办) a couple may register anywhere; a registration counts as 跨县 when **neither** party's 户籍 is in the
  county of the registry (the first six digits of the registry's division code).
"""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

AGE_BANDS: tuple[tuple[int, int | None, str], ...] = (
    (0, 24, "24岁及以下"),
    (25, 29, "25—29岁"),
    (30, 34, "30—34岁"),
    (35, 39, "35—39岁"),
    (40, 49, "40—49岁"),
    (50, 59, "50—59岁"),
    (60, None, "60岁及以上"),
)


def age_band(age: int) -> str:
    """The band label of a 周岁 age (every age falls in exactly one band)."""
    for low, high, label in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return AGE_BANDS[0][2]  # negative ages do not occur; the first band takes them


def is_cross_county(registry_county: str, hukou_codes: Iterable[str]) -> bool:
    """跨县: no party's 户籍 division lies in the registry's county (an unknown 户籍 is not in it)."""
    county = (registry_county or "")[:6]
    return not any(code and code[:6] == county for code in hukou_codes)


def percentage(numerator: int, denominator: int) -> Decimal | None:
    """numerator ÷ denominator × 100, to two decimals; undefined (None) when there is nothing to divide by."""
    if denominator <= 0:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
