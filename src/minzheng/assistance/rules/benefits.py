"""低保 monthly benefit: 补差 plus 分类施保 increments, and the 渐退 period after income rises.

Source: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号) — 补差 by household per-capita income; 分类施保
and 渐退 as provided there and in provincial rules. Every amount and ratio is an argument.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from minzheng.policy.rules import months_between

from .errors import AssistanceRuleError
from .money import ZERO, round_yuan


class MemberCategory(StrEnum):
    """Members that 分类施保 gives an increment to."""

    ELDERLY = "老年人"
    SEVERELY_DISABLED = "重度残疾人"
    SERIOUSLY_ILL = "重病患者"
    MINOR = "未成年人"


@dataclass(frozen=True)
class FixedIncrement:
    """分类施保 increment of a fixed amount per member per month."""

    amount: Decimal

    def amount_for(self, dibao_standard: Decimal) -> Decimal:
        return self.amount


@dataclass(frozen=True)
class ShareOfStandardIncrement:
    """分类施保 increment stated as a share of the 低保标准 (e.g. 0.3 × 标准) per member per month."""

    share: Decimal

    def amount_for(self, dibao_standard: Decimal) -> Decimal:
        return dibao_standard * self.share


Increment = FixedIncrement | ShareOfStandardIncrement


class IncrementStacking(StrEnum):
    """How a member in several categories is counted: the highest one only (就高不重复) or all of them."""

    HIGHEST = "就高"
    SUM = "累加"


@dataclass(frozen=True)
class DibaoBenefit:
    """One household's monthly 低保金, with its parts shown the way the approval form lists them."""

    top_up: Decimal
    classified_increments: Decimal
    total: Decimal

    @property
    def is_eligible(self) -> bool:
        return self.total > 0


def dibao_top_up(
    dibao_standard: Decimal, per_capita_income: Decimal, members: int, *,
    household_income: Decimal | None = None, income_members: int | None = None,
) -> Decimal:  # fmt: skip
    """补差 = (低保标准 − household per-capita monthly income) × members, never negative, rounded once.

    Source: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号): 按照共同生活家庭成员人均收入低于当地低保标准的
    差额发放. A household at or above the standard gets nothing. Rounding rule (docs/glossary.md 取整规则):
    when the household's total monthly income is known (``household_income`` over ``income_members``, default
    ``members``), the gap is computed from totals — 标准 × 人数 − 家庭收入 — and rounded once, half-up to 分, so
    663 × 3 − 1000 = 989.00 (rounding the per-capita 333.33 first would give 989.01).
    """
    return round_yuan(
        _exact_top_up(dibao_standard, per_capita_income, members, household_income, income_members)
    )


def _exact_top_up(
    standard, per_capita_income, members, household_income=None, income_members=None
) -> Decimal:
    if members < 1:
        raise AssistanceRuleError("a household has at least one member")
    if household_income is None:
        if per_capita_income >= standard:
            return Decimal(0)
        return (standard - per_capita_income) * members
    counted = income_members or members
    if household_income >= standard * counted:
        return Decimal(0)
    return (standard * counted - household_income) * members / counted


def classified_increment_total(
    dibao_standard: Decimal,
    member_categories: Sequence[Collection[MemberCategory]],
    increments: Mapping[MemberCategory, Increment],
    stacking: IncrementStacking,
) -> Decimal:
    """分类施保: the household's monthly increments for its elderly, severely disabled, seriously ill and minor members.

    ``member_categories`` has one entry per member (empty for members in no category). Source: 民发〔2021〕57号
    and provincial rules (分类施保); the categories covered and their amounts are local parameters.
    """
    return round_yuan(_exact_increments(dibao_standard, member_categories, increments, stacking))


def _exact_increments(dibao_standard, member_categories, increments, stacking) -> Decimal:
    total = Decimal(0)
    for categories in member_categories:
        amounts = [increments[c].amount_for(dibao_standard) for c in categories if c in increments]
        if not amounts:
            continue
        total += max(amounts) if stacking is IncrementStacking.HIGHEST else sum(amounts, Decimal(0))
    return max(total, Decimal(0))


def dibao_monthly_benefit(
    dibao_standard: Decimal,
    per_capita_income: Decimal,
    members: int,
    *,
    minimum_per_person: Decimal = ZERO,
    member_categories: Sequence[Collection[MemberCategory]] = (),
    increments: Mapping[MemberCategory, Increment] | None = None,
    stacking: IncrementStacking = IncrementStacking.HIGHEST,
    household_income: Decimal | None = None,
    income_members: int | None = None,
) -> DibaoBenefit:
    """低保金 per month: 补差 (raised to the local minimum per person) plus 分类施保 increments.

    Zero when per-capita income is at or above the 低保标准: the household is then not a 低保 household and
    gets no increments either. Source: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号); the minimum
    per person (保底) and the increments are provincial/municipal parameters.
    """
    if len(member_categories) > members:
        raise AssistanceRuleError("more member category entries than household members")
    top_up = _exact_top_up(dibao_standard, per_capita_income, members, household_income, income_members)
    if top_up == 0:
        return DibaoBenefit(top_up=ZERO, classified_increments=ZERO, total=ZERO)
    top_up = max(top_up, minimum_per_person * members)
    extra = _exact_increments(dibao_standard, member_categories, increments or {}, stacking)
    # 取整规则: the parts are shown rounded, the total is rounded once from the exact parts.
    return DibaoBenefit(
        top_up=round_yuan(top_up), classified_increments=round_yuan(extra), total=round_yuan(top_up + extra)
    )


def gradual_exit_payable(
    *,
    last_amount: Decimal,
    income_rise_confirmed_on: date,
    exit_months: int,
    max_exit_months: int,
    month: date,
) -> Decimal:
    """渐退: the 低保金 payable in ``month`` for a household whose income has risen above the line.

    The household keeps its last amount through the month of confirmation and for ``exit_months`` months
    after it, then nothing. Source: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号): 因就业等原因收入超过
    低保标准的, 可给予一定时间的渐退期 (at most 6 months; ``max_exit_months`` carries that ceiling).
    """
    if not 0 <= exit_months <= max_exit_months:
        raise AssistanceRuleError(f"渐退期 of {exit_months} months is outside 0..{max_exit_months}")
    if last_amount < 0:
        raise AssistanceRuleError("a benefit amount cannot be negative")
    if months_between(income_rise_confirmed_on, month) <= exit_months:
        return round_yuan(last_amount)
    return ZERO
