"""一人一档 / 一户一档 through the pages: the whole story from every domain in time order, another region's
person answering exactly like a missing one, masked by role, audited as a sensitive read, and a bounded
number of queries however long the story grows."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from minzheng.core.models import AuditEvent
from tests.core.factories import HouseholdFactory, PersonFactory

from .conftest import enrol_household, login

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return re.sub(r"<[^>]+>", " ", response.content.decode())


def test_person_file_shows_every_domains_records_newest_first(client, story, county_caseworker):
    login(client, county_caseworker)
    response = client.get(reverse("datacenter:person_file", args=[story.head.pk]))
    assert response.status_code == 200
    page = _text(response)
    for domain in ("社会救助", "养老服务", "婚姻登记", "人口与家庭"):
        assert domain in page
    assert "老年人能力评估" in page and "结婚登记" in page and "城市低保" in page
    dates = re.findall(r"<td>(\d{4}-\d{2}-\d{2})\s*</td>", response.content.decode())
    assert dates == sorted(dates, reverse=True) and len(dates) >= 4


def test_household_file_gathers_the_members_stories(client, story, county_caseworker):
    login(client, county_caseworker)
    response = client.get(reverse("datacenter:household_file", args=[story.household.pk]))
    page = _text(response)
    assert response.status_code == 200
    for what in ("建立儿童档案", "死亡登记", "结婚登记", "老年人能力评估", "城市低保"):
        assert what in page, what
    assert "王成员1" in page  # the spouse, now deceased, is still a member of the story


def test_person_file_of_another_region_answers_exactly_like_a_missing_one(client, story, outsider):
    """Jurisdiction by division-code prefix (ADR 0006): 振兴区's caseworker learns nothing of 元宝区's person."""
    login(client, outsider)
    foreign = client.get(reverse("datacenter:person_file", args=[story.head.pk]))
    missing = client.get(reverse("datacenter:person_file", args=[999_999_999]))
    assert foreign.status_code == missing.status_code == 404
    assert foreign.content == missing.content
    foreign_household = client.get(reverse("datacenter:household_file", args=[story.household.pk]))
    assert foreign_household.status_code == 404
    assert not AuditEvent.objects.filter(summary__startswith="查看一人一档").exists()


def test_id_numbers_are_masked_and_names_too_for_roles_that_read_masked_figures(
    client, story, county_caseworker, city_leader
):
    login(client, county_caseworker)
    page = client.get(reverse("datacenter:household_file", args=[story.household.pk])).content.decode()
    assert story.head.id_number not in page and story.head.id_number[:6] + "********" in page
    assert "王建国" in page
    client.logout()
    login(client, city_leader)
    page = client.get(reverse("datacenter:household_file", args=[story.household.pk])).content.decode()
    assert story.head.id_number not in page and story.spouse.id_number not in page
    assert "王建国" not in page and "王*国" in page
    person_page = client.get(reverse("datacenter:person_file", args=[story.head.pk])).content.decode()
    assert "王建国" not in person_page


def test_viewing_a_file_writes_an_audit_row(client, story, county_caseworker):
    login(client, county_caseworker)
    client.get(reverse("datacenter:person_file", args=[story.head.pk]))
    client.get(reverse("datacenter:household_file", args=[story.household.pk]))
    events = AuditEvent.objects.filter(user=county_caseworker, action=AuditEvent.READ_DETAIL)
    assert events.filter(
        object_type="person", object_id=str(story.head.pk), summary="查看一人一档 王建国"
    ).exists()
    assert events.filter(object_type="household", summary=f"查看一户一档 {story.household.number}").exists()


def test_the_person_file_costs_the_same_queries_however_long_the_story(client, story, county_caseworker):
    """No query per entry (N+1): a second enrolment, more assessments and more households change nothing."""
    from minzheng.eldercare.services.assessments import record_assessment
    from tests.eldercare.factories import scores

    login(client, county_caseworker)
    url = reverse("datacenter:person_file", args=[story.head.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for day in (5, 6, 7):
        record_assessment(
            county_caseworker, person=story.head, assessed_on=date(2026, 4, day), reason="routine",
            assessors="张评估、李评估", scores=scores(),
        )  # fmt: skip
    other = HouseholdFactory(village="210602002001", size=1)
    from minzheng.core.models import HouseholdMembership

    HouseholdMembership.objects.create(
        household=other, person=story.head, relation="50", valid_to=date(2020, 1, 1)
    )
    enrol_household(county_caseworker, other)
    with CaptureQueriesContext(connection) as after:
        response = client.get(url)
    assert response.status_code == 200
    assert len(after) == len(before) <= 40


def test_the_search_finds_whose_file_to_open_inside_the_jurisdiction(
    client, story, county_caseworker, outsider
):
    login(client, county_caseworker)
    page = client.get(reverse("datacenter:dashboard"), {"q": "王建国"}).content.decode()
    assert reverse("datacenter:person_file", args=[story.head.pk]) in page
    client.logout()
    login(client, outsider)
    PersonFactory(village="210603001001", name="王建国")
    page = client.get(reverse("datacenter:dashboard"), {"q": "王建国"}).content.decode()
    assert reverse("datacenter:person_file", args=[story.head.pk]) not in page


def test_registry_pages_link_to_the_files(client, story, county_caseworker):
    login(client, county_caseworker)
    person_page = client.get(reverse("core:person_detail", args=[story.head.pk])).content.decode()
    assert reverse("datacenter:person_file", args=[story.head.pk]) in person_page
    household_page = client.get(reverse("core:household_detail", args=[story.household.pk])).content.decode()
    assert reverse("datacenter:household_file", args=[story.household.pk]) in household_page


def test_a_leader_of_the_city_may_open_the_file(client, story, city_leader):
    login(client, city_leader)
    assert client.get(reverse("datacenter:person_file", args=[story.head.pk])).status_code == 200


def test_search_hits_link_to_the_files(client, story, county_caseworker):
    login(client, county_caseworker)
    page = client.get(reverse("search:results"), {"q": "王建国"}).content.decode()
    assert reverse("datacenter:person_file", args=[story.head.pk]) in page


def test_the_audit_administrator_reads_no_file(client, story, audit_admin):
    """三员分立: the 审计管理员 reads the log, not the registry — refused, and nothing read is audited."""
    login(client, audit_admin)
    assert client.get(reverse("datacenter:person_file", args=[story.head.pk])).status_code in (403, 404)
    assert client.get(reverse("datacenter:dashboard")).status_code == 403
    assert not AuditEvent.objects.filter(summary__startswith="查看一人一档").exists()
