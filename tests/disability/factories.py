"""Test data for 两项补贴: a disabled person in a registry household, 残联 certificate files, a 低保 household."""

from datetime import date
from decimal import Decimal

from minzheng.core.models import HouseholdMembership
from minzheng.disability.services.certificates import import_certificates
from tests.core.factories import HouseholdFactory, PersonFactory

HEADER = "残疾人证号,公民身份号码,姓名,残疾类别,残疾等级,发证日期,有效期至"


def disabled_person(household=None, *, name="赵明", birth=date(1970, 2, 3), village="210602002001"):
    household = household or HouseholdFactory(size=1, village=village)
    person = PersonFactory(village=village, name=name, birth=birth)
    HouseholdMembership.objects.create(
        household=household, person=person, relation="10", valid_from=date(2020, 1, 1)
    )
    return household, person


def certificate_file(*rows: str) -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def certify(actor, person, *, category="肢体", grade="二级", valid_until="2030-12-31", number=None):
    number = number or f"{person.id_number}{12 if grade in ('二级', '2') else 11}"
    line = f"{number},{person.id_number},{person.name},{category},{grade},2020-01-01,{valid_until}"
    batch = import_certificates(
        actor, data=certificate_file(line), file_name="残联.csv", source_department="元宝区残联"
    )
    assert batch.status == "accepted", batch.errors
    return batch


def in_dibao(county_caseworker, household, start=date(2026, 1, 1)):
    from minzheng.assistance.interface import NewEnrolment, enrol_case, open_case

    case = open_case(
        county_caseworker, household_id=household.pk, program_code="dibao_urban", applied_on=date(2025, 12, 5)
    )
    enrol_case(
        county_caseworker, case.id,
        NewEnrolment(start_month=start, monthly_amount=Decimal("700"), persons=1, payee_id=household.head_id),
    )  # fmt: skip
