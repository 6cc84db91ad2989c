"""结婚登记 through the real services: age, existing marriages anywhere on the platform, declarations, 字号."""

from datetime import date

import pytest
from django.http import Http404

from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.marriage.errors import InvalidMarriageInput, MarriageConflict
from minzheng.marriage.models import MarriageStatus, Party
from minzheng.marriage.services.registries import add_registrar, create_registry

from .factories import marry, party

pytestmark = pytest.mark.django_db


def test_registration_issues_j_number_with_county_code_year_and_sequence(registry, registrar):
    first = marry(registrar, registry, on=date(2026, 3, 2))
    second = marry(registrar, registry, on=date(2026, 3, 2))
    assert first.certificate_number == "J210602-2026-000001"
    assert second.certificate_number == "J210602-2026-000002"
    assert first.status == MarriageStatus.IN_FORCE
    assert {p.sex for p in first.parties.all()} == {"1", "2"}
    assert AuditEvent.objects.filter(object_type="marriage.marriagerecord", object_id=str(first.pk)).exists()


def test_sequence_restarts_each_year(registry, registrar):
    marry(registrar, registry, on=date(2025, 12, 31))
    assert marry(registrar, registry, on=date(2026, 1, 1)).certificate_number == "J210602-2026-000001"


def test_groom_one_day_before_22nd_birthday_is_refused_civil_code_1047(registry, registrar):
    """民法典 第一千零四十七条: 男不得早于二十二周岁."""
    on = date(2026, 5, 10)
    with pytest.raises(InvalidMarriageInput) as error:
        marry(registrar, registry, male=party(date(2004, 5, 11), True), on=on)
    assert "2026-05-11起方可登记" in error.value.message
    assert error.value.field == "male_id_number"


def test_bride_on_her_20th_birthday_may_marry_civil_code_1047(registry, registrar):
    record = marry(registrar, registry, female=party(date(2006, 5, 10), False), on=date(2026, 5, 10))
    assert record.pk


def test_a_party_married_at_another_registry_is_refused(registry, registrar, registry_admin, outsider):
    """全国通办: the check reads every registry of the platform, not only the registrar's jurisdiction."""
    from tests.core.factories import make_user

    city_admin = make_user("approver", "210600000000")
    other = create_registry(city_admin, name="振兴区婚姻登记处", division_code="210603000000", level="county")
    add_registrar(city_admin, other, user=outsider)
    groom = party(date(1990, 1, 1), True)
    marry(outsider, other, male=groom)
    with pytest.raises(MarriageConflict) as error:
        marry(registrar, registry, male=groom)
    assert "振兴区婚姻登记处" in error.value.message and "婚姻尚存续" in error.value.message


def test_declarations_must_be_signed(registry, registrar):
    with pytest.raises(InvalidMarriageInput) as error:
        marry(registrar, registry, declared_no_prohibited_kinship=False)
    assert error.value.field == "declared_no_prohibited_kinship"


def test_sex_from_the_id_number_must_match_the_side(registry, registrar):
    with pytest.raises(InvalidMarriageInput) as error:
        marry(registrar, registry, male=party(date(1990, 1, 1), False))
    assert "性别" in error.value.message


def test_bad_check_digit_names_the_field(registry, registrar):
    bad = party(date(1990, 1, 1), True)
    bad = type(bad)(
        name=bad.name,
        id_number=bad.id_number[:17] + ("0" if bad.id_number[17] != "0" else "1"),
        prior_status="10",
    )
    with pytest.raises(InvalidMarriageInput) as error:
        marry(registrar, registry, male=bad)
    assert error.value.field == "male_id_number" and "校验码" in error.value.message


def test_passport_holder_only_at_provincial_registry(registry, registrar):
    foreign = type(party(date(1990, 1, 1), True))(
        name="John Smith", id_number="E12345678", prior_status="10", id_type="passport",
        nationality="美国", birth_date=date(1990, 1, 1), sex="1",
    )  # fmt: skip
    with pytest.raises(InvalidMarriageInput) as error:
        marry(registrar, registry, male=foreign)
    assert "省级" in error.value.message


def test_only_a_registrar_of_the_registry_registers(registry, county_caseworker, registry_admin):
    from tests.core.factories import make_user

    other_caseworker = make_user("caseworker", "210602000000")
    with pytest.raises(MarriageConflict):
        marry(other_caseworker, registry)
    with pytest.raises(PermissionDenied):
        marry(registry_admin, registry)


def test_registrar_of_another_county_cannot_register_here(registry, registrar, outsider):
    with pytest.raises(Http404):
        marry(outsider, registry)


def test_future_date_refused(registry, registrar):
    with pytest.raises(InvalidMarriageInput):
        marry(registrar, registry, on=date(2100, 1, 1))


def test_party_is_linked_to_the_registry_person(registry, registrar, household):
    head = household.head
    record = marry(
        registrar,
        registry,
        male=party(head.birth_date, head.sex == "1", name=head.name, number=head.id_number)
        if head.sex == "1"
        else None,
        female=party(head.birth_date, False, name=head.name, number=head.id_number)
        if head.sex != "1"
        else None,
    )
    assert Party.objects.get(marriage=record, id_number=head.id_number).person_id == head.pk
