"""全局检索 over the registry and the domains: found by name, ID fragment, 户编号, 案件编号 and phone — never
outside the user's jurisdiction, never with a full ID number on the page."""

from datetime import date

import pytest

from minzheng.assistance.interface import search_cases, search_enrolments
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.models import HouseholdMembership
from minzheng.core.search_terms import parse_search_term
from minzheng.core.selectors.search import search_households, search_persons
from minzheng.eldercare.interface import search_elders
from tests.assistance.casework import dibao_case
from tests.core.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def huang(divisions):
    """黄帆 of 七道街道 (元宝区), member of a household, with a phone number."""
    household = HouseholdFactory(village="210602002001", size=1)
    person = PersonFactory(village="210602002001", name="黄帆", male=False, phone="13904151234")
    HouseholdMembership.objects.create(
        household=household, person=person, relation="20", valid_from=date(2020, 1, 1)
    )
    return person, household


@pytest.fixture
def other_huang(divisions):
    """Another 黄帆, in 振兴区 — outside 元宝区's jurisdiction."""
    return PersonFactory(village="210603001001", name="黄帆", phone="13904159999")


def _titles(hits):
    return [hit.title for hit in hits]


def test_a_person_is_found_by_full_name_surname_and_given_name(county_caseworker, huang):
    for typed in ("黄帆", "黄", "帆"):
        assert "黄帆" in _titles(search_persons(county_caseworker, parse_search_term(typed))), typed


def test_a_person_is_found_by_the_last_four_digits_and_by_a_longer_tail(county_caseworker, huang):
    person, _ = huang
    for typed in (person.id_number[-4:], person.id_number[-6:], person.id_number.lower()):
        hits = search_persons(county_caseworker, parse_search_term(typed))
        assert [hit.pk for hit in hits if hit.pk == person.pk], typed


def test_a_person_is_found_by_the_beginning_of_the_id_number_and_by_phone(county_caseworker, huang):
    person, _ = huang
    assert person.pk in [
        h.pk for h in search_persons(county_caseworker, parse_search_term(person.id_number[:12]))
    ]
    assert person.pk in [h.pk for h in search_persons(county_caseworker, parse_search_term("13904151234"))]


def test_another_regions_person_is_never_found(county_caseworker, huang, other_huang):
    for typed in ("黄帆", other_huang.id_number[-4:], other_huang.id_number, "13904159999"):
        assert other_huang.pk not in [
            h.pk for h in search_persons(county_caseworker, parse_search_term(typed))
        ]


def test_the_outsider_finds_their_own_not_ours(outsider, huang, other_huang):
    hits = search_persons(outsider, parse_search_term("黄帆"))
    assert [h.pk for h in hits] == [other_huang.pk]


def test_id_numbers_are_masked_in_every_hit(county_caseworker, huang):
    person, _ = huang
    hit = next(h for h in search_persons(county_caseworker, parse_search_term("黄帆")) if h.pk == person.pk)
    assert (
        person.id_number not in hit.detail
        and f"{person.id_number[:6]}********{person.id_number[-4:]}" in hit.detail
    )


def test_a_household_is_found_by_number_and_by_a_member(county_caseworker, huang):
    person, household = huang
    for typed in (household.number, "黄帆", person.id_number[-4:]):
        assert household.pk in [
            h.pk for h in search_households(county_caseworker, parse_search_term(typed))
        ], typed


def test_cases_and_enrolments_are_found_by_a_members_name_and_the_case_number(county_caseworker, huang):
    load_assistance_policy()
    _, household = huang
    case = dibao_case(county_caseworker, household)
    for typed in ("黄帆", case.number, household.number):
        assert case.pk in [h.pk for h in search_cases(county_caseworker, parse_search_term(typed))], typed
    assert search_enrolments(county_caseworker, parse_search_term("黄帆")) == []


def test_another_regions_case_is_never_found(county_caseworker, outsider, huang):
    load_assistance_policy()
    _, household = huang
    case = dibao_case(county_caseworker, household)
    assert search_cases(outsider, parse_search_term(case.number)) == []
    assert search_cases(outsider, parse_search_term("黄帆")) == []


def test_nothing_is_found_for_a_user_without_a_division(county_caseworker, huang):
    county_caseworker.division_code = ""
    assert search_persons(county_caseworker, parse_search_term("黄帆")) == []
    assert search_elders(county_caseworker, parse_search_term("黄帆")) == []


def test_the_person_search_index_keys_follow_the_record(huang):
    person, _ = huang
    assert person.id_number_reversed == person.id_number[::-1] and person.name_reversed == "帆黄"


def test_set_based_inserts_fill_the_search_keys(divisions):
    from django.utils import timezone

    from minzheng.core.bulk import insert_rows
    from minzheng.core.models import Person

    now = timezone.now()
    insert_rows(
        Person,
        (
            "id_number",
            "id_kind",
            "name",
            "sex",
            "ethnicity",
            "phone",
            "disability_category",
            "hukou_division_code",
            "residence_division_code",
            "address",
            "is_deceased",
            "created_at",
            "updated_at",
        ),
        [("210602198001010011", "ric", "赵一", "1", "", "", "", "", "210602002001", "", False, now, now)],
    )
    person = Person.objects.get(id_number="210602198001010011")
    assert person.id_number_reversed == "210602198001010011"[::-1] and person.name_reversed == "一赵"
