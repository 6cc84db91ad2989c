"""Benefits on cases: 特困 standard + care grade, 临时救助 k × standard with its cap and the 备用金 advance,
fixed-amount programs — the figures and every input the approver sees."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.errors import WorkflowRefused
from minzheng.assistance.models import Enrolment
from minzheng.assistance.services import case_records, decisions, workflow
from minzheng.assistance.services.case_benefits import compute_case_benefit
from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.seed import load_assistance_policy
from tests.assistance.factories import add_parameter, add_standard

from .casework import desks, to_approval

pytestmark = pytest.mark.django_db
DANDONG = "210600000000"


@pytest.fixture
def policy():
    load_assistance_policy()


def _to_investigation(caseworker, household, program, income="0"):
    case = open_case(caseworker, household_id=household.pk, program_code=program, applied_on=date(2026, 3, 2))
    workflow.accept(caseworker, case.pk, on=date(2026, 3, 3))
    workflow.start_verification(caseworker, case.pk, on=date(2026, 3, 4))
    case.refresh_from_db()
    if case.status == "verifying":
        workflow.record_verification_by_hand(
            caseworker,
            case.pk,
            per_capita_income=Decimal(income),
            per_capita_assets=Decimal(0),
            note="入户核实",
        )
    return case


def test_tekun_support_is_the_basic_standard_plus_the_care_of_the_assessed_grade(policy, household):
    add_standard(DANDONG, date(2021, 1, 1), "300", kind="tekun_care_partial", area="all")
    caseworker, _, _ = desks()
    case = _to_investigation(caseworker, household, "tekun_dispersed")
    case_records.record_visit(
        caseworker, case.pk, visited_on=date(2026, 3, 5), investigators="张三、李四", living_conditions="独居",
        findings="不能自行洗澡、如厕", unable_activities=["洗澡", "如厕"],
    )  # fmt: skip
    case_records.set_benefit_inputs(caseworker, case.pk, persons=1)
    case.refresh_from_db()
    assert case.care_grade == "半护理"
    benefit = compute_case_benefit(case, date(2026, 3, 10))
    # 丹东 urban 低保 663 × 1.3 = 861.90 basic + 300 半护理.
    assert benefit.amount == Decimal("1161.90") and benefit.persons == 1
    assert {line.label for line in benefit.inputs} >= {"特困基本生活标准（元/人/月）", "照料护理等级"}


def test_temporary_assistance_is_capped_and_deducts_the_township_advance(policy, household):
    add_parameter("temporary_assistance_months", DANDONG, date(2021, 1, 1), "3")
    add_parameter("temporary_assistance_cap", DANDONG, date(2021, 1, 1), "1500")
    add_parameter("emergency_advance_case_limit", DANDONG, date(2021, 1, 1), "800")
    add_parameter("township_reserve_per_resident", "210602002000", date(2021, 1, 1), "500")
    caseworker, _reviewer, _approver = desks()
    case = open_case(
        caseworker, household_id=household.pk, program_code="temporary_emergency", applied_on=date(2026, 3, 2)
    )
    case_records.advance_relief(caseworker, case.pk, requested=Decimal("1000"), on=date(2026, 3, 2))
    case.refresh_from_db()
    assert case.advance_amount == Decimal("800.00")  # the per-case limit (the reserve is 3 × 500)
    with pytest.raises(WorkflowRefused):
        case_records.advance_relief(caseworker, case.pk, requested=Decimal("100"))
    workflow.accept(caseworker, case.pk, on=date(2026, 3, 3))
    workflow.start_verification(caseworker, case.pk, on=date(2026, 3, 4))
    case.refresh_from_db()
    if case.status == "verifying":
        workflow.record_verification_by_hand(
            caseworker, case.pk, per_capita_income=Decimal(200), per_capita_assets=None, note="入户"
        )
    case_records.set_benefit_inputs(caseworker, case.pk, persons=None, requested_amount=Decimal("5000"))
    case.refresh_from_db()
    benefit = compute_case_benefit(case, date(2026, 3, 10))
    # min(663 × 3, 1500, 5000) = 1500, minus the 800 advanced.
    assert benefit.amount == Decimal("700.00") and benefit.one_off


def test_the_township_reserve_caps_the_advance(policy, household):
    add_parameter("emergency_advance_case_limit", DANDONG, date(2021, 1, 1), "800")
    caseworker, _, _ = desks()
    case = open_case(
        caseworker, household_id=household.pk, program_code="temporary_emergency", applied_on=date(2026, 3, 2)
    )
    fund, left = case_records.reserve_balance(case.division_code, date(2026, 3, 2))
    assert fund == left == Decimal("6.00")  # 3 residents × 2 元 (丹东 plan)


def test_approval_refuses_an_ineligible_household(policy, household):
    caseworker, reviewer, approver = desks()
    case = _to_investigation(caseworker, household, "dibao_urban", income="900")
    to_approval(caseworker, reviewer, case.pk, findings="收入稳定")
    with pytest.raises(WorkflowRefused, match="不符合"):
        decisions.decide(approver, case.pk, decision="approve", on=date(2026, 3, 18))
    decisions.decide(
        approver, case.pk, decision="reject", reason="人均收入高于低保标准", on=date(2026, 3, 18)
    )
    assert not Enrolment.objects.exists()


def test_a_temporary_assistance_enrolment_pays_one_month_only(policy, household):
    add_parameter("temporary_assistance_months", DANDONG, date(2021, 1, 1), "2")
    add_parameter("temporary_assistance_cap", DANDONG, date(2021, 1, 1), "3000")
    caseworker, reviewer, approver = desks()
    case = _to_investigation(caseworker, household, "temporary_expenditure", income="100")
    to_approval(caseworker, reviewer, case.pk, findings="医疗支出大")
    decisions.decide(approver, case.pk, decision="approve", on=date(2026, 3, 18))
    enrolment = Enrolment.objects.get()
    assert enrolment.start_month == enrolment.end_month == date(2026, 4, 1)
    assert enrolment.amounts.get().monthly_amount == Decimal("1326.00")
