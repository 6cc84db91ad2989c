"""公墓 and 墓位 rules: who approves a cemetery, plot-area limits, the use cycle, 寿穴, village cemeteries.

Sources: 《殡葬管理条例》(1997, rev. 2012) Art 8 — 公墓 reviewed by the county/city 民政 and approved by the
provincial 民政; Art 9 — 农村公益性墓地 reviewed by the township and approved by the county 民政, for the villagers
of that village only; 民事发〔1998〕10号 point 4 — ashes plots (single or double) ≤ 1 m², body plots (土葬改革区)
single ≤ 4 m² and double ≤ 6 m², a use cycle of 20 years, no 寿穴 sold in advance except for the surviving spouse
of one already buried (夫妻合葬). The limits and the cycle arrive as arguments (dated per-division data).
"""

from datetime import date
from decimal import Decimal

COMMERCIAL = "commercial"  # 经营性公墓
PUBLIC = "public"  # 城市公益性公墓
VILLAGE = "village"  # 农村（村级）公益性墓地

PROVINCE = "province"
COUNTY = "county"

SINGLE_ASHES = "single_ashes"
DOUBLE_ASHES = "double_ashes"
SINGLE_BODY = "single_body"
DOUBLE_BODY = "double_body"
ECO = "eco"  # 树葬、草坪葬等节地生态葬位

DOUBLE_KINDS = frozenset({DOUBLE_ASHES, DOUBLE_BODY})


def approving_level(kind: str) -> str:
    """殡葬管理条例 Arts 8–9: 公墓 by the provincial 民政, village public cemeteries by the county 民政."""
    return COUNTY if kind == VILLAGE else PROVINCE


def area_problem(area: Decimal | float | None, limit: Decimal | float | None) -> str:
    """Empty when ``area`` (m²) is within ``limit`` (no limit in force: only a positive area is required)."""
    if area is None or area <= 0:
        return "墓位面积应大于0平方米"
    if limit is not None and area > limit:
        return f"墓位面积{area}平方米超过规定上限{limit}平方米"
    return ""


def cycle_end(start: date, years: int) -> date:
    """The day the use cycle ends (the anniversary; 29 February falls back to 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def may_reserve_for_living(plot_kind: str, occupants_deceased: int) -> bool:
    """寿穴: a plot for a living person only as the second place of a double plot whose first is buried."""
    return plot_kind in DOUBLE_KINDS and occupants_deceased == 1


def villager_may_be_buried(cemetery_division: str, residence_division: str, hukou_division: str) -> bool:
    """A village cemetery serves the villagers of its village (by 户籍 or residence in that village)."""
    return cemetery_division in {residence_division, hukou_division}
