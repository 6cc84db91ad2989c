"""Program eligibility as configuration: the criteria a division sets for a program, checked against facts.

A new local program (e.g. a county's 高龄津贴 from 80 instead of 90) is a ``ProgramSetting`` row whose
criteria this module reads — no code. Source of the shipped criteria: 民发〔2021〕57号 (income under the 低保
标准, assets under the local limit), 《特困人员认定办法》(2021) (无劳动能力、无生活来源、无法定赡养抚养扶养义务人),
国发〔2015〕52号 (残疾人两项补贴: 持证残疾人, grades), local 高龄津贴 rules (age).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .disability import disability_care_allowance_eligible, disability_living_allowance_eligible
from .errors import AssistanceRuleError
from .household import dibao_edge_not_dibao_eligible
from .money import round_yuan
from .tekun import (
    DisabilityGradeLimits,
    Obligor,
    TekunAgeLimits,
    tekun_has_no_able_obligor,
    tekun_minor_continues,
    tekun_unable_to_work,
)

KNOWN_CRITERIA = frozenset(
    {
        "income_below",
        "asset_limit",
        "min_age",
        "max_age",
        "disability_grades",
        "in_dibao_household",
        "not_dibao_eligible",
        "severe_disability_care",
        "no_work_capacity",
        "no_able_obligor",
    }
)
INCOME_LINES = frozenset({"dibao", "dibao_edge", "tekun_basic"})
INCOME_LINE_LABELS = {
    "dibao": "低保标准",
    "dibao_edge": "低保边缘认定标准",
    "tekun_basic": "特困基本生活标准",
}


@dataclass(frozen=True)
class HouseholdFacts:
    """What the case knows when it is reviewed: income, assets, and each member's age and disability grade."""

    per_capita_income: Decimal | None
    per_capita_assets: Decimal | None
    member_ages: Sequence[int]
    member_disability_grades: Sequence[int | None]
    members: Sequence["MemberFacts"] = ()
    obligors: Sequence[Obligor] | None = None  # None: the investigation has not recorded them yet
    household_in_dibao: bool | None = None  # an in-force 低保 enrolment on the day (None: not asked)
    household_in_dibao_edge: bool | None = None


@dataclass(frozen=True)
class DisabilityAllowanceOptions:
    """The province's extensions of the 两项补贴 (dated parameters)."""

    living_includes_dibao_edge: bool
    care_mental_grades_3_4: bool


@dataclass(frozen=True)
class MemberFacts:
    """One member counted in the case, as 特困人员认定 reads them."""

    name: str
    age: int | None
    disability_category: str = ""
    disability_grade: int | None = None
    in_school: bool = False
    supported_as_minor: bool = False  # already a 特困 minor: kept on past the entry age while in school


@dataclass(frozen=True)
class TekunLimits:
    ages: TekunAgeLimits
    disability: DisabilityGradeLimits


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
    tekun: TekunLimits | None = None,
    disability: DisabilityAllowanceOptions | None = None,
    dibao_asset_limit_months: Decimal | None = None,
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
                    f"人均月收入 {facts.per_capita_income} 元，收入线（"
                    f"{INCOME_LINE_LABELS.get(str(criteria['income_below']), '收入线')}）{income_line} 元",
                )
            )
    if criteria.get("asset_limit"):
        months = asset_limit_months
        if months is None or monthly_dibao_standard is None or facts.per_capita_assets is None:
            results.append(CriterionResult("人均金融资产不超过限额", None, "资产或低保标准未知"))
        else:
            limit = round_yuan(monthly_dibao_standard * months)
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
    if criteria.get("no_work_capacity"):
        results.append(_no_work_capacity(facts, tekun))
    if criteria.get("no_able_obligor"):
        results.append(_no_able_obligor(facts))
    if criteria.get("not_dibao_eligible"):
        results.append(_not_dibao_eligible(facts, monthly_dibao_standard, dibao_asset_limit_months))
    if criteria.get("in_dibao_household"):
        results.append(_in_dibao_household(facts, disability))
    if criteria.get("severe_disability_care"):
        results.append(_severe_disability_care(facts, disability))
    return results


def _not_dibao_eligible(
    facts: HouseholdFacts, dibao: Decimal | None, months: Decimal | None
) -> CriterionResult:
    """低保边缘 (低收入人口认定): the household does not meet the 低保 conditions itself."""
    label = "不符合低保条件（收入不低于低保标准或财产超过低保限额）"
    if dibao is None or months is None or facts.per_capita_income is None:
        return CriterionResult(label, None, "收入、低保标准或财产限额未知")
    limit = round_yuan(dibao * months)
    met = dibao_edge_not_dibao_eligible(
        facts.per_capita_income, facts.per_capita_assets, dibao=dibao, asset_limit=limit
    )
    return CriterionResult(
        label, met, f"人均月收入 {facts.per_capita_income} 元，低保标准 {dibao} 元，低保财产限额 {limit} 元"
    )


def _in_dibao_household(facts: HouseholdFacts, options: DisabilityAllowanceOptions | None) -> CriterionResult:
    """国发〔2015〕52号: 困难残疾人生活补贴 — 低保家庭 (低保边缘 where extended)."""
    extended = bool(options and options.living_includes_dibao_edge)
    label = "低保家庭" + ("（含低保边缘家庭）" if extended else "") + "中的持证残疾人"
    if facts.household_in_dibao is None:
        return CriterionResult(label, None, "家庭低保状况未知")
    met = any(
        disability_living_allowance_eligible(
            m.disability_grade,
            household_in_dibao=facts.household_in_dibao,
            household_in_dibao_edge=bool(facts.household_in_dibao_edge),
            includes_dibao_edge=extended,
        )
        for m in facts.members
    )
    status = "在保低保家庭" if facts.household_in_dibao else (
        "低保边缘家庭" if facts.household_in_dibao_edge else "非低保家庭"
    )  # fmt: skip
    return CriterionResult(label, met, status)


def _severe_disability_care(
    facts: HouseholdFacts, options: DisabilityAllowanceOptions | None
) -> CriterionResult:
    """国发〔2015〕52号: 重度残疾人护理补贴 — 一、二级 (三、四级智力、精神 where adopted)."""
    mental = bool(options and options.care_mental_grades_3_4)
    label = "重度残疾人（一、二级" + ("，或三、四级智力、精神残疾" if mental else "") + "）"
    count = sum(
        disability_care_allowance_eligible(
            m.disability_category, m.disability_grade, mental_grades_3_4=mental
        )
        for m in facts.members
    )
    return CriterionResult(label, count > 0, f"符合人数 {count}")


def _no_work_capacity(facts: HouseholdFacts, tekun: TekunLimits | None) -> CriterionResult:
    """《特困人员认定办法》第五条: each member supported is 无劳动能力 (or a minor kept on while in school)."""
    label = "无劳动能力（60周岁以上、未成年人或规定的残疾等级）"
    if tekun is None or not facts.members or any(m.age is None for m in facts.members):
        return CriterionResult(label, None, "成员年龄或认定参数未知")
    failing = [
        m.name
        for m in facts.members
        if not (
            tekun_unable_to_work(
                m.age, m.disability_category, m.disability_grade, ages=tekun.ages, disability=tekun.disability
            )
            or (m.supported_as_minor and tekun_minor_continues(m.age, in_school=m.in_school, ages=tekun.ages))
        )
    ]
    detail = f"老年人 {tekun.ages.elderly_age} 周岁以上；未成年人未满 {tekun.ages.minor_entry_age} 周岁" + (
        f"；不符合：{'、'.join(failing)}" if failing else ""
    )
    return CriterionResult(label, not failing, detail)


def _no_able_obligor(facts: HouseholdFacts) -> CriterionResult:
    """《特困人员认定办法》第四条（三）、第八条: no 法定义务人, or none able to support."""
    label = "无法定赡养、抚养、扶养义务人或义务人无履行义务能力"
    if facts.obligors is None:
        return CriterionResult(label, None, "尚未记录法定义务人情况")
    able = [o.name for o in facts.obligors if o.inability is None]
    if not facts.obligors:
        return CriterionResult(label, True, "无法定义务人")
    detail = "；".join(f"{o.name}（{o.relation}）：{o.inability or '有履行能力'}" for o in facts.obligors)
    return CriterionResult(label, tekun_has_no_able_obligor(facts.obligors) and not able, detail)


def is_eligible(results: Sequence[CriterionResult]) -> bool | None:
    """All met → True; any failed → False; otherwise (something unknown) → None."""
    if any(result.met is False for result in results):
        return False
    if any(result.met is None for result in results):
        return None
    return True
