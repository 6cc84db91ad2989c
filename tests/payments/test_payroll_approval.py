"""Maker-checker: the caseworker prepares and submits, an approver who did not prepare it approves (locking
the roster) or returns it with a reason; every step is audited."""

import pytest

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.payments.errors import MakerChecker, PayrollError, RosterLocked
from minzheng.payments.models import RosterStatus
from minzheng.payments.services.approval import approve_roster, return_roster, submit_roster
from minzheng.payments.services.generation import generate_roster
from tests.core.factories import make_user

from .conftest import MONTH

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster(beneficiaries, county_caseworker):
    return generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=MONTH
    ).roster


def test_the_maker_cannot_approve_even_holding_both_roles(roster, divisions):
    both = make_user("caseworker", "210602000000", username="both")
    both.roles.add(*make_user("approver", "210602000000", username="tmp").roles.all())
    both = type(both).objects.get(pk=both.pk)
    mine = generate_roster(
        both, program_code="dibao_urban", division_code="210602002000", month=MONTH.replace(month=7)
    ).roster
    submit_roster(both, mine)
    with pytest.raises(MakerChecker):
        approve_roster(both, mine)
    mine.refresh_from_db()
    assert mine.status == RosterStatus.SUBMITTED


def test_submit_approve_locks_and_audits_every_step(roster, county_caseworker, approver):
    with pytest.raises(PermissionDenied):
        approve_roster(county_caseworker, roster)
    with pytest.raises(RosterLocked):
        approve_roster(approver, roster)  # not yet submitted
    submit_roster(county_caseworker, roster)
    approve_roster(approver, roster)
    roster.refresh_from_db()
    assert roster.status == RosterStatus.APPROVED and roster.approved_by == approver
    with pytest.raises(RosterLocked):
        generate_roster(
            county_caseworker, program_code="dibao_urban", division_code="210602000000", month=MONTH
        )
    with pytest.raises(RosterLocked):
        return_roster(approver, roster, "晚了")
    summaries = list(
        AuditEvent.objects.filter(object_type="payroll_roster", object_id=str(roster.pk)).values_list(
            "summary", flat=True
        )
    )
    assert any("生成" in s for s in summaries)
    assert any("提交审核" in s for s in summaries)
    assert any("审核通过并锁定" in s for s in summaries)


def test_return_needs_a_reason_and_allows_regeneration(roster, county_caseworker, approver):
    submit_roster(county_caseworker, roster)
    with pytest.raises(PayrollError) as error:
        return_roster(approver, roster, "  ")
    assert error.value.field == "reason"
    return_roster(approver, roster, "七道街道一户账号有误")
    roster.refresh_from_db()
    assert roster.status == RosterStatus.DRAFT and roster.returned_reason == "七道街道一户账号有误"
    again = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=MONTH
    ).roster
    assert again.generation == 2 and again.returned_reason == ""


def test_an_approver_of_another_county_cannot_approve(roster, county_caseworker, divisions):
    submit_roster(county_caseworker, roster)
    other = make_user("approver", "210603000000", username="zx_sp")
    with pytest.raises(PayrollError):
        approve_roster(other, roster)
