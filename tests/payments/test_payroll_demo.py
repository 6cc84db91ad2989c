"""The 资金发放 demo goes through the real services and can be run twice."""

from datetime import date

import pytest

from minzheng.payments.demo import load_payroll_demo
from minzheng.payments.models import FollowUp, PayrollLine, PayrollRoster, RosterStatus
from tests.core.factories import HouseholdFactory, make_user

pytestmark = pytest.mark.django_db


def test_demo_builds_an_approved_paid_roster_and_a_draft(programs, divisions):
    make_user("caseworker", "210602000000", username="county_caseworker")
    make_user("approver", "210602000000", username="county_approver")
    for village in ("210602002001", "210602002002", "210602003001", "210602003001"):
        HouseholdFactory(village=village, size=2)
    message = load_payroll_demo(today=date(2026, 6, 15), households=10)
    assert "已审核并回盘" in message
    paid = PayrollRoster.objects.get(month=date(2026, 5, 1))
    assert paid.status == RosterStatus.SETTLED and paid.line_count == 4
    assert PayrollLine.objects.filter(roster=paid, follow_up=FollowUp.OPEN).count() == 3
    assert PayrollRoster.objects.get(month=date(2026, 6, 1)).status == RosterStatus.DRAFT
    assert "已存在" in load_payroll_demo(today=date(2026, 6, 15))
