"""The 审核确认 workflow: only the moves the table allows, maker-checker, reasons on record, deadlines in
working days, and approval creating the enrolment with the amount the rules compute."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.assistance.errors import InvalidCase, WorkflowRefused
from minzheng.assistance.models import CaseEvent, Enrolment
from minzheng.assistance.services import decisions, workflow
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.errors import PermissionDenied
from tests.core.factories import make_user

from .casework import approved_case, desks, dibao_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    load_assistance_policy()


def test_a_dibao_application_goes_from_application_to_enrolment(policy, household):
    caseworker, reviewer, approver = desks()
    case = approved_case(caseworker, reviewer, approver, household, income="300.00")
    assert case.status == "approved"
    # 丹东 2020 urban standard 663; 3 members with 300 each: (663 − 300) × 3.
    assert case.decided_amount == Decimal("1089.00")
    enrolment = Enrolment.objects.get(case=case)
    assert enrolment.start_month == date(2026, 4, 1)
    assert enrolment.amounts.get().monthly_amount == Decimal("1089.00")
    assert enrolment.next_review_on is not None
    actions = list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))
    assert actions[:2] == ["apply", "accept"] and actions[-1] == "approve"  # the filing comes first
    assert case.benefit_snapshot["inputs"]


def test_the_person_who_entered_a_case_can_never_review_or_approve_it(policy, household):
    caseworker, reviewer, approver = desks()
    both = make_user("reviewer", "210602000000", username="yb_both")
    both.roles.add(*caseworker.roles.all())
    both.__dict__.pop("_role_codes", None)
    case = dibao_case(both, household, until="township_review")
    with pytest.raises(WorkflowRefused, match="录入本案件"):
        workflow.township_review(both, case.pk, decision="approve")
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 17))
    reviewer_approver = reviewer
    reviewer_approver.roles.add(*approver.roles.all())
    reviewer_approver.__dict__.pop("_role_codes", None)
    with pytest.raises(WorkflowRefused, match="审核本案件"):
        decisions.decide(reviewer_approver, case.pk, decision="approve", on=date(2026, 3, 18))


def test_illegal_moves_are_refused_and_leave_the_case_unchanged(policy, household):
    caseworker, _reviewer, approver = desks()
    case = dibao_case(caseworker, household)
    with pytest.raises(PermissionDenied):
        workflow.accept(approver, case.pk)
    with pytest.raises(WorkflowRefused):
        decisions.decide(approver, case.pk, decision="approve")
    with pytest.raises(WorkflowRefused):
        workflow.submit_investigation(caseworker, case.pk)
    case.refresh_from_db()
    # nothing but the filing itself was recorded
    assert case.status == "applied" and list(
        CaseEvent.objects.filter(case=case).values_list("action", flat=True)
    ) == ["apply"]


def test_a_rejection_needs_a_reason_and_the_case_stays_on_record(policy, household):
    caseworker, reviewer, _approver = desks()
    case = dibao_case(caseworker, household, until="township_review")
    with pytest.raises(InvalidCase):
        workflow.township_review(reviewer, case.pk, decision="reject", reason="  ")
    workflow.township_review(reviewer, case.pk, decision="reject", reason="家庭人均收入高于低保标准")
    case.refresh_from_db()
    assert case.status == "rejected"
    assert CaseEvent.objects.get(case=case, action="township_reject").reason == "家庭人均收入高于低保标准"


def test_publicity_must_run_seven_days_and_objections_be_settled(policy, household):
    from minzheng.assistance.services import case_records

    caseworker, reviewer, _approver = desks()
    case = dibao_case(caseworker, household, until="township_review")
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    case.refresh_from_db()
    assert case.publicity_until == date(2026, 3, 16)
    with pytest.raises(WorkflowRefused, match="公示期至"):
        workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 16))
    objection = case_records.record_objection(
        reviewer, case.pk, received_on=date(2026, 3, 10), raised_by="", content="该户有营运车辆"
    )
    with pytest.raises(WorkflowRefused, match="异议"):
        workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 17))
    case_records.resolve_objection(
        reviewer, case.pk, objection.pk, resolution="经核实车辆已报废", upheld=False
    )
    workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 17))


def test_deadlines_count_working_days_over_the_holidays(policy, household):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household)
    # Accepted the day before 国庆 2026 (1–7 October off; 10 October a make-up working day).
    case.applied_on = date(2026, 9, 29)
    case.save(update_fields=["applied_on"])
    workflow.accept(caseworker, case.pk, on=date(2026, 9, 30))
    case.refresh_from_db()
    assert case.procedure_due_on > date(2026, 11, 6)  # 30 working days, not calendar days


def test_outsider_gets_404_on_every_move(policy, household, outsider):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household)
    with pytest.raises(Http404):
        workflow.accept(outsider, case.pk)


def test_where_the_power_is_delegated_the_township_approver_decides(policy, household):
    from minzheng.assistance.services.program_settings import set_program_setting

    caseworker, reviewer, county_approver = desks()
    township_approver = make_user("approver", "210602002000", username="qd_sp")
    set_program_setting(
        county_approver, program_code="dibao_urban", division_code="210602000000", effective_from=date(2026, 1, 1),
        deciding_level="township", source_note="元宝区审核确认权限下放文件",
    )  # fmt: skip
    case = dibao_case(caseworker, household, until="township_review")
    assert case.deciding_level == "township"
    # 20 working days from 受理 (2026-03-03) where the township confirms.
    assert case.procedure_due_on == date(2026, 3, 31)
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 17))
    decisions.decide(township_approver, case.pk, decision="approve", on=date(2026, 3, 18))


def test_a_township_approver_cannot_decide_a_county_case(policy, household):
    caseworker, reviewer, _ = desks()
    township_approver = make_user("approver", "210602002000", username="qd_sp")
    case = dibao_case(caseworker, household, until="township_review")
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 17))
    with pytest.raises(WorkflowRefused, match="权限"):
        decisions.decide(township_approver, case.pk, decision="approve", on=date(2026, 3, 18))


def test_a_monitoring_warning_becomes_a_prefilled_application_shown_to_the_caseworker(
    policy, household, client
):
    from minzheng.assistance.services.cases import open_case
    from tests.core.factories import PASSWORD

    caseworker, _, _ = desks()
    case = open_case(
        caseworker, household_id=household.pk, program_code="dibao_urban", source="monitoring",
        prefill={"预警类型": "大病支出", "自付医疗费用": "23,400 元"}, source_reference="YJ-17",
    )  # fmt: skip
    client.post("/login/", {"username": caseworker.username, "password": PASSWORD})
    body = client.get(f"/assistance/cases/{case.pk}/").content.decode()
    assert "大病支出" in body and "23,400 元" in body and "YJ-17" in body


def test_a_household_applies_once_per_program_and_not_while_in_receipt(policy, household):
    from minzheng.assistance.services.cases import open_case

    caseworker, reviewer, approver = desks()
    case = dibao_case(caseworker, household)
    with pytest.raises(InvalidCase, match="在办"):
        open_case(caseworker, household_id=household.pk, program_code="dibao_urban")
    workflow.withdraw(caseworker, case.pk, reason="撤回")
    approved_case(caseworker, reviewer, approver, household)
    with pytest.raises(InvalidCase, match="已在保"):
        open_case(caseworker, household_id=household.pk, program_code="dibao_urban")
