"""The benefit a case would receive, computed by the rules from the standards and parameters in force —
with every input and every step listed, so the reviewer and the approver see how the figure arose.

One ``PolicyBook`` per computation (two queries), so the same code serves one case page, a 提标 preview over
thousands of enrolments and the demo loader.
"""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from minzheng.core.models import HouseholdMembership

from ..errors import StandardNotFound
from ..models import AssistanceCase, BenefitFormula, StandardKind
from ..policy_book import PolicyBook
from ..rules import (
    CareGrade,
    FixedIncrement,
    IncrementStacking,
    MemberCategory,
    care_grade,
    dibao_monthly_benefit,
    self_care_ability,
    tekun_monthly_support,
    temporary_assistance_amount,
)
from ..rules.eligibility import CriterionResult, HouseholdFacts, check_eligibility, is_eligible
from ..rules.household import dibao_amount_after_job_refusals
from ..rules.money import ZERO, round_yuan
from ..selectors.books import policy_book
from ..selectors.program_settings import program_configuration
from .eligibility_inputs import (
    disability_options,
    household_counted_members,
    household_dibao_status,
    job_refusing_members,
    recorded_obligors,
    tekun_limits,
    tekun_member_facts,
)
from .in_force import in_force_from_book

INCREMENT_PARAMETERS = {
    MemberCategory.ELDERLY: "dibao_increment_elderly",
    MemberCategory.SEVERELY_DISABLED: "dibao_increment_severely_disabled",
    MemberCategory.SERIOUSLY_ILL: "dibao_increment_seriously_ill",
    MemberCategory.MINOR: "dibao_increment_minor",
}
CARE_KINDS = {
    CareGrade.SELF_CARE: StandardKind.TEKUN_CARE_SELF,
    CareGrade.PARTIAL_CARE: StandardKind.TEKUN_CARE_PARTIAL,
    CareGrade.FULL_CARE: StandardKind.TEKUN_CARE_FULL,
}
MINOR_BELOW_AGE = 18  # 《中华人民共和国未成年人保护法》第二条: 未满十八周岁


@dataclass(frozen=True)
class Member:
    person_id: int
    name: str
    age: int | None
    disability_grade: int | None
    categories: tuple[str, ...] = ()
    disability_category: str = ""


@dataclass(frozen=True)
class Line:
    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class CaseBenefit:
    """The computed benefit: monthly amount (or the one-off amount for 临时救助), persons, inputs and steps."""

    formula: str
    formula_label: str
    amount: Decimal
    persons: int
    one_off: bool
    inputs: list[Line] = field(default_factory=list)
    steps: list[Line] = field(default_factory=list)
    eligibility: list[CriterionResult] = field(default_factory=list)
    eligible: bool | None = None
    error: str = ""

    def snapshot(self, on: date) -> dict:
        """What the decision keeps: the figures as computed on the day, readable without the rules."""
        return {
            "computed_on": on.isoformat(),
            "formula": self.formula,
            "amount": str(self.amount),
            "persons": self.persons,
            "one_off": self.one_off,
            "inputs": [asdict(line) for line in self.inputs],
            "steps": [asdict(line) for line in self.steps],
            "eligibility": [asdict(result) for result in self.eligibility],
        }


def household_members(household_id: int, on: date) -> list[Member]:
    """Current members of the household (living, membership open) with their age on ``on``."""
    return members_of_households([household_id], on).get(household_id, [])


def members_of_households(household_ids, on: date) -> dict[int, list[Member]]:
    """``household_members`` of many households in one query (lists over a whole county)."""
    rows = (
        HouseholdMembership.objects.filter(household_id__in=household_ids, valid_to__isnull=True)
        .filter(person__is_deceased=False)
        .order_by("household_id", "relation", "person_id")
        .values_list(
            "household_id", "person_id", "person__name", "person__birth_date", "person__disability_grade",
            "person__disability_category",
        )
    )  # fmt: skip
    found: dict[int, list[Member]] = {}
    for household_id, pid, name, birth, grade, category in rows:
        found.setdefault(household_id, []).append(
            Member(pid, name, _age(birth, on), grade, disability_category=category or "")
        )
    return found


def _age(birth: date | None, on: date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def classify_members(members: Sequence[Member], flagged: dict, *, elderly_age: int) -> list[Member]:
    """分类施保 categories: elderly and minors by age, 1–2 级 disability as severe, 重病 as the caseworker flagged."""
    classified = []
    for member in members:
        categories = set(flagged.get(str(member.person_id), []))
        if member.age is not None and member.age >= elderly_age:
            categories.add(MemberCategory.ELDERLY.value)
        if member.age is not None and member.age < MINOR_BELOW_AGE:
            categories.add(MemberCategory.MINOR.value)
        if member.disability_grade in (1, 2):
            categories.add(MemberCategory.SEVERELY_DISABLED.value)
        classified.append(
            Member(
                member.person_id,
                member.name,
                member.age,
                member.disability_grade,
                tuple(sorted(categories)),
                member.disability_category,
            )
        )
    return classified


def compute_case_benefit(case: AssistanceCase, on: date, *, book: PolicyBook | None = None) -> CaseBenefit:
    """The benefit for ``case`` under the policy in force on ``on`` (the decision day, or today for a preview)."""
    book = book or policy_book([case.division_code])
    members = household_members(case.household_id, on)
    return benefit_for(case, members, on, book)


def _counted_and_classified(case: AssistanceCase, members: Sequence[Member], on: date, book: PolicyBook):
    elderly_age = int(book.value("elderly_age", case.division_code, on) or 60)
    members = household_counted_members(case, members, book, on)
    return classify_members(members, case.member_categories or {}, elderly_age=elderly_age)


def eligibility_for(
    case: AssistanceCase, members: Sequence[Member], on: date, book: PolicyBook
) -> list[CriterionResult]:
    """The eligibility lines alone (what 规则修订影响清单 re-judges), without computing the amount."""
    return _eligibility(case, _counted_and_classified(case, members, on, book), on, book)


def benefit_for(case: AssistanceCase, members: Sequence[Member], on: date, book: PolicyBook) -> CaseBenefit:
    program = case.program
    registered = len(members)
    members = _counted_and_classified(case, members, on, book)
    persons = case.persons or max(len(members), 1)
    note = "经办人核定" if case.persons else "共同生活家庭成员数"
    if registered != len(members):
        note += f"（户内登记 {registered} 人，按民发〔2021〕57号第七条不计入 {registered - len(members)} 人）"
    inputs = [
        Line("救助项目", program.name, program.get_benefit_formula_display()),
        Line("保障人数", str(persons), note),
    ]
    compute = _FORMULAS.get(program.benefit_formula, _eligibility_only)
    try:
        amount, one_off, steps, extra_inputs = compute(case, members, persons, on, book)
        error = ""
    except (StandardNotFound, _MissingInput) as exc:
        amount, one_off, steps, extra_inputs, error = ZERO, False, [], [], str(exc)
    eligibility = _eligibility(case, members, on, book)
    return CaseBenefit(
        formula=program.benefit_formula,
        formula_label=program.get_benefit_formula_display(),
        amount=amount,
        persons=persons,
        one_off=one_off,
        inputs=inputs + extra_inputs,
        steps=steps,
        eligibility=eligibility,
        eligible=is_eligible(eligibility),
        error=error,
    )


class _MissingInput(Exception):
    def __str__(self) -> str:
        return str(self.args[0])


def _standard(book, kind, case, on):
    return in_force_from_book(book, kind, case.area, case.division_code, on)


def _top_up(case, members, persons, on, book):
    standard = _standard(book, StandardKind.DIBAO, case, on)
    if case.per_capita_income is None:
        raise _MissingInput("尚无家庭人均月收入（请先完成家庭经济状况核对或人工录入）")
    division = case.division_code
    minimum = book.value("dibao_minimum_per_person", division, on) or ZERO
    increments = {}
    for category, name in INCREMENT_PARAMETERS.items():
        value = book.value(name, division, on)
        if value:
            increments[category] = FixedIncrement(value)
    stacking_version = book.parameter("dibao_increment_stacking", division, on)
    stacking = (
        IncrementStacking.SUM
        if stacking_version and stacking_version.text_value == "累加"
        else IncrementStacking.HIGHEST
    )
    categories = [frozenset(MemberCategory(c) for c in m.categories) for m in members[:persons]]
    benefit = dibao_monthly_benefit(
        standard.monthly_amount, case.per_capita_income, persons, minimum_per_person=minimum,
        member_categories=categories, increments=increments, stacking=stacking,
        household_income=case.household_monthly_income, income_members=case.income_persons,
    )  # fmt: skip
    inputs = [
        Line("低保标准（元/人/月）", str(standard.monthly_amount), f"{standard.division_code} {standard.effective_from:%Y-%m-%d} 起"),
        Line("家庭人均月收入（元）", str(case.per_capita_income), case.get_income_source_display() or ""),
        Line("保底金额（元/人/月）", str(round_yuan(minimum)), "未设置" if not minimum else "政策参数"),
        Line("分类施保", "；".join(f"{c.value} {round_yuan(i.amount)} 元" for c, i in increments.items()) or "未设置", stacking.value),
        *(Line(f"成员 {m.name}", f"{m.age if m.age is not None else '—'} 岁", "、".join(m.categories) or "—") for m in members[:persons]),
    ]  # fmt: skip
    steps = [
        Line("补差", f"{benefit.top_up} 元", _gap_formula(standard.monthly_amount, case, persons)),
        Line("分类施保增发", f"{benefit.classified_increments} 元"),
        Line("月低保金合计", f"{benefit.total} 元"),
    ]  # fmt: skip
    refusing = job_refusing_members(case, book, on)
    if refusing:
        reduced = dibao_amount_after_job_refusals(benefit.total, persons, refusing)
        steps.append(Line("停发拒绝就业成员本人份额", f"{reduced} 元", f"{refusing} 人连续拒绝介绍的工作（《社会救助暂行办法》第四十五条）：{benefit.total} ×（{persons} − {refusing}）÷ {persons}"))  # fmt: skip
        return reduced, False, steps, inputs
    return benefit.total, False, steps, inputs


def _gap_formula(standard, case, persons) -> str:
    """How the gap was computed (取整规则: from the household's totals where known, rounded once)."""
    total, counted = case.household_monthly_income, case.income_persons
    if total is None:
        return f"（{standard} − {case.per_capita_income}）× {persons}，不低于保底，一次取整"
    if counted in (None, persons):
        return f"{standard} × {persons} − 家庭收入 {total}，不低于保底，一次取整"
    return f"（{standard} × {counted} − 家庭收入 {total}）× {persons} ÷ {counted}，不低于保底，一次取整"


def _tekun(case, members, persons, on, book):
    basic = _standard(book, StandardKind.TEKUN_BASIC, case, on)
    grade = CareGrade(case.care_grade) if case.care_grade else None
    if grade is None:
        visit = case.visits.order_by("-visited_on", "-id").first() if case.pk else None
        if visit is None:
            raise _MissingInput("尚未评估照料护理等级（请在入户调查中记录生活自理能力）")
        threshold = int(book.value("tekun_fully_lost_from", case.division_code, on) or 4)
        grade = care_grade(self_care_ability(visit.unable_activities, fully_lost_from=threshold))
    care_amounts, notes = {}, []
    for each, kind in CARE_KINDS.items():
        version = book.standard(kind, case.area, case.division_code, on)
        care_amounts[each] = version.monthly_amount if version else ZERO
        if version is None and each is grade:
            notes.append("本地未设置该等级照料护理标准，按0元计，请先在保障标准中设置")
    support = tekun_monthly_support(basic.monthly_amount, grade, care_amounts)
    total = round_yuan(support.total * persons)
    inputs = [
        Line("特困基本生活标准（元/人/月）", str(basic.monthly_amount), basic.basis),
        Line("照料护理等级", grade.value, "；".join(notes)),
        Line("照料护理标准（元/人/月）", str(support.care)),
    ]
    steps = [
        Line("每人每月供养金", f"{support.total} 元", "基本生活标准 + 照料护理标准"),
        Line("合计", f"{total} 元", f"× {persons} 人"),
    ]
    return total, False, steps, inputs


def _temporary(case, members, persons, on, book):
    standard = _standard(book, StandardKind.DIBAO, case, on)
    months = book.value("temporary_assistance_months", case.division_code, on)
    cap = book.value("temporary_assistance_cap", case.division_code, on)
    if months is None or cap is None:
        raise _MissingInput("本地未设置临时救助倍数或上限（政策参数 temporary_assistance_months / _cap）")
    amount = temporary_assistance_amount(standard.monthly_amount, months, cap, case.requested_amount)
    advance = case.advance_amount or ZERO
    payable = max(amount - advance, ZERO)
    inputs = [
        Line("月低保标准（元）", str(standard.monthly_amount)),
        Line("倍数", f"{months.normalize():f}"),
        Line("单次上限（元）", str(round_yuan(cap))),
        Line("核定需求（元）", str(case.requested_amount) if case.requested_amount is not None else "未核定"),
        Line("已先行救助（备用金，元）", str(advance)),
    ]
    steps = [
        Line("临时救助金", f"{amount} 元", f"min({standard.monthly_amount} × {months}, {cap}, 核定需求)"),
        Line("扣除先行救助后应发", f"{payable} 元"),
    ]
    return payable, True, steps, inputs


def _fixed(case, members, persons, on, book):
    standard = _standard(book, case.program.base_standard, case, on)
    total = round_yuan(standard.monthly_amount * persons)
    inputs = [
        Line(
            f"{standard.kind_label}（元/人/月）",
            str(standard.monthly_amount),
            f"{standard.effective_from:%Y-%m-%d} 起",
        )
    ]
    return total, False, [Line("合计", f"{total} 元", f"{standard.monthly_amount} × {persons}")], inputs


def _eligibility_only(case, members, persons, on, book):
    return ZERO, False, [Line("计发", "0 元", "仅认定身份，享受相应专项救助")], []


_FORMULAS = {
    BenefitFormula.TOP_UP: _top_up,
    BenefitFormula.STANDARD_PLUS_CARE: _tekun,
    BenefitFormula.MULTIPLE_OF_STANDARD: _temporary,
    BenefitFormula.FIXED_MONTHLY: _fixed,
    BenefitFormula.ELIGIBILITY_ONLY: _eligibility_only,
}

_LINE_KINDS = {
    "dibao": StandardKind.DIBAO,
    "dibao_edge": StandardKind.DIBAO_EDGE,
    "tekun_basic": StandardKind.TEKUN_BASIC,
}


def _eligibility(case, members, on, book) -> list[CriterionResult]:
    config = program_configuration(case.program, case.division_code, on)
    line_kind = _LINE_KINDS.get(str(config.criteria.get("income_below") or ""))
    income_line = dibao = None
    try:
        dibao = _standard(book, StandardKind.DIBAO, case, on).monthly_amount
        income_line = _standard(book, line_kind, case, on).monthly_amount if line_kind else None
    except StandardNotFound:
        pass
    persons = case.persons or max(len(members), 1)
    facts = HouseholdFacts(
        per_capita_income=case.per_capita_income,
        per_capita_assets=case.per_capita_assets,
        member_ages=[m.age for m in members if m.age is not None],
        member_disability_grades=[m.disability_grade for m in members],
        members=tekun_member_facts(case, members[:persons], on),
        obligors=recorded_obligors(case),
        **_dibao_status(case, config, on),
    )
    return check_eligibility(
        config.criteria, facts, income_line=income_line, monthly_dibao_standard=dibao,
        asset_limit_months=_asset_months(case, book, on),
        dibao_asset_limit_months=book.value("asset_limit_months", case.division_code, on),
        tekun=tekun_limits(book, case.division_code, on),
        disability=disability_options(book, case.division_code, on),
    )  # fmt: skip


def _asset_months(case, book, on):
    """低保边缘 has its own local property limit where one is set (else the 低保 one)."""
    if case.program.category == "dibao_edge":
        edge = book.value("dibao_edge_asset_limit_months", case.division_code, on)
        if edge is not None:
            return edge
    return book.value("asset_limit_months", case.division_code, on)


def _dibao_status(case, config, on) -> dict:
    if not config.criteria.get("in_dibao_household"):
        return {}
    in_dibao, in_edge = household_dibao_status(case.household_id, on)
    return {"household_in_dibao": in_dibao, "household_in_dibao_edge": in_edge}
