"""社会组织 pages: each renders in Chinese for the county, every record is a 404 to another county, a full
registration goes through the forms, and the public query shows only what the rules publish."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from stdnum.cn import uscc

from minzheng.socialorgs.models import Application, Organisation, Rating, RevocationProposal
from minzheng.socialorgs.services import credit, reports
from tests.core.factories import PASSWORD, valid_id

from .factories import received, registered

pytestmark = pytest.mark.usefixtures("policy")
TODAY = date.today()


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def world(county_caseworker, reviewer):
    cw = county_caseworker
    org = registered(cw, reviewer, received_on=date(2023, 1, 2), name="丹东市元宝区象棋协会")
    app = received(cw)
    report = reports.submit(
        cw, org, year=TODAY.year - 1, registry_submitted_on=TODAY - timedelta(days=1), total_income=Decimal(100000),
        previous_year_income=Decimal(100000), charitable_spending=Decimal(60000), management_fees=Decimal(15000),
        total_spending=Decimal(90000), full_time_staff=2,
    )  # fmt: skip
    listing = credit.propose(
        cw, org, reason="unreachable", basis="挂号信回执编号XH-001", established_on=TODAY - timedelta(days=2)
    )
    credit.decide(reviewer, listing, listed=True, decided_on=TODAY - timedelta(days=1))
    other = registered(cw, reviewer, received_on=date(2023, 1, 2), name="丹东市元宝区未报年报协会")
    reports.propose_revocations_for_missing(date(TODAY.year, 6, 1))
    revocation = RevocationProposal.objects.get(organisation=other)
    rating = Rating.objects.create(
        organisation=org, division_code=org.division_code, applied_on=TODAY, applied_by=cw
    )
    return {
        "org": org,
        "app": app,
        "report": report,
        "listing": listing,
        "revocation": revocation,
        "rating": rating,
    }


def record_urls(w) -> dict[str, str]:
    o, a, r, x, v, g = (w[k].pk for k in ("org", "app", "report", "listing", "revocation", "rating"))
    return {
        "socialorgs:rating_apply": f"/socialorgs/organisations/{o}/rating/",
        "socialorgs:organisation_certificate": f"/socialorgs/organisations/{o}/certificate/",
        "socialorgs:rating_detail": f"/socialorgs/ratings/{g}/",
        "socialorgs:rating_score": f"/socialorgs/ratings/{g}/score/",
        "socialorgs:rating_object": f"/socialorgs/ratings/{g}/object/",
        "socialorgs:rating_answer": f"/socialorgs/ratings/{g}/answer/",
        "socialorgs:rating_confirm": f"/socialorgs/ratings/{g}/confirm/",
        "socialorgs:rating_change": f"/socialorgs/ratings/{g}/change/",
        "socialorgs:rating_plaque": f"/socialorgs/ratings/{g}/plaque/",
        "socialorgs:organisation_detail": f"/socialorgs/organisations/{o}/",
        "socialorgs:change_create": f"/socialorgs/organisations/{o}/change/",
        "socialorgs:deregister_create": f"/socialorgs/organisations/{o}/deregister/",
        "socialorgs:report_create": f"/socialorgs/organisations/{o}/report/",
        "socialorgs:listing_propose": f"/socialorgs/organisations/{o}/listing/",
        "socialorgs:application_detail": f"/socialorgs/applications/{a}/",
        "socialorgs:application_decide": f"/socialorgs/applications/{a}/decide/",
        "socialorgs:report_detail": f"/socialorgs/reports/{r}/",
        "socialorgs:report_decide": f"/socialorgs/reports/{r}/decide/",
        "socialorgs:report_rectified": f"/socialorgs/reports/{r}/rectified/",
        "socialorgs:revocation_detail": f"/socialorgs/revocations/{v}/",
        "socialorgs:revocation_decide": f"/socialorgs/revocations/{v}/decide/",
        "socialorgs:listing_detail": f"/socialorgs/credit/{x}/",
        "socialorgs:listing_decide": f"/socialorgs/credit/{x}/decide/",
        "socialorgs:listing_fix": f"/socialorgs/credit/{x}/fix/",
        "socialorgs:listing_remove": f"/socialorgs/credit/{x}/remove/",
    }


LISTS = ["/socialorgs/", "/socialorgs/organisations/", "/socialorgs/applications/", "/socialorgs/applications/new/",
         "/socialorgs/reports/", "/socialorgs/revocations/", "/socialorgs/credit/", "/socialorgs/ratings/"]  # fmt: skip
POSTS = ("decide", "rectified", "fix", "remove", "score", "object", "answer", "confirm", "change", "plaque")


def test_every_page_renders_in_chinese_for_the_county(client, world, county_caseworker, reviewer):
    for user in (county_caseworker, reviewer):
        login(client, user)
        for url in LISTS + [u for n, u in record_urls(world).items() if not n.endswith(POSTS)]:
            if user == reviewer and url.endswith(
                ("/new/", "/change/", "/deregister/", "/report/", "/listing/", "/rating/")
            ):
                continue  # caseworkers' forms (403 to reviewers)
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if url.endswith("/certificate/"):
                assert response.content.startswith(b"%PDF")
                continue
            body = response.content.decode()
            for english in ("association", "foundation", "no_annual_report", "qualified", "proposed"):
                assert f">{english}<" not in body, (url, english)
    body = client.get(f"/socialorgs/reports/{world['report'].pk}/").content.decode()
    assert "16.67%（超过10%）" in body and "60.00%（低于70%）" in body


def test_every_record_answers_404_to_another_county(client, world, outsider, outsider_reviewer):
    for user in (outsider, outsider_reviewer):
        login(client, user)
        for name, url in record_urls(world).items():
            method = client.post if name.endswith(POSTS) else client.get
            assert method(url).status_code == 404, name
        for url in LISTS[1:3] + LISTS[4:]:
            assert "元宝区象棋协会" not in client.get(url).content.decode()


def test_registration_through_the_forms_issues_the_uscc(client, divisions, county_caseworker, reviewer):
    login(client, county_caseworker)
    data = {
        "org_kind": "foundation", "org_form": "public", "name": "丹东市元宝区慈善基金会", "address": "元宝区锦山大街1号",
        "purpose": "扶贫济困", "business_scope": "资助困难群众", "activity_area": "元宝区", "legal_rep_name": "赵某",
        "legal_rep_id_number": valid_id(), "funds": "3999999", "funds_in_cash": "1", "supervisor": "元宝区民政局",
        "supervisor_approved_on": (TODAY - timedelta(days=3)).isoformat(), "individual_members": "0",
        "unit_members": "0", "full_time_staff": "3", "received_on": TODAY.isoformat(),
    }  # fmt: skip
    response = client.post("/socialorgs/applications/new/", data)
    assert response.status_code == 302
    app = Application.objects.get(name="丹东市元宝区慈善基金会")
    login(client, reviewer)
    page = client.get(f"/socialorgs/applications/{app.pk}/").content.decode()
    assert "原始基金不得低于4,000,000元（《基金会管理条例》第八条）" in page
    response = client.post(
        f"/socialorgs/applications/{app.pk}/decide/",
        {"approve": "1", "decided_on": TODAY.isoformat(), "note": ""},
        follow=True,
    )
    assert "不能准予登记" in response.content.decode()
    Application.objects.filter(pk=app.pk).update(funds=Decimal(4_000_000))
    response = client.post(
        f"/socialorgs/applications/{app.pk}/decide/",
        {"approve": "1", "decided_on": TODAY.isoformat(), "note": ""},
        follow=True,
    )
    org = Organisation.objects.get(name="丹东市元宝区慈善基金会")
    assert (
        uscc.is_valid(org.uscc)
        and org.uscc.startswith("53210602MJ")
        and org.uscc in response.content.decode()
    )


def test_bad_input_gives_chinese_errors_naming_the_field_not_500(client, divisions, county_caseworker):
    login(client, county_caseworker)
    response = client.post(
        "/socialorgs/applications/new/",
        {
            "org_kind": "association",
            "org_form": "legal_person",
            "funds": "abc",
            "received_on": "2026-13-01",
            "legal_rep_id_number": "123",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "请填写名称" in body and "注册资金" in body


def test_public_query_shows_only_what_the_rules_publish(client, world):
    body = client.get("/public/socialorgs/credit/").content.decode()
    org = world["org"]
    assert (
        org.name in body
        and org.uscc in body
        and "通过登记的住所无法与其取得联系" in body
        and "元宝区民政局" in body
    )
    assert "挂号信回执编号" not in body and org.legal_rep_name not in body and "测试reviewer" not in body
    assert "丹东市元宝区未报年报协会" not in body  # a revocation proposal is not a listing
    assert org.name not in client.get("/public/socialorgs/credit/", {"q": "不存在的名字"}).content.decode()


def test_a_proposed_listing_is_not_public(client, world, county_caseworker):
    other = Organisation.objects.get(name="丹东市元宝区未报年报协会")
    credit.propose(county_caseworker, other, reason="large_fine", basis="罚款决定书", established_on=TODAY)
    assert other.name not in client.get("/public/socialorgs/credit/").content.decode()


def test_api_lists_the_county_and_answers_404_to_another(client, world, county_caseworker, outsider):
    from minzheng.core.services.accounts import issue_api_token

    mine = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    theirs = {"Authorization": f"Bearer {issue_api_token(outsider)}"}
    listed = client.get("/api/socialorgs/organisations", {"q": "象棋"}, headers=mine).json()
    assert listed["count"] == 1 and listed["items"][0]["uscc"] == world["org"].uscc
    assert client.get("/api/socialorgs/organisations", headers=theirs).json()["count"] == 0
    pk = world["org"].pk
    assert client.get(f"/api/socialorgs/organisations/{pk}", headers=mine).json()["kind"] == "association"
    assert client.get(f"/api/socialorgs/organisations/{pk}", headers=theirs).status_code == 404
    listings = client.get("/api/socialorgs/credit-listings", {"status": "listed"}, headers=mine).json()
    assert listings["items"][0]["reasons"] == ["unreachable"]
    assert client.get("/api/socialorgs/credit-listings", headers=theirs).json()["count"] == 0


def test_change_form_never_shows_the_full_id_number_and_keeps_it_when_left_empty(
    client, world, county_caseworker
):
    org = world["org"]
    login(client, county_caseworker)
    page = client.get(f"/socialorgs/organisations/{org.pk}/change/").content.decode()
    assert org.legal_rep_id_number not in page
    data = {
        "name": "丹东市元宝区象棋运动协会", "address": org.address, "purpose": org.purpose,
        "business_scope": org.business_scope, "activity_area": org.activity_area, "legal_rep_name": org.legal_rep_name,
        "legal_rep_id_number": "", "funds": str(org.funds), "supervisor": org.supervisor,
        "supervisor_approved_on": (TODAY - timedelta(days=5)).isoformat(), "individual_members": org.individual_members,
        "unit_members": "0", "full_time_staff": "2", "received_on": TODAY.isoformat(), "reason": "更名",
    }  # fmt: skip
    assert client.post(f"/socialorgs/organisations/{org.pk}/change/", data).status_code == 302
    app = Application.objects.get(organisation=org, kind="change")
    assert app.legal_rep_id_number == org.legal_rep_id_number and app.name == "丹东市元宝区象棋运动协会"
