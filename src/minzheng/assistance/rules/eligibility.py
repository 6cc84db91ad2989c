"""Program eligibility as configuration: the criteria a division sets for a program, checked against facts.

A new local program (e.g. a county's 高龄津贴 from 80 instead of 90) is a ``ProgramSetting`` row whose
criteria this module reads — no code. Source of the shipped criteria: 民发〔2021〕57号 (income under the 低保
标准, assets under the local limit), 《特困人员认定办法》(2021) (无劳动能力、无生活来源、无法定赡养抚养扶养义务人),
国发〔2015〕52号 (残疾人两项补贴: 持证残疾人, grades), local 高龄津贴 rules (age).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .errors import AssistanceRuleError

KNOWN_CRITERIA = frozenset({"income_below", "asset_limit", "min_age", "max_age", "disability_grades"})
INCOME_LINES = frozenset({"dibao", "dibao_edge", "tekun_basic"})


@dataclass(frozen=True)
class HouseholdFacts:
    """What the case knows when it is reviewed: income, assets, and each member's age and disability grade."""

    per_capita_income: Decimal | None
    per_capita_assets: Decimal | None
    member_ages: Sequence[int]
    member_disability_grades: Sequence[int | None]


@dataclass(frozen=True)
class CriterionResult:
    label: str
    met: bool | None  # None: not known yet (e.g. income before the verification)
    detail: str


def validate_criteria(criteria: Mapping[str, object]) -> None:
    """Refuse a configuration with names this module does not read (a typo would silently never apply)."""
    unknown = set(criteria) - KNOWN_CRITERIA
    if unknown:
        raise AssistanceRuleError(f"未知的认定条件：{'、'.join(sorted(unknown))}")
    line = criteria.get("income_below")
    if line is not None and line not in INCOME_LINES:
        raise AssistanceRuleError(f"收入线只能是 {'、'.join(sorted(INCOME_LINES))}")


def check_eligibility(
    criteria: Mapping[str, object],
    facts: HouseholdFacts,
    *,
    income_line: Decimal | None,
    monthly_dibao_standard: Decimal | None,
    asset_limit_months: Decimal | None = None,
) -> list[CriterionResult]:
    """Each configured criterion with whether the household meets it; the approver sees every line.

    ``income_line`` is the monthly line the ``income_below`` criterion names (低保标准, 低保边缘 line …), in
    force for the division on the day; with ``asset_limit`` the limit is ``asset_limit_months`` (a parameter) ×
    monthly 低保标准 per person.
    """
    validate_criteria(criteria)
    results: list[CriterionResult] = []
    if criteria.get("income_below"):
        if income_line is None or facts.per_capita_income is None:
            results.append(CriterionResult("家庭人均月收入低于收入线", None, "收入或收入线未知"))
        else:
            met = facts.per_capita_income < income_line
            results.append(
                CriterionResult(
                    "家庭人均月收入低于收入线",
                    met,
                    f"人均月收入 {facts.per_capita_income} 元，收入线 {income_line} 元",
                )
            )
    if criteria.get("asset_limit"):
        months = asset_limit_months
        if months is None or monthly_dibao_standard is None or facts.per_capita_assets is None:
            results.append(CriterionResult("人均金融资产不超过限额", None, "资产或低保标准未知"))
        else:
            limit = (monthly_dibao_standard * months).quantize(Decimal("0.01"))
            results.append(
                CriterionResult(
                    "人均金融资产不超过限额",
                    facts.per_capita_assets <= limit,
                    f"人均资产 {facts.per_capita_assets} 元，限额 {limit} 元（{months.normalize():f} 个月标准）",
                )
            )
    min_age, max_age = criteria.get("min_age"), criteria.get("max_age")
    if min_age is not None or max_age is not None:
        qualifying = [
            age
            for age in facts.member_ages
            if (min_age is None or age >= int(min_age)) and (max_age is None or age <= int(max_age))
        ]
        bounds = f"{min_age if min_age is not None else ''}–{max_age if max_age is not None else ''} 周岁"
        results.append(
            CriterionResult(f"有年龄在 {bounds} 的成员", bool(qualifying), f"符合人数 {len(qualifying)}")
        )
    grades = criteria.get("disability_grades")
    if grades:
        allowed = {int(g) for g in grades}  # type: ignore[union-attr]
        count = sum(1 for grade in facts.member_disability_grades if grade in allowed)
        label = "、".join(f"{g}级" for g in sorted(allowed))
        results.append(CriterionResult(f"有{label}持证残疾人", count > 0, f"符合人数 {count}"))
    return results


def is_eligible(results: Sequence[CriterionResult]) -> bool | None:
    """All met → True; any failed → False; otherwise (something unknown) → None."""
    if any(result.met is False for result in results):
        return False
    if any(result.met is None for result in results):
        return None
    return True
