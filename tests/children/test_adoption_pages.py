"""收养登记 pages: the list and a detail render for the county, reading an adoption is audited, the step forms reach
the services, another county gets a 404 on every adoption URL (writes refused)."""

from datetime import date

import pytest

from minzheng.children.models import Adoption
from minzheng.children.rules import adoption as rules
from minzheng.children.services import adoption as svc
from minzheng.core.models import AuditEvent, HouseholdMembership
from tests.core.factories import PASSWORD, HouseholdFactory, PersonFactory

from .factories import child_in_household

pytestmark = pytest.mark.django_db
STEPS = ["evaluation/start", "evaluation/extend", "evaluation", "notice", "notice/end", "decide", "dissolve"]


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def adoption(policy, county_caseworker):
    home = HouseholdFactory(size=1)
    spouse = PersonFactory(name="赵丽", male=False, birth=date(1986, 5, 5))
    HouseholdMembership.objects.create(
        household=home, person=spouse, relation="10", valid_from=date(2020, 1, 1)
    )
    child = child_in_household(birth=date(2024, 2, 1), name="福小宝")
    return svc.receive(
        county_caseworker, case_type=rules.FOUND, child=child, adopter=home.head, adopter_spouse=spouse,
        adopter_married=True, adopter_children=0, giver="元宝区儿童福利院", child_consents=None,
        documents=list(rules.DOCUMENTS[rules.FOUND]), received_on=date(2026, 1, 5),
    )  # fmt: skip


def test_list_detail_and_steps_through_the_pages(client, adoption, county_caseworker):
    login(client, county_caseworker)
    body = client.get("/children/adoptions/").content.decode()
    assert "福小宝" in body and "收养非社会福利机构抚养的查找不到生父母的弃婴和儿童" in body
    url = f"/children/adoptions/{adoption.pk}/"
    assert "开始收养评估" in client.get(url).content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.READ_DETAIL, object_type="children.adoption", object_id=str(adoption.pk)
    ).exists()
    refused = client.post(
        url + "evaluation/start/", {"evaluators": "王评估", "started_on": "2026-01-06"}, follow=True
    )
    assert "2名以上" in refused.content.decode()
    client.post(url + "evaluation/start/", {"evaluators": "王评估、李社工", "started_on": "2026-01-06"})
    assert Adoption.objects.get(pk=adoption.pk).status == "evaluating"
    assert client.get("/children/adoptions/new/").status_code == 200


def test_every_adoption_url_is_a_404_to_another_county(client, adoption, outsider):
    login(client, outsider)
    assert client.get(f"/children/adoptions/{adoption.pk}/").status_code == 404
    for step in STEPS:
        assert client.post(f"/children/adoptions/{adoption.pk}/{step}/").status_code == 404, step
    assert "福小宝" not in client.get("/children/adoptions/").content.decode()
    assert Adoption.objects.get(pk=adoption.pk).status == "received"


def test_the_api_reads_children_and_adoptions_masked_scoped_and_audited(
    client, adoption, county_caseworker, outsider
):
    from minzheng.children.services import register
    from minzheng.core.services.accounts import issue_api_token

    from .factories import open_file

    record = open_file(county_caseworker, adoption.child)
    register.add_flag(
        county_caseworker, record, category="street", valid_from=date(2026, 1, 6), evidence="救助站"
    )
    mine = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    theirs = {"Authorization": f"Bearer {issue_api_token(outsider)}"}
    listed = client.get("/api/children/records", headers=mine).json()
    assert listed["count"] == 1 and adoption.child.id_number not in str(listed)
    assert listed["items"][0]["categories"] == ["流浪儿童"] or listed["items"][0]["categories"]
    assert client.get(f"/api/children/records/{record.pk}", headers=mine).json()["name"] == "福小宝"
    assert AuditEvent.objects.filter(
        action=AuditEvent.READ_DETAIL, object_type="children.childrecord", object_id=str(record.pk)
    ).exists()
    assert client.get("/api/children/adoptions", headers=mine).json()["items"][0]["status"] == "已受理"
    assert client.get(f"/api/children/adoptions/{adoption.pk}", headers=mine).status_code == 200
    assert client.get("/api/children/records", headers=theirs).json()["count"] == 0
    assert client.get("/api/children/adoptions", headers=theirs).json()["count"] == 0
    assert client.get(f"/api/children/records/{record.pk}", headers=theirs).status_code == 404
    assert client.get(f"/api/children/adoptions/{adoption.pk}", headers=theirs).status_code == 404
