"""Deaths, moves and household splits are dated changes, never overwrites; other domains read them in order."""

from datetime import date

import pytest

from minzheng.core.errors import MinzhengError, PermissionDenied
from minzheng.core.models import Household, RegistryChange
from minzheng.core.person_rules import clean_person
from minzheng.core.services import registry

from .factories import valid_id


def test_death_keeps_the_person_and_ends_the_membership_on_that_date(county_caseworker, household):
    member = household.memberships.exclude(relation="01").first().person
    registry.record_death(county_caseworker, member, death_date=date(2026, 3, 1), reason="医学证明")
    member.refresh_from_db()
    assert member.is_deceased and member.death_date == date(2026, 3, 1)
    assert member.memberships.get().valid_to == date(2026, 3, 1)
    change = RegistryChange.objects.get(kind="deceased")
    assert change.person == member and change.effective_date == date(2026, 3, 1)


def test_a_death_cannot_be_recorded_twice(county_caseworker, household):
    registry.record_death(county_caseworker, household.head, death_date=date(2026, 3, 1))
    with pytest.raises(MinzhengError, match="已登记死亡"):
        registry.record_death(county_caseworker, household.head, death_date=date(2026, 3, 2))


def test_moving_a_household_moves_its_current_members_and_keeps_the_old_address(county_caseworker, household):
    registry.move_household(
        county_caseworker,
        household,
        to_division_code="210603001001",
        address="永昌路8号",
        on=date(2026, 5, 1),
    )
    household.refresh_from_db()
    assert household.residence_division_code == "210603001001"
    assert set(household.memberships.values_list("person__residence_division_code", flat=True)) == {
        "210603001001"
    }
    change = RegistryChange.objects.get(kind="moved")
    assert change.before["division_code"] == "210602002001" and change.division_code == "210602002001"


def test_moving_to_an_unknown_division_is_refused(county_caseworker, household):
    with pytest.raises(MinzhengError, match="无效"):
        registry.move_household(
            county_caseworker, household, to_division_code="219999999999", address="x", on=date(2026, 5, 1)
        )


def test_split_creates_a_new_household_and_ends_the_old_memberships(county_caseworker, household):
    leaving = [m.person_id for m in household.memberships.exclude(relation="01")]
    new = registry.split_household(
        county_caseworker, household, person_ids=leaving, new_head_id=leaving[0], on=date(2026, 6, 1)
    )
    assert new.split_from == household and new.head_id == leaving[0]
    assert household.memberships.filter(valid_to__isnull=True).count() == 1
    assert household.memberships.filter(valid_to=date(2026, 6, 1)).count() == 2
    assert new.memberships.get(person_id=leaving[0]).relation == "01"


def test_the_head_cannot_be_split_off(county_caseworker, household):
    with pytest.raises(MinzhengError, match="户主不能分出"):
        registry.split_household(
            county_caseworker,
            household,
            person_ids=[household.head_id],
            new_head_id=household.head_id,
            on=date(2026, 6, 1),
        )


def test_registering_a_household_checks_jurisdiction_and_duplicates(county_caseworker, divisions):
    head_id = valid_id("210602")
    member = registry.NewMember(person=clean_person(id_number=head_id, name="刘一"), relation="01")
    with pytest.raises(MinzhengError, match="不在您的管辖范围内"):
        registry.register_household(
            county_caseworker,
            residence_division_code="210603001001",
            address="x",
            area_type="urban",
            members=[member],
            established_on=date(2026, 1, 1),
        )
    household = registry.register_household(
        county_caseworker,
        residence_division_code="210602002001",
        address="x",
        area_type="urban",
        members=[member],
        established_on=date(2026, 1, 1),
    )
    assert household.head.id_number == head_id and household.number == "210602002000001"
    with pytest.raises(MinzhengError, match="已登记"):
        registry.register_household(
            county_caseworker,
            residence_division_code="210602002002",
            address="y",
            area_type="urban",
            members=[member],
            established_on=date(2026, 1, 1),
        )
    assert Household.objects.count() == 1


def test_leaders_cannot_write_to_the_registry(city_leader, household):
    with pytest.raises(PermissionDenied):
        registry.record_death(city_leader, household.head, death_date=date(2026, 1, 1))


def test_other_domains_read_changes_in_order_from_their_cursor(county_caseworker, household):
    members = [m.person for m in household.memberships.exclude(relation="01")]
    registry.record_death(county_caseworker, members[0], death_date=date(2026, 1, 1))
    registry.move_household(
        county_caseworker, household, to_division_code="210602003001", address="z", on=date(2026, 2, 1)
    )
    first = registry.changes_since(0)
    assert [c.kind for c in first] == ["deceased", "moved"]
    assert registry.changes_since(first[0].pk) == [first[1]]
    assert [c.kind for c in registry.changes_since(0, kinds=["moved"])] == ["moved"]


def test_a_person_without_an_id_number_gets_a_temporary_number(county_caseworker, divisions):
    head = registry.NewMember(person=clean_person(id_number=valid_id("210602"), name="户主甲"), relation="01")
    unknown = registry.NewMember(
        person=clean_person(id_number="", name="无名氏", sex="男", birth_date="1960-01-01", without_id=True),
        relation="99",
    )
    household = registry.register_household(
        county_caseworker,
        residence_division_code="210602002001",
        address="救助站",
        area_type="urban",
        members=[head, unknown],
        established_on=date(2026, 11, 25),
    )
    person = household.memberships.get(relation="99").person
    assert person.id_number == "LS210602202611250001" and person.id_kind == "temp"


def test_a_person_without_an_id_must_have_sex_and_birth_date():
    fields = clean_person(id_number="", name="无名氏", without_id=True)
    assert set(fields.errors) == {"sex", "birth_date"}
