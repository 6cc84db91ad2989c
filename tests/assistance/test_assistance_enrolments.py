"""Cases are opened through one door; enrolments keep dated amounts; a month's entitlements are what was in
force that month — the contract payroll and monitoring build on."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.assistance.errors import InvalidCase
from minzheng.assistance.models import AssistanceCase, CaseSource, Enrolment
from minzheng.assistance.selectors.entitlements import entitlements_for_month
from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.enrolments import (
    NewEnrolment,
    change_amount,
    enrol_from_case,
    stop_enrolment,
)
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def programs():
    load_assistance_policy()


def _enrolled(user, household, amount="500.00", start=date(2026, 3, 1)):
    case = open_case(user, household_id=household.pk, program_code="dibao_urban", applied_on=date(2026, 2, 3))
    terms = NewEnrolment(
        start_month=start, monthly_amount=Decimal(amount), persons=3, payee_id=household.head_id
    )
    return enrol_from_case(user, case, terms)


def test_open_case_numbers_audits_and_keeps_the_source(programs, county_caseworker, household):
    case = open_case(
        county_caseworker,
        household_id=household.pk,
        program_code="dibao_urban",
        source=CaseSource.MONITORING,
        applied_on=date(2026, 2, 3),
        prefill={"warning": 17},
        source_reference="YJ-17",
    )
    assert case.number == f"JZ2026210602{case.pk:08d}"
    assert case.division_code == household.residence_division_code
    assert case.prefill == {"warning": 17}
    assert AuditEvent.objects.filter(object_type="assistance_case", object_id=str(case.pk)).exists()


def test_open_case_refuses_outside_jurisdiction_unknown_program_and_non_caseworkers(
    programs, outsider, county_caseworker, city_leader, household
):
    with pytest.raises(Http404):
        open_case(outsider, household_id=household.pk, program_code="dibao_urban")
    with pytest.raises(InvalidCase) as error:
        open_case(county_caseworker, household_id=household.pk, program_code="no_such_program")
    assert error.value.field == "program_code"
    with pytest.raises(PermissionDenied):
        open_case(city_leader, household_id=household.pk, program_code="dibao_urban")
    assert not AssistanceCase.objects.exists()


def test_entitlement_is_the_amount_in_force_in_the_month(programs, county_caseworker, household):
    enrolment = _enrolled(county_caseworker, household)
    change_amount(
        county_caseworker, enrolment, from_month=date(2026, 6, 15), monthly_amount=Decimal("620"), persons=3,
        kind="raise", reason="提标",
    )  # fmt: skip
    stop_enrolment(county_caseworker, enrolment, last_month=date(2026, 9, 20), reason="收入超标")

    def paid(month):
        return [e.monthly_amount for e in entitlements_for_month(month, program_code="dibao_urban")]

    assert paid(date(2026, 2, 1)) == []
    assert paid(date(2026, 3, 1)) == [Decimal("500.00")]
    assert paid(date(2026, 5, 1)) == [Decimal("500.00")]
    assert paid(date(2026, 6, 1)) == [Decimal("620.00")]
    assert paid(date(2026, 9, 1)) == [Decimal("620.00")]
    assert paid(date(2026, 10, 1)) == []
    assert list(entitlements_for_month(date(2026, 6, 1), division_code="210603000000")) == []
    (row,) = entitlements_for_month(date(2026, 6, 1), division_code="210602000000")
    assert (row.household_number, row.persons, row.payee_id) == (household.number, 3, household.head_id)


def test_enrolment_rules(programs, county_caseworker, household):
    enrolment = _enrolled(county_caseworker, household)
    with pytest.raises(InvalidCase):
        _enrolled(county_caseworker, household)  # already 在保
    with pytest.raises(InvalidCase):
        change_amount(
            county_caseworker, enrolment, from_month=date(2026, 3, 1), monthly_amount=Decimal("1"), persons=3,
            kind="increase", reason="重复月份",
        )  # fmt: skip
    with pytest.raises(InvalidCase):
        change_amount(
            county_caseworker, enrolment, from_month=date(2026, 4, 1), monthly_amount=Decimal("-1"), persons=3,
            kind="decrease", reason="负数",
        )  # fmt: skip
    stop_enrolment(county_caseworker, enrolment, last_month=date(2026, 1, 1), reason="未发放即停保")
    assert enrolment.end_month == date(2026, 2, 1)
    assert list(entitlements_for_month(date(2026, 3, 1))) == []


def test_enrol_case_through_the_interface_answers_another_regions_case_like_a_missing_one(
    programs, county_caseworker, outsider, household
):
    from minzheng.assistance.interface import NewEnrolment, enrol_case
    from minzheng.assistance.interface import open_case as open_case_through_interface

    opened = open_case_through_interface(
        county_caseworker, household_id=household.pk, program_code="dibao_urban"
    )
    terms = NewEnrolment(
        start_month=date(2026, 3, 1), monthly_amount=Decimal("300"), persons=3, payee_id=household.head_id
    )
    with pytest.raises(Http404):
        enrol_case(outsider, opened.id, terms)
    assert not Enrolment.objects.exists()
    assert enrol_case(county_caseworker, opened.id, terms) == Enrolment.objects.get().pk


def test_the_enrolment_list_filters_by_several_programs_for_a_urban_and_rural_figure(
    programs, county_caseworker, household
):
    """A 城乡低保 figure drills to ``program=dibao_urban,dibao_rural`` (issue 17): both programs' enrolments."""
    from minzheng.assistance.selectors.enrolments import EnrolmentFilter, enrolment_list

    enrolment = _enrolled(county_caseworker, household)
    month = date(2026, 4, 1)

    def listed(program):
        return list(enrolment_list(county_caseworker, EnrolmentFilter(program=program, month=month)))

    assert listed("dibao_urban,dibao_rural") == [enrolment]
    assert listed("dibao_rural") == [] and listed("dibao_urban") == [enrolment]
