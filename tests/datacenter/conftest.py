"""数据中心 test world: one household of 元宝区 with records in several domains, made through their services."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.management import call_command

from minzheng.core.models import Household, Person
from tests.core.factories import PASSWORD, HouseholdFactory, make_user


@dataclass
class Story:
    household: Household
    head: Person
    spouse: Person
    child: Person


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def enrol_household(actor, household):
    from tests.payments.conftest import enrol

    return enrol(actor, household, persons=household.memberships.count())


@pytest.fixture
def story(divisions, county_caseworker) -> Story:
    """王建国's household (城隍庙一社区): 城市低保 (case and enrolment), his ability assessment, his marriage to
    his spouse, their child's file, and the spouse's death — six domains besides the registry."""
    from minzheng.assistance.services.seed import load_assistance_policy
    from minzheng.children.services import register
    from minzheng.eldercare.services.assessments import record_assessment
    from minzheng.funeral.services.deaths import record_certificate
    from minzheng.marriage.services.registries import add_registrar
    from minzheng.payments.services.seed import load_bank_formats
    from tests.eldercare.factories import scores
    from tests.funeral.factories import certificate
    from tests.marriage.factories import make_registry, marry, party

    call_command("load_policy", verbosity=0)
    load_assistance_policy()
    load_bank_formats()
    household = HouseholdFactory(village="210602002001", size=3)
    head = household.head
    spouse, child = [m.person for m in household.memberships.exclude(person=head).order_by("pk")]
    Person.objects.filter(pk=child.pk).update(birth_date=date(2015, 4, 1))
    child.refresh_from_db()
    enrol_household(county_caseworker, household)
    record_assessment(
        county_caseworker, person=head, assessed_on=date(2026, 3, 2), reason="initial", assessors="张评估、李评估",
        scores=scores(),
    )  # fmt: skip
    admin = make_user("approver", "210602000000", username="yb_marriage_admin")
    registry = make_registry(admin)
    add_registrar(admin, registry, user=county_caseworker, qualification_number="DJY-001")
    marry(
        county_caseworker, registry, on=date(2026, 1, 6),
        male=party(head.birth_date, True, name=head.name, number=head.id_number),
        female=party(spouse.birth_date, False, name=spouse.name, number=spouse.id_number),
    )  # fmt: skip
    register.open_record(county_caseworker, person=child, registered_on=date(2026, 1, 5))
    desk = make_user("caseworker", "210602000000", username="yb_bz")
    record_certificate(desk, certificate(spouse), today=date(2026, 8, 1))
    return Story(household=household, head=head, spouse=spouse, child=child)
