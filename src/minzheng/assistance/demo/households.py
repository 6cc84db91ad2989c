"""Demo data for the 社会救助 sub-platform (``manage.py demo_assistance``): a realistic share of the demo
households of 丹东 in 低保 / 特困 / 低保边缘 / 残疾人两项补贴 / 高龄津贴, with amounts computed by the same rules
as a decision, and cases at every workflow stage for the demo users — made through the workflow services.

Local figures the plans do not state (分类施保 increments, 照料护理 and 两项补贴 standards, 临时救助 multiple)
are entered as 丹东 versions whose note says 演示数据, so nobody mistakes them for policy.
"""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from minzheng.core.models import HouseholdMembership, User
from minzheng.policy.interface import add_months, ensure_parameter, insert_version, month_start

from ..models import (
    AssistanceCase,
    AssistanceProgram,
    AssistanceStandard,
    CaseEvent,
    CaseStatus,
    Enrolment,
    EnrolmentAmount,
)
from ..selectors.books import policy_book
from ..services.case_benefits import Member, benefit_for
from ..services.cases import case_number
from .cases import cases_at_every_stage

DANDONG = "210600000000"
DEMO_NOTE = "演示数据（非政策文件），请按本地文件设置"
DEMO_FROM = date(2021, 1, 1)

DEMO_PARAMETERS = {
    "dibao_increment_elderly": "50",
    "dibao_increment_severely_disabled": "100",
    "dibao_increment_seriously_ill": "80",
    "dibao_increment_minor": "50",
    "temporary_assistance_months": "3",
    "temporary_assistance_cap": "3000",
    "emergency_advance_case_limit": "1000",
}
DEMO_STANDARDS = {
    "tekun_care_self": "100",
    "tekun_care_partial": "300",
    "tekun_care_full": "600",
    "disability_living": "100",
    "disability_care": "100",
    "longevity": "100",
}


@dataclass
class _Household:
    pk: int
    number: str
    division_code: str
    area: str
    head_id: int
    members: list[Member]


_DEMO_BANKS = (("丹东农商银行", "62304"), ("中国邮政储蓄银行", "62179"), ("中国建设银行", "62170"))


def _demo_policy() -> None:
    for name, value in DEMO_PARAMETERS.items():
        ensure_parameter(
            name=name, division_code=DANDONG, effective_from=DEMO_FROM, value=value, source_note=DEMO_NOTE
        )
    for kind, amount in DEMO_STANDARDS.items():
        if not AssistanceStandard.objects.filter(kind=kind, division_code=DANDONG).exists():
            standard = AssistanceStandard(
                kind=kind, area="all", division_code=DANDONG, effective_from=DEMO_FROM, amount=Decimal(amount),
                period="month", source_note=DEMO_NOTE,
            )  # fmt: skip
            insert_version(
                AssistanceStandard.objects.filter(kind=kind, area="all", division_code=DANDONG), standard
            )


def _households(prefix: str, today: date) -> list[_Household]:
    rows = (
        HouseholdMembership.objects.filter(
            valid_to__isnull=True,
            household__dissolved_on__isnull=True,
            household__residence_division_code__startswith=prefix,
            person__is_deceased=False,
        )
        .order_by("household_id", "relation", "person_id")
        .values_list(
            "household_id", "household__number", "household__residence_division_code", "household__area_type",
            "household__head_id", "person_id", "person__name", "person__birth_date", "person__disability_grade",
        )
    )  # fmt: skip
    households: dict[int, _Household] = {}
    for pk, number, code, area, head, person, name, birth, grade in rows.iterator(chunk_size=5000):
        household = households.setdefault(pk, _Household(pk, number, code, area, head, []))
        age = (
            None
            if birth is None
            else today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        )
        household.members.append(Member(person, name, age, grade))
    return [h for h in households.values() if h.head_id]


def _choose(households: list[_Household], rng: random.Random) -> dict[str, list[_Household]]:
    """A plausible caseload: ~3% of urban and ~5% of rural households in 低保 (more among the elderly and disabled), most lone elderly or disabled
    without support in 特困, persons with certificates in the 两项补贴, everyone 90+ in 高龄津贴."""
    chosen: dict[str, list[_Household]] = defaultdict(list)
    for household in households:
        ages = [m.age or 0 for m in household.members]
        disabled = [m for m in household.members if m.disability_grade]
        single_old = len(household.members) == 1 and ages[0] >= 60
        if single_old and rng.random() < (0.25 if disabled else 0.08):
            chosen["tekun_centralised" if rng.random() < 0.2 else "tekun_dispersed"].append(household)
            continue
        share = 0.04 if household.area == "rural" else 0.025
        share *= 2 if disabled or any(a >= 65 for a in ages) else 1
        draw = rng.random()
        if draw < share:
            chosen["dibao_rural" if household.area == "rural" else "dibao_urban"].append(household)
            if disabled:
                chosen["disability_living"].append(household)
        elif draw < share * 1.6:
            chosen["dibao_edge"].append(household)
        if any((m.disability_grade or 9) <= 2 for m in household.members) and rng.random() < 0.6:
            chosen["disability_care"].append(household)
        if any(a >= 90 for a in ages):
            chosen["longevity"].append(household)
    return chosen


def _persons(program: str, household: _Household) -> int:
    if program == "disability_living":
        return sum(1 for m in household.members if m.disability_grade)
    if program == "disability_care":
        return sum(1 for m in household.members if (m.disability_grade or 9) <= 2)
    if program == "longevity":
        return sum(1 for m in household.members if (m.age or 0) >= 90)
    if program.startswith("tekun"):
        return 1
    return len(household.members)


def _review_category(household: _Household) -> str:
    special = any((m.age or 0) >= 60 or (m.disability_grade or 9) <= 2 for m in household.members)
    return "stable_special" if special else "other"


def _next_review(household: _Household, start: date, today: date) -> date:
    """Reviews kept up to date, the next one 12 or 6 months on (a few a fortnight overdue)."""
    months = 12 if _review_category(household) == "stable_special" else 6
    review = add_months(start, months)
    while review < today - timedelta(days=15):
        review = add_months(review, months)
    return review


def _enrol_all(chosen, programs, actor: User, today: date, rng: random.Random) -> tuple[int, int]:
    """Approved cases, enrolments and first amounts, set-based; amounts from ``benefit_for`` (the rules)."""
    book = policy_book({h.division_code for group in chosen.values() for h in group})
    cases, plans = [], []
    for code, group in chosen.items():
        program = programs[code]
        for household in group:
            start = month_start(today - timedelta(days=rng.randint(30, 5 * 365)))
            decided = start - timedelta(days=rng.randint(3, 25))
            case = AssistanceCase(
                number=f"tmp-demo-{code}-{household.pk}", program=program, household_id=household.pk,
                division_code=household.division_code,
                area=household.area if program.area == "all" else program.area, source="self",
                status=CaseStatus.APPROVED, applied_on=decided - timedelta(days=rng.randint(20, 40)),
                accepted_on=decided - timedelta(days=rng.randint(15, 19)), deciding_level=program.deciding_level,
                decided_on=decided, decision_reason="符合条件，予以批准（演示数据）", created_by=actor,
                persons=_persons(code, household), income_source="manual",
                verification_note="演示数据：家庭收入为合成数据",
                care_grade=rng.choice(["全自理", "全自理", "半护理", "全护理"]) if code.startswith("tekun") else "",
            )  # fmt: skip
            if program.benefit_formula == "top_up":
                standard = book.standard("dibao", case.area, case.division_code, decided)
                line = standard.monthly_amount if standard else Decimal(600)
                case.per_capita_income = (line * Decimal(rng.uniform(0.05, 0.85))).quantize(Decimal("10"))
            elif code == "dibao_edge":
                case.per_capita_income = Decimal(rng.randint(700, 950))
            else:
                case.per_capita_income = Decimal(rng.randint(0, 400))
            case.per_capita_assets = Decimal(rng.randint(0, 8000))
            benefit = benefit_for(case, household.members, decided, book)
            if benefit.error:
                continue
            case.decided_amount, case.benefit_snapshot = benefit.amount, benefit.snapshot(decided)
            cases.append(case)
            plans.append((household, start))
    AssistanceCase.objects.bulk_create(cases, batch_size=1000)
    saved = list(AssistanceCase.objects.filter(number__startswith="tmp-demo-").order_by("pk"))
    for case in saved:
        case.number = case_number(case.pk, case.division_code, case.applied_on)
    AssistanceCase.objects.bulk_update(saved, ["number"], batch_size=1000)
    by_key = {(c.program_id, c.household_id): c for c in saved}
    enrolments, ended = [], 0
    for case, (household, start) in zip(cases, plans, strict=True):
        stored = by_key[(case.program_id, case.household_id)]
        end = None
        if rng.random() < 0.08:
            end = add_months(start, rng.randint(1, 18))
            end = end if end < month_start(today) else None
            ended += end is not None
        enrolments.append(
            Enrolment(
                program_id=stored.program_id,
                household_id=household.pk,
                case=stored,
                division_code=household.division_code,
                area=stored.area,
                start_month=start,
                end_month=end,
                end_reason="收入超过标准（演示数据）" if end else "",
                payee_id=household.head_id,
                # 发放账户: demo 社保卡/一卡通 numbers (19 digits, unique per household) so payroll can pay them.
                bank_name=_DEMO_BANKS[household.pk % len(_DEMO_BANKS)][0],
                bank_account=f"{_DEMO_BANKS[household.pk % len(_DEMO_BANKS)][1]}{household.pk:014d}",
                review_category=_review_category(household),
                next_review_on=None if end else _next_review(household, start, today),
            )
        )
    Enrolment.objects.bulk_create(enrolments, batch_size=1000)
    stored_enrolments = Enrolment.objects.filter(case__in=saved).values_list("pk", "case_id", "start_month")
    cases_by_pk = {c.pk: c for c in saved}
    EnrolmentAmount.objects.bulk_create(
        [
            EnrolmentAmount(
                enrolment_id=pk,
                effective_month=start,
                monthly_amount=cases_by_pk[case_id].decided_amount,
                persons=cases_by_pk[case_id].persons,
                kind="initial",
                reason="案件批准（演示数据）",
            )
            for pk, case_id, start in stored_enrolments
        ],
        batch_size=2000,
    )
    CaseEvent.objects.bulk_create(
        [
            CaseEvent(
                case=c,
                action="approve",
                label="批准",
                from_status="approval",
                to_status="approved",
                reason="演示数据：按规则计算的保障金",
                actor=actor,
            )
            for c in saved
        ],
        batch_size=2000,
    )
    return len(saved), ended


@transaction.atomic
def load_demo_assistance(*, seed: int = 20260101, today: date | None = None, prefix: str = "2106") -> dict:
    """Idempotent: a database that already has enrolments is left as it is."""
    today = today or date.today()
    if Enrolment.objects.exists():
        return {"skipped": True}
    _demo_policy()
    rng = random.Random(seed)
    actor = (
        User.objects.filter(username="county_caseworker").first()
        or User.objects.filter(is_superuser=False).first()
    )
    if actor is None:
        return {"skipped": True}
    programs = {p.code: p for p in AssistanceProgram.objects.all()}
    households = _households(prefix, today)
    workflow_households = [h for h in households if h.division_code.startswith("210602002")][:40]
    reserved = {h.pk for h in workflow_households}
    chosen = _choose([h for h in households if h.pk not in reserved], rng)
    enrolled, ended = _enrol_all(chosen, programs, actor, today, rng)
    stages = cases_at_every_stage(workflow_households, today)
    return {"enrolled": enrolled, "ended": ended, "workflow_cases": stages} | {
        k: len(v) for k, v in chosen.items()
    }
