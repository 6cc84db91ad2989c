"""Payroll test data, created through the assistance services (cases → enrolments with dated amounts)."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.enrolments import NewEnrolment, enrol_from_case
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.payments.services.seed import load_bank_formats
from tests.core.factories import HouseholdFactory, make_user

MONTH = date(2026, 6, 1)


@pytest.fixture
def programs(db):
    load_assistance_policy()
    load_bank_formats()


@pytest.fixture
def approver(divisions):
    """审批人 of 元宝区."""
    return make_user("approver", "210602000000", username="yb_sp")


def enrol(
    user,
    household,
    *,
    amount="500.00",
    persons=3,
    start=date(2026, 3, 1),
    bank="丹东农商银行",
    account=None,
    program="dibao_urban",
):
    case = open_case(user, household_id=household.pk, program_code=program, applied_on=date(2026, 2, 3))
    terms = NewEnrolment(
        start_month=start,
        monthly_amount=Decimal(amount),
        persons=persons,
        payee_id=household.head_id,
        bank_name=bank,
        bank_account=account or f"62300{household.pk:014d}",
    )
    return enrol_from_case(user, case, terms)


@pytest.fixture
def beneficiaries(programs, county_caseworker):
    """Four 城市低保 households in two townships of 元宝区 (two banks) and one in 振兴区 (another county)."""
    homes = [
        (HouseholdFactory(village="210602002001", size=3), "500.00", "丹东农商银行"),
        (HouseholdFactory(village="210602002002", size=2), "420.50", "中国邮政储蓄银行"),
        (HouseholdFactory(village="210602003001", size=1), "663.00", "丹东农商银行"),
        (HouseholdFactory(village="210602003001", size=4), "1200.00", "中国邮政储蓄银行"),
    ]
    enrolments = [
        enrol(county_caseworker, h, amount=a, persons=h.memberships.count(), bank=b) for h, a, b in homes
    ]
    other = HouseholdFactory(village="210603001001", size=2)
    outsider_worker = make_user("caseworker", "210603000000", username="zx_jb2")
    enrol(outsider_worker, other, amount="300.00", persons=2)
    return enrolments


@pytest.fixture
def approved_roster(beneficiaries, county_caseworker, approver):
    from minzheng.payments.services.approval import approve_roster, submit_roster
    from minzheng.payments.services.generation import generate_roster

    roster = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=MONTH
    ).roster
    submit_roster(county_caseworker, roster)
    return approve_roster(approver, roster)
