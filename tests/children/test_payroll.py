"""孤儿基本生活费 / 事实无人抚养儿童基本生活补贴 are paid by the one payroll (资金发放): a confirmed allowance is a
社会救助 enrolment from the month after confirmation (民发〔2019〕62号 二(三) "从确认的次月起"), so the month's
roster of the program carries the child with the amount fixed at confirmation (补差 included), passes the same
maker-checker, and stops after the month the category ends (62号 二(四))."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.children.models import ApplicationStatus
from minzheng.children.services import allowances, register
from minzheng.payments.models import PayrollLine
from minzheng.payments.services.approval import approve_roster, submit_roster
from minzheng.payments.services.generation import generate_roster
from tests.core.factories import HouseholdFactory

from .factories import both_parents, child_in_household, open_file

pytestmark = pytest.mark.django_db
COUNTY = "210602000000"


def _confirmed(
    director, supervisor, approver, child, *, kind="orphan_scattered", decided_on=date(2026, 3, 20)
):
    record = open_file(director, child)
    if kind.startswith("orphan"):
        both_parents(director, record, "dead", since=date(2022, 1, 1))
    else:
        both_parents(director, record, "imprisoned", since=date(2022, 1, 1), until=date(2032, 1, 1))
    register.add_flag(director, record, category=kind, valid_from=date(2026, 1, 5), evidence="证明材料")
    application = allowances.receive_application(
        director, record, kind=kind, applicant_name="李奶奶", applicant_relation="祖母", received_on=date(2026, 3, 2)
    )  # fmt: skip
    application = allowances.check_application(
        supervisor, application, eligible=True, checked_on=date(2026, 3, 10), note="比对一致"
    )
    return record, allowances.confirm_application(
        approver, application, confirmed=True, decided_on=decided_on
    )


def _lines(caseworker, program_code: str, month: date):
    roster = generate_roster(caseworker, program_code=program_code, division_code=COUNTY, month=month).roster
    return roster, list(PayrollLine.objects.filter(roster=roster).order_by("seq"))


def test_confirmed_orphan_is_on_next_months_roster_with_the_standard(
    policy, director, supervisor, county_approver, county_caseworker
):
    """62号 二(三): confirmed 20 March → not on March's roster, on April's with 1,284 元 (丹东 散居孤儿)."""
    household = HouseholdFactory(size=2)
    child = child_in_household(household)
    _, application = _confirmed(director, supervisor, county_approver, child)
    assert application.enrolment_id is not None

    _, march = _lines(county_caseworker, "orphan_scattered", date(2026, 3, 1))
    assert march == []
    roster, april = _lines(county_caseworker, "orphan_scattered", date(2026, 4, 1))
    assert [(line.household_id, line.persons, line.amount) for line in april] == [
        (household.pk, 1, Decimal("1284.00"))
    ]
    assert april[0].payee_name == household.head.name
    # The same maker-checker as every roster: the caseworker submits, the approver approves.
    submit_roster(county_caseworker, roster)
    assert approve_roster(county_approver, roster).status == "approved"


def test_de_facto_subsidy_on_the_roster_is_topped_up_over_dibao(
    policy, director, supervisor, county_approver, county_caseworker
):
    """62号 三(一) 补差: a household of 3 on 900 元 低保 → the child's 300 元 share is subtracted: 1,284 − 300."""
    from minzheng.assistance.interface import NewEnrolment, enrol_case, open_case

    household = HouseholdFactory(size=2)
    child = child_in_household(household)
    case = open_case(
        county_caseworker, household_id=household.pk, program_code="dibao_urban", applied_on=date(2026, 1, 5)
    )
    enrol_case(
        county_caseworker, case.id,
        NewEnrolment(start_month=date(2026, 2, 1), monthly_amount=Decimal("900"), persons=3, payee_id=household.head_id),
    )  # fmt: skip
    _confirmed(director, supervisor, county_approver, child, kind="de_facto_unattended")
    _, april = _lines(county_caseworker, "de_facto_unattended_child", date(2026, 4, 1))
    assert [line.amount for line in april] == [Decimal("984.00")]


def test_two_orphan_siblings_are_two_lines_and_stop_on_their_own(
    policy, director, supervisor, county_approver, county_caseworker
):
    """Each child is its own enrolment: ending one sibling's category (62号 二(四)) leaves the other paid."""
    household = HouseholdFactory(size=2)
    elder = child_in_household(household, birth=date(2012, 6, 1), name="李大雨")
    younger = child_in_household(household, birth=date(2016, 6, 1), name="李小雨")
    elder_record, elder_app = _confirmed(director, supervisor, county_approver, elder)
    _confirmed(director, supervisor, county_approver, younger)
    _, april = _lines(county_caseworker, "orphan_scattered", date(2026, 4, 1))
    assert [line.amount for line in april] == [Decimal("1284.00")] * 2

    flag = elder_record.flags.get(category="orphan_scattered")
    register.end_flag(director, flag, ended_on=date(2026, 6, 10), reason="被依法收养")
    elder_app.refresh_from_db()
    assert elder_app.status == ApplicationStatus.ENDED
    assert elder_app.end_month == date(2026, 6, 1)  # 次月停发: June is the last month paid
    _, june = _lines(county_caseworker, "orphan_scattered", date(2026, 6, 1))
    _, july = _lines(county_caseworker, "orphan_scattered", date(2026, 7, 1))
    assert len(june) == 2 and len(july) == 1


def test_end_allowance_and_closing_the_file_stop_the_payroll(
    policy, director, supervisor, county_approver, county_caseworker
):
    child = child_in_household()
    _, application = _confirmed(director, supervisor, county_approver, child)
    allowances.end_allowance(
        county_approver, application, last_month=date(2026, 5, 1), reason="监护人申请终止"
    )
    _, may = _lines(county_caseworker, "orphan_scattered", date(2026, 5, 1))
    _, june = _lines(county_caseworker, "orphan_scattered", date(2026, 6, 1))
    assert len(may) == 1 and june == []

    other_home = HouseholdFactory(size=2)
    other_record, _ = _confirmed(
        director, supervisor, county_approver, child_in_household(other_home, name="王小花")
    )
    register.close_record(director, other_record, ended_on=date(2026, 3, 25), reason="迁出本市")
    _, april = _lines(county_caseworker, "orphan_scattered", date(2026, 4, 1))
    assert other_home.pk not in {line.household_id for line in april}  # closed before its first paid month


def test_the_allowance_ends_with_the_category_at_18(
    policy, director, supervisor, county_approver, county_caseworker
):
    """An open-ended flag ends the day before the 18th birthday (未保法 Art 2): paid through that month."""
    child = child_in_household(birth=date(2008, 9, 15))
    _confirmed(director, supervisor, county_approver, child)
    _, august = _lines(county_caseworker, "orphan_scattered", date(2026, 8, 1))
    _, october = _lines(county_caseworker, "orphan_scattered", date(2026, 10, 1))
    assert len(august) == 1 and october == []


def test_a_child_without_a_household_cannot_be_confirmed_for_payment(
    policy, director, supervisor, county_approver
):
    from minzheng.children.errors import InvalidChildInput

    from .factories import make_child

    with pytest.raises(InvalidChildInput, match="没有在户记录"):
        _confirmed(director, supervisor, county_approver, make_child())
