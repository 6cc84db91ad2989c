"""An upheld 公示 objection (民发〔2021〕57号 第十九条; 《特困人员认定办法》第十五条) sends the case back to
investigation and a new 初审 (乡镇审核); a 特困 case is published again, a 低保 case may go on to 审批."""

from datetime import date

import pytest

from minzheng.assistance.errors import WorkflowRefused
from minzheng.assistance.models import AssistanceCase
from minzheng.assistance.rules.workflow import Action, new_publicity_after_upheld_objection
from minzheng.assistance.services import case_records, workflow
from minzheng.assistance.services.seed import load_assistance_policy

from .casework import desks, dibao_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    load_assistance_policy()


def _upheld_objection(reviewer, case):
    objection = case_records.record_objection(
        reviewer, case.pk, received_on=date(2026, 3, 10), raised_by="", content="该户有营运车辆"
    )
    case_records.resolve_objection(
        reviewer, case.pk, objection.pk, resolution="经核实确有营运车辆", upheld=True
    )


def test_upheld_objection_sends_the_case_back_to_investigation_art19(policy, household):
    caseworker, reviewer, _ = desks()
    case = dibao_case(caseworker, household, until="township_review")
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    _upheld_objection(reviewer, case)
    case.refresh_from_db()
    assert case.status == "investigating"
    assert case.events.filter(action=Action.REINVESTIGATE).exists()
    with pytest.raises(WorkflowRefused):
        workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 17))


def test_dibao_after_reinvestigation_a_new_township_review_may_go_to_approval_art19(policy, household):
    caseworker, reviewer, _ = desks()
    case = dibao_case(caseworker, household, until="township_review")
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    _upheld_objection(reviewer, case)
    workflow.submit_investigation(caseworker, case.pk)
    workflow.township_review(reviewer, case.pk, decision="approve_without_publicity", on=date(2026, 3, 20))
    assert AssistanceCase.objects.get(pk=case.pk).status == "approval"


def test_tekun_after_an_upheld_objection_is_published_again_art15(policy, household):
    caseworker, reviewer, _ = desks()
    case = dibao_case(caseworker, household, until="township_review")
    AssistanceCase.objects.filter(pk=case.pk).update(
        program=case.program.__class__.objects.get(code="tekun_dispersed")
    )
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    _upheld_objection(reviewer, case)
    workflow.submit_investigation(caseworker, case.pk)
    with pytest.raises(WorkflowRefused, match="重新公示"):
        workflow.township_review(
            reviewer, case.pk, decision="approve_without_publicity", on=date(2026, 3, 20)
        )
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 20))
    case.refresh_from_db()
    assert case.status == "publicity" and case.publicity_from == date(2026, 3, 20)


def test_new_publicity_is_required_for_tekun_only_art15():
    assert new_publicity_after_upheld_objection(is_tekun=True) is True
    assert new_publicity_after_upheld_objection(is_tekun=False) is False
