"""Who counts in a 低保 household and what counts as its income, and the household-level rules around them.

Sources: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号) 第七条 (共同生活家庭成员: not counted — 连续三年
以上脱离家庭独立生活的宗教教职人员, 在监狱内服刑、在强制隔离戒毒所内执行强制隔离戒毒, 宣告失踪; the county
may decide otherwise, hence the recorded override), 第十三条 (收入 not counted: 优待抚恤金、计划生育奖励与扶助金、
奖学金/助学金、见义勇为等奖励性补助, 社会救助款物, “十四五”期间 城乡居民基本养老保险基础养老金, and what the
city lists); 《社会救助暂行办法》第四十五条 (连续3次拒绝介绍的工作: 减发或者停发其本人的低保金); 低收入人口
认定 (低保边缘: 不符合低保条件, income under the edge line, assets within the local limit). Every count of
years, offers and months arrives as an argument from the dated parameter records.
"""

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from minzheng.policy.rules import add_months

from .money import round_yuan


class MemberExclusion(StrEnum):
    """Why a registered member is not a 共同生活家庭成员 (民发〔2021〕57号 第七条)."""

    CLERGY = "在宗教场所居住的宗教教职人员"
    SERVING_SENTENCE = "在监狱内服刑"
    COMPULSORY_REHAB = "在强制隔离戒毒所内执行强制隔离戒毒"
    DECLARED_MISSING = "宣告失踪"


@dataclass(frozen=True)
class MemberStatus:
    reason: MemberExclusion
    years: int | None = None  # for clergy: years living in the religious venue


def counted_members(
    member_ids: Sequence[int], statuses: Mapping[int, MemberStatus], overrides: Mapping[int, bool], *,
    clergy_years: int,
) -> list[int]:  # fmt: skip
    """The 共同生活家庭成员: every member not excluded by 第七条 (clergy only after ``clergy_years`` in the
    venue), except where the caseworker recorded an override (True = counted, False = not counted)."""

    def excluded(pid: int) -> bool:
        status = statuses.get(pid)
        if status is None:
            return False
        if status.reason is MemberExclusion.CLERGY:
            return (status.years or 0) >= clergy_years
        return True

    return [pid for pid in member_ids if overrides.get(pid, not excluded(pid))]


class IncomeKind(StrEnum):
    """Kinds of monthly income a household declares or the verification finds."""

    WAGES = "工资性收入"
    BUSINESS = "经营净收入"
    PROPERTY = "财产净收入"
    PENSION = "离退休金、养老金"
    SUPPORT = "赡养、抚养、扶养费"
    OTHER_TRANSFER = "其他转移性收入"
    SPECIAL_CARE = "优待抚恤金"
    FAMILY_PLANNING_AWARD = "计划生育奖励与扶助金"
    SCHOLARSHIP = "奖学金、助学金"
    HEROISM_AWARD = "见义勇为等奖励性补助"
    ASSISTANCE = "政府发放的社会救助款物"
    BASIC_PENSION = "城乡居民基本养老保险基础养老金"


# 第十三条 (一)–(三); a city adds its own list (第十三条 (四)) through the ``income_exempt_kinds`` parameter.
ART13_EXEMPT = frozenset(
    {
        IncomeKind.SPECIAL_CARE, IncomeKind.FAMILY_PLANNING_AWARD, IncomeKind.SCHOLARSHIP,
        IncomeKind.HEROISM_AWARD, IncomeKind.ASSISTANCE, IncomeKind.BASIC_PENSION,
    }
)  # fmt: skip


@dataclass(frozen=True)
class IncomeItem:
    kind: IncomeKind
    monthly_amount: Decimal


def counted_monthly_income(items: Iterable[IncomeItem], exempt: Collection[IncomeKind]) -> Decimal:
    """The household's monthly income as 第十三条 counts it: every item except the exempt kinds."""
    return sum((item.monthly_amount for item in items if item.kind not in exempt), Decimal(0))


def dibao_edge_not_dibao_eligible(
    per_capita_income: Decimal, per_capita_assets: Decimal | None, *, dibao: Decimal, asset_limit: Decimal
) -> bool:
    """低保边缘 is for households that do **not** meet the 低保 conditions: income at or above the 低保标准, or
    assets over the 低保 limit."""
    over_assets = per_capita_assets is not None and per_capita_assets > asset_limit
    return per_capita_income >= dibao or over_assets


def dibao_amount_after_job_refusals(total: Decimal, persons: int, refusing_members: int) -> Decimal:
    """《社会救助暂行办法》第四十五条: a member able to work who refused the offered work 3 times without good
    reason loses their own share — the household's amount × (persons − refusing) ÷ persons, rounded once."""
    refusing_members = max(0, min(refusing_members, persons))
    return round_yuan(total * (persons - refusing_members) / persons)


def review_after_death_due(death_date: date, *, months: int, next_review: date | None) -> date:
    """After a member's death the household is reviewed within ``months`` (or earlier if already due)."""
    due = add_months(death_date, months)
    return min(due, next_review) if next_review else due
