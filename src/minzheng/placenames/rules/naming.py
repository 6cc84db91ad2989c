"""Naming rules of 《地名管理条例》(国务院令第753号, 2022) and its 实施办法 (民政部令第71号, 2024), pure.

- 第三条: the eight categories of place names.
- 第九条: a name is 专名 + 通名; it must not repeat or sound like another name within the scope the article
  sets — 县级以上行政区划 nationwide, 乡（镇）within the province, 村（居）民委员会所在地 within the county
  (县级行政区), 街路巷 and 具有重要地理方位意义的住宅区、楼宇 within one 建成区 (built-up area); generally no
  persons' names (实施办法: aliases and fictional characters count as persons' names), never leaders', no
  foreign names, no company or brand names.
- 第十二条: who approves; 第十三条/第十四条: 备案 and 公告 within 15 days.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .pinyin import reading


class Category(StrEnum):
    """第三条 (1)–(8)."""

    NATURAL = "1"
    DIVISION = "2"
    COMMITTEE_SEAT = "3"
    PARK = "4"
    STREET = "5"
    ESTATE = "6"
    FACILITY = "7"
    OTHER = "8"


CATEGORY_LABELS = {
    Category.NATURAL: "自然地理实体名称",
    Category.DIVISION: "行政区划名称",
    Category.COMMITTEE_SEAT: "村民委员会、居民委员会所在地名称",
    Category.PARK: "城市公园、自然保护地名称",
    Category.STREET: "街路巷名称",
    Category.ESTATE: "具有重要地理方位意义的住宅区、楼宇名称",
    Category.FACILITY: "具有重要地理方位意义的交通运输、水利、电力、通信、气象等设施名称",
    Category.OTHER: "其他具有重要地理方位意义的地理实体名称",
}


class ScopeKind(StrEnum):
    NATION = "nation"
    PROVINCE = "province"
    COUNTY = "county"
    BUILT_UP_AREA = "built_up_area"


SCOPE_LABELS = {
    ScopeKind.NATION: "全国范围",
    ScopeKind.PROVINCE: "本省（自治区、直辖市）范围",
    ScopeKind.COUNTY: "本县级行政区范围",
    ScopeKind.BUILT_UP_AREA: "同一城镇建成区范围",
}


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    key: str  # a division-code prefix ('' = nation) or a built-up area's name
    statutory: bool  # False: 第九条 sets no scope for the category; the county is checked as a courtesy

    @property
    def label(self) -> str:
        return SCOPE_LABELS[self.kind] + ("" if self.statutory else "（条例未规定范围，参照县级范围提示）")


def check_scope(
    category: Category, division_code: str, *, division_level: int = 0, built_up_area: str = ""
) -> Scope:
    """第九条 scope of the duplicate/homophone check. ``division_code`` is where the named thing lies (12
    digits); ``division_level`` is the level of a 行政区划 being named (3 county … 4 township); a street or
    estate outside any declared 建成区 is checked within its county (and said so)."""
    province, county = division_code[:2], division_code[:6]
    if category == Category.DIVISION:
        if division_level and division_level <= 3:
            return Scope(ScopeKind.NATION, "", True)
        if division_level == 4:
            return Scope(ScopeKind.PROVINCE, province, True)
        return Scope(ScopeKind.COUNTY, county, True)
    if category == Category.COMMITTEE_SEAT:
        return Scope(ScopeKind.COUNTY, county, True)
    if category in (Category.STREET, Category.ESTATE):
        if built_up_area:
            return Scope(ScopeKind.BUILT_UP_AREA, built_up_area, True)
        return Scope(ScopeKind.COUNTY, county, False)
    return Scope(ScopeKind.COUNTY, county, False)


@dataclass(frozen=True)
class ExistingName:
    """A name already in force within the scope (approved, not renamed or abolished)."""

    key: str  # the record's id, for the warning's link
    specific: str
    generic: str
    category: str
    division_code: str


class Clash(StrEnum):
    SAME_NAME = "same_name"  # 专名 and 通名 equal: 重名
    SAME_SPECIFIC = "same_specific"  # 专名 equal, 通名 differs (胜利路 / 胜利街)
    HOMOPHONE = "homophone"  # the same tone-aware reading, other characters: 同音


CLASH_LABELS = {
    Clash.SAME_NAME: "重名",
    Clash.SAME_SPECIFIC: "专名相同",
    Clash.HOMOPHONE: "同音",
}


@dataclass(frozen=True)
class Finding:
    clash: Clash
    other: ExistingName

    @property
    def message(self) -> str:
        return f"与“{self.other.specific}{self.other.generic}”{CLASH_LABELS[self.clash]}"


def same_kind(a: str, b: str) -> bool:
    """Streets and estates are compared with each other (one 建成区's 街路巷/住宅区 names), other categories
    within themselves."""
    group = {Category.STREET.value, Category.ESTATE.value}
    return a == b or (a in group and b in group)


def clashes(specific: str, generic: str, category: str, existing: list[ExistingName]) -> list[Finding]:
    """第九条: names within the scope (the caller selected ``existing`` by ``check_scope``) that repeat the
    proposed name or sound exactly like it — tones count: 东港 and 冬港 (dōng gǎng) are homophones, 东港 and
    东钢 (dōng gāng) are not. A character missing from the reading table makes the reading incomplete: no homophone
    is claimed on it (the caller says the reading could not be checked)."""
    mine = reading(specific)
    found = []
    for other in existing:
        if not same_kind(category, other.category):
            continue
        if other.specific == specific:
            found.append(Finding(Clash.SAME_NAME if other.generic == generic else Clash.SAME_SPECIFIC, other))
            continue
        theirs = reading(other.specific)
        if mine.complete and theirs.complete and mine.syllables and mine.key == theirs.key:
            found.append(Finding(Clash.HOMOPHONE, other))
    return found


@dataclass(frozen=True)
class BannedTerm:
    term: str
    kind: str  # 人名 / 外国地名人名 / 企业字号商标 / 夸大
    source: str


def banned_terms_in(name: str, terms: list[BannedTerm]) -> list[BannedTerm]:
    """第九条 (二)–(四) as warnings: the name contains a term of the bureau's list. A warning, not a refusal —
    a term can be a coincidence (a 万达 village older than the company); the proposer overrides with a reason."""
    return [t for t in terms if t.term and t.term in name]


def approval_authority(category: Category, *, cross_province: bool = False) -> str:
    """第十二条: who approves a name of this category."""
    if cross_province:
        return "国务院（涉及两个以上省、自治区、直辖市的重要地理实体）"
    return {
        Category.DIVISION: "按《行政区划管理条例》规定的权限批准",
        Category.STREET: "设区的市、县级人民政府",
        Category.ESTATE: "住房城乡建设主管部门（征求地名行政主管部门意见）",
        Category.FACILITY: "专业主管部门（征求有关地方人民政府意见）",
        Category.COMMITTEE_SEAT: "按省、自治区、直辖市规定",
    }.get(category, "按省、自治区、直辖市规定的县级以上人民政府")


def required_reports(category: Category) -> tuple[str, ...]:
    """第十一条: the reports an application carries."""
    if category == Category.DIVISION:
        return ("风险评估报告", "专家论证报告", "征求意见报告")
    return ("综合评估报告", "专家论证报告", "征求意见报告")


def filing_due(approved_on: date, days: int) -> date:
    """第十三条: 备案 with the level above within ``days`` (15) of approval."""
    return approved_on + timedelta(days=days)


def announcement_due(approved_on: date, days: int) -> date:
    """第十四条: 公告 within ``days`` (15) of approval."""
    return approved_on + timedelta(days=days)
