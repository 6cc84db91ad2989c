"""村(居)委会 composition: member counts, a woman on a village committee, 居委会 size, close relatives on the
村务监督委员会.

村民委员会组织法 (2018) 第六条: 村民委员会由主任、副主任和委员共三至七人组成 … 村民委员会成员中，应当有妇女成员.
城市居民委员会组织法 (2018) 第六条: 一般在一百户至七百户的范围内设立居民委员会; 第七条: 居民委员会由主任、副主任和
委员共五至九人组成. 村民委员会组织法 第三十二条: 村民委员会成员及其近亲属不得担任村务监督机构成员.
"""

from dataclasses import dataclass

VILLAGE = "village"
RESIDENTS = "residents"
FEMALE = "2"

# 民法典 第一千零四十五条: 配偶、父母、子女、兄弟姐妹、祖父母、外祖父母、孙子女、外孙子女为近亲属.
CLOSE_RELATIONS = ("spouse", "parent", "child", "sibling", "grandparent", "grandchild")


@dataclass(frozen=True)
class CompositionLimits:
    village_min: int
    village_max: int
    residents_min: int
    residents_max: int
    residents_households_min: int
    residents_households_max: int


@dataclass(frozen=True)
class MemberFacts:
    sex: str  # GB/T 2261.1: 1 男, 2 女
    role: str


def member_range(kind: str, limits: CompositionLimits) -> tuple[int, int]:
    if kind == VILLAGE:
        return limits.village_min, limits.village_max
    return limits.residents_min, limits.residents_max


def composition_problems(kind: str, members: list[MemberFacts], limits: CompositionLimits) -> list[str]:
    """What the law finds wrong with a committee's sitting members (村委会组织法第六条, 居委会组织法第七条)."""
    low, high = member_range(kind, limits)
    problems = []
    if not low <= len(members) <= high:
        problems.append(f"成员应为{low}至{high}人，现有{len(members)}人")
    if kind == VILLAGE and members and not any(m.sex == FEMALE for m in members):
        problems.append("村民委员会成员中应当有妇女成员（村民委员会组织法第六条）")
    if members and sum(1 for m in members if m.role == "director") != 1:
        problems.append("应有且只有一名主任")
    return problems


def may_add_member(kind: str, sitting: int, limits: CompositionLimits) -> bool:
    """One more member still within the statutory maximum."""
    return sitting + 1 <= member_range(kind, limits)[1]


def size_warning(kind: str, households: int, limits: CompositionLimits) -> str:
    """居委会 outside 100–700 households is a warning, not a refusal (“一般在…范围内”, 居委会组织法第六条)."""
    if kind != RESIDENTS:
        return ""
    low, high = limits.residents_households_min, limits.residents_households_max
    if households < low:
        return f"居民户数{households}户，少于一般设立范围下限{low}户"
    if households > high:
        return f"居民户数{households}户，超过一般设立范围上限{high}户"
    return ""


def close_relative(relation: str) -> bool:
    return relation in CLOSE_RELATIONS
