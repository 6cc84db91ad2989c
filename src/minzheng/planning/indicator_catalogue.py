"""The shipped indicator definitions for the seed plans' indicator tables and the text targets that share
their names, plus the 2020 baselines the plans state. Pure data, no Django.

A row whose name matches a domain's computed source (``core.indicator_sources``, by name or alias) is bound
to that source; the rest are entered per division and period with maker-checker approval until a domain
offers them. Ratio indicators are entered as numerator and denominator, so they add up the division tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    name: str
    unit: str
    aggregation: str = "sum"  # sum | ratio | average | none
    numerator: str = ""
    denominator: str = ""
    factor: Decimal = Decimal(1)
    direction: str = "higher"
    value_type: str = "decimal"
    min_value: Decimal | None = Decimal(0)
    max_value: Decimal | None = None
    change_comment_percent: Decimal | None = Decimal(30)
    sources: tuple[str, ...] = ()  # computed sources preferred over entry, when a domain offers one
    aliases: tuple[str, ...] = ()
    definition: str = ""


def _coverage(code, name, numerator, denominator, *, sources=(), aliases=(), definition="") -> CatalogueEntry:
    return CatalogueEntry(
        code, name, "%", "ratio", numerator, denominator, Decimal(100), max_value=Decimal(100),
        sources=sources, aliases=aliases, definition=definition or f"{numerator} ÷ {denominator} × 100",
    )  # fmt: skip


CATALOGUE: tuple[CatalogueEntry, ...] = (
    CatalogueEntry(
        "planning.orphan_standard_growth",
        "孤儿和事实无人抚养儿童基本生活养育标准年均增速",
        "%",
        "average",
        min_value=None,
        definition="本级孤儿（集中、散居）和事实无人抚养儿童基本生活养育标准较上年的增长率",
    ),
    _coverage(
        "planning.disability_subsidy_coverage",
        "困难残疾人生活补贴和重度残疾人护理补贴覆盖率",
        "享受两项补贴人数",
        "符合两项补贴条件人数",
        sources=("disability.subsidy_coverage",),
    ),
    CatalogueEntry("planning.lottery_outlets", "福利彩票销售网点数", "个", value_type="integer"),
    CatalogueEntry(
        "planning.community_facility_area_per_100",
        "每百户居民拥有的城乡社区综合服务设施建筑面积",
        "平方米",
        "ratio",
        "城乡社区综合服务设施建筑面积（平方米）",
        "居民户数",
        Decimal(100),
    ),
    CatalogueEntry("planning.social_org_staff", "社会组织专职工作人员数量", "万人"),
    CatalogueEntry("planning.social_workers", "社会工作专业人才总量", "万人"),
    _coverage(
        "planning.social_work_station_coverage",
        "乡镇（街道）社会工作和社会救助服务站覆盖率",
        "建有社会工作和社会救助服务站的乡镇（街道）数",
        "乡镇（街道）总数",
    ),
    _coverage(
        "planning.volunteer_station_coverage",
        "志愿服务站点在社区综合服务设施中的覆盖率",
        "设有志愿服务站点的社区综合服务设施数",
        "社区综合服务设施数",
        aliases=("志愿服务站点覆盖率（依托社区综合服务设施、乡镇(街道)社工站）",),
    ),
    _coverage(
        "planning.marriage_cross_province_rate",
        "婚姻登记“跨省通办”实施率",
        "实施“跨省通办”的婚姻登记机关数",
        "婚姻登记机关数",
        aliases=("婚姻登记“跨省通办”工作实施率",),
    ),
    _coverage(
        "planning.minor_protection_station_coverage",
        "乡镇（街道）未成年人保护工作站覆盖率",
        "建有未成年人保护工作站的乡镇（街道）数",
        "乡镇（街道）总数",
    ),
    _coverage(
        "planning.vagrant_return_rate",
        "查明身份信息流浪乞讨受助人员接送返回率",
        "已接送返回的查明身份受助人员数",
        "查明身份信息的受助人员数",
    ),
    _coverage(
        "planning.county_funeral_facility_coverage",
        "县级公益性安葬（放）设施覆盖率",
        "建有公益性安葬（放）设施的县级区划数",
        "县级区划数",
    ),
    _coverage(
        "planning.eco_burial_rate",
        "节地生态安葬率",
        "节地生态安葬数",
        "安葬总数",
        sources=("funeral.eco_burial_rate",),
        aliases=("新增骨灰节地生态绿色安葬率",),
    ),
    _coverage(
        "planning.mental_health_institution_coverage",
        "民政精神卫生社会福利机构市级覆盖率",
        "建有民政精神卫生社会福利机构的市数",
        "市数",
    ),
    _coverage(
        "planning.care_institution_county_coverage",
        "照护型特困人员供养服务机构县级覆盖率",
        "建有照护型特困人员供养服务机构的县级区划数",
        "县级区划数",
    ),
    _coverage(
        "planning.nursing_bed_ratio",
        "养老机构护理型床位占比",
        "护理型床位数",
        "养老机构床位总数",
        sources=("eldercare.nursing_bed_ratio",),
        aliases=("护理型床位占比",),
    ),
    _coverage(
        "planning.street_care_center_coverage",
        "街道范围具备综合功能的养老服务机构覆盖率",
        "建有具备综合功能养老服务机构的街道数",
        "街道总数",
    ),
    _coverage(
        "planning.emergency_care_facility_coverage",
        "应急储备养老服务设施县级覆盖率",
        "建有应急储备养老服务设施的县级区划数",
        "县级区划数",
    ),
)

# Rows bound to the 社会救助 sources by name; the names differ slightly between plans.
SOURCE_ALIASES: dict[str, tuple[str, ...]] = {
    # 浑南's text prints 保准 for 标准; the name is matched as printed.
    "assistance.dibao_standard_growth": (
        "城乡最低生活保障标准、特困供养和孤儿养育标准年均增长",
        "城乡最低生活保障保准、特困供养和孤儿养育标准年均增长",
    ),
}


@dataclass(frozen=True)
class StatedBaseline:
    """A 2020 (十三五末) figure a plan states for one of its indicators."""

    region: str
    indicator: str
    value: Decimal
    year: int
    basis: str
    extra: dict = field(default_factory=dict)


BASELINES: tuple[StatedBaseline, ...] = (
    StatedBaseline(
        "辽宁省", "城乡低保标准年度增速", Decimal("8"), 2020, "规划：“十三五”时期城乡低保平均标准年均增长8%"
    ),
    StatedBaseline(
        "辽宁省", "城市和农村低保平均标准比例", Decimal("1.45"), 2020,
        "规划：城乡低保平均标准分别达到672元/人/月和5558元/人/年（672×12÷5558）",
    ),
    StatedBaseline("辽宁省", "社会工作专业人才总量", Decimal("4.8"), 2020, "规划：“十三五”末社会工作专业人才4.8万人"),
    StatedBaseline(
        "丹东市", "城乡低保标准年度增速", Decimal("7.3"), 2020,
        "规划：2016—2020年城市低保标准500→663元/人/月（年均7.3%）、农村3372→5052元/人/年（年均10.6%），取较低者",
    ),
    StatedBaseline(
        "丹东市", "城市和农村低保平均标准比例", Decimal("1.57"), 2020,
        "规划：2020年城市663元/人/月、农村5052元/人/年（663×12÷5052）",
    ),
)  # fmt: skip

_NOISE = re.compile(r"[\s（）()“”\"'、，,/]")


def normalise_name(name: str) -> str:
    """Names compared across plans and sources: brackets, quotes, spaces and separators dropped."""
    return _NOISE.sub("", (name or "").replace("％", "%"))


def names_match(row_name: str, names: tuple[str, ...]) -> bool:
    """A row matches when its name ends with one of the names: text targets carry leading context
    (全市养老机构护理型床位占比, 确保新增骨灰节地生态绿色安葬率, 开展婚姻登记“跨省通办”工作实施率)."""
    key = normalise_name(row_name)
    return any(key.endswith(normalise_name(name)) for name in names if name)


def entry_for_name(name: str) -> CatalogueEntry | None:
    return next((entry for entry in CATALOGUE if names_match(name, (entry.name, *entry.aliases))), None)
