"""The 全局检索 page and the pickers' endpoint as a user sees them: grouped, linked, masked, scoped."""

from datetime import date

import pytest

from minzheng.core.models import HouseholdMembership
from tests.core.factories import PASSWORD, HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


@pytest.fixture
def huang(divisions):
    household = HouseholdFactory(village="210602002001", size=1)
    person = PersonFactory(village="210602002001", name="黄帆", male=False)
    HouseholdMembership.objects.create(
        household=household, person=person, relation="20", valid_from=date(2020, 1, 1)
    )
    return person, household


def test_the_header_of_every_page_has_the_search_box(client, county_caseworker):
    body = login(client, county_caseworker).get("/").content.decode()
    assert 'action="/search/"' in body and 'for="global-search-q"' in body


def test_results_are_grouped_linked_and_masked(client, county_caseworker, huang):
    person, household = huang
    body = login(client, county_caseworker).get("/search/", {"q": person.id_number[-4:]}).content.decode()
    assert "人员（" in body and "家庭（" in body
    assert f"/registry/persons/{person.pk}/" in body and f"/registry/households/{household.pk}/" in body
    assert person.id_number not in body and person.id_number[-4:] in body


def test_another_regions_person_is_not_on_the_page(client, outsider, huang):
    person, _ = huang
    body = login(client, outsider).get("/search/", {"q": "黄帆"}).content.decode()
    assert f"/registry/persons/{person.pk}/" not in body and "未找到" in body


def test_a_too_short_term_explains_what_to_type(client, county_caseworker):
    body = login(client, county_caseworker).get("/search/", {"q": "12"}).content.decode()
    assert "后4位" in body


def test_picker_options_are_scoped_and_masked(client, county_caseworker, outsider, huang):
    person, _ = huang
    body = login(client, county_caseworker).get("/search/pick/person/", {"q": "黄帆"}).content.decode()
    assert f'data-pk="{person.pk}"' in body and person.id_number not in body
    client.logout()
    body = login(client, outsider).get("/search/pick/person/", {"q": "黄帆"}).content.decode()
    assert f'data-pk="{person.pk}"' not in body


def test_an_unknown_picker_source_is_404(client, county_caseworker):
    assert login(client, county_caseworker).get("/search/pick/nothing/", {"q": "黄帆"}).status_code == 404


def test_the_case_and_enrolment_lists_find_a_members_name(client, county_caseworker, huang):
    from minzheng.assistance.services.seed import load_assistance_policy
    from tests.assistance.casework import dibao_case

    load_assistance_policy()
    _, household = huang
    case = dibao_case(county_caseworker, household)
    body = login(client, county_caseworker).get("/assistance/cases/", {"q": "黄帆"}).content.decode()
    assert case.number in body
    body = client.get("/assistance/cases/", {"q": "查无此人"}).content.decode()
    assert case.number not in body


def test_the_audit_administrator_gets_no_search_box(client, audit_admin):
    login(client, audit_admin)
    response = client.get("/audit/", follow=True)
    body = response.content.decode()
    assert response.status_code == 200 and 'class="topbar"' in body
    assert 'id="global-search-q"' not in body
