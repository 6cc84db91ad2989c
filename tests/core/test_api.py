"""REST API: token auth, the same scoping and masking as the UI, one error format in Chinese."""

import pytest

from minzheng.core.models import AuditEvent
from minzheng.core.services.accounts import issue_api_token

from .factories import PASSWORD


@pytest.fixture
def auth(county_caseworker):
    return {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}


def test_token_is_issued_for_a_correct_password(client, county_caseworker):
    response = client.post(
        "/api/auth/token", {"username": "yb_jb", "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert client.get("/api/households", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_wrong_password_gets_a_problem_document_in_chinese(client, county_caseworker):
    response = client.post(
        "/api/auth/token", {"username": "yb_jb", "password": "x"}, content_type="application/json"
    )
    body = response.json()
    assert response.status_code == 401
    assert (
        body["status"] == 401
        and "用户名或密码错误" in body["detail"]
        and body["title"] == "invalid_credentials"
    )


def test_requests_without_a_token_are_refused(client, divisions):
    response = client.get("/api/households")
    assert response.status_code == 401 and "令牌" in response.json()["detail"]


def test_household_list_is_masked_and_paginated(client, auth, household):
    body = client.get("/api/households", headers=auth).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["head_id_number_masked"].count("*") == 8 and household.head.id_number not in str(body)
    assert item["member_count"] == 3


def test_household_detail_lists_members_and_is_audited(client, auth, household):
    body = client.get(f"/api/households/{household.pk}", headers=auth).json()
    assert len(body["members"]) == 3
    assert AuditEvent.objects.filter(action="read_detail", object_type="household").exists()


def test_full_id_number_only_through_the_audited_endpoint(client, auth, household):
    response = client.post(f"/api/persons/{household.head.pk}/id-number", headers=auth)
    assert response.json() == {"id_number": household.head.id_number}
    assert AuditEvent.objects.filter(action="read_id_number", object_id=str(household.head.pk)).exists()


def test_leader_token_cannot_reveal_id_numbers(client, city_leader, household):
    headers = {"Authorization": f"Bearer {issue_api_token(city_leader)}"}
    response = client.post(f"/api/persons/{household.head.pk}/id-number", headers=headers)
    assert response.status_code == 403 and "完整证件号码" in response.json()["detail"]


def test_validation_errors_use_the_same_format(client, auth, divisions):
    response = client.get("/api/households", {"limit": "many"}, headers=auth)
    body = response.json()
    assert response.status_code == 422 and body["detail"] == "请求参数不正确" and body["errors"]


def test_openapi_docs_are_served(client, divisions):
    assert client.get("/api/openapi.json").status_code == 200
    assert client.get("/api/docs").status_code == 200


def test_caseworker_registers_a_household_through_the_api(client, auth, divisions):
    from datetime import date

    from minzheng.core.identity import make_resident_id

    head = make_resident_id("210602", date(1975, 1, 2), 31)
    body = {
        "residence_division_code": "210602002002",
        "address": "兴五路9号",
        "area_type": "urban",
        "members": [
            {"name": "吴户主", "relation": "户主", "id_number": head},
            {
                "name": "无名氏",
                "relation": "非亲属",
                "without_id": True,
                "sex": "女",
                "birth_date": "1950-06-01",
            },
        ],
    }
    response = client.post("/api/households", body, content_type="application/json", headers=auth)
    assert response.status_code == 201, response.json()
    members = response.json()["members"]
    assert [m["name"] for m in members] == ["吴户主", "无名氏"]
    assert members[1]["id_number_masked"].startswith("LS2106")


def test_registering_with_a_bad_id_number_explains_the_field(client, auth, divisions):
    body = {
        "residence_division_code": "210602002002",
        "address": "x",
        "members": [{"name": "甲", "relation": "户主", "id_number": "210602197501020310"}],
    }
    response = client.post("/api/households", body, content_type="application/json", headers=auth)
    assert response.status_code == 400 and "校验码错误" in response.json()["detail"]
