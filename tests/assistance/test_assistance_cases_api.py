"""The casework API: the same scoping, capabilities and maker-checker as the pages."""

import pytest

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.services.accounts import issue_api_token

from .casework import desks, dibao_case

pytestmark = pytest.mark.django_db


def _headers(user):
    return {"Authorization": f"Bearer {issue_api_token(user)}"}


def test_cases_api_lists_moves_and_refuses_outsiders(client, household, outsider):
    load_assistance_policy()
    caseworker, reviewer, _ = desks()
    created = client.post(
        "/api/assistance/cases", {"household_id": household.pk, "program_code": "dibao_urban", "applied_on": "2026-03-02"},
        content_type="application/json", headers=_headers(caseworker),
    )  # fmt: skip
    assert created.status_code == 201
    case_id = created.json()["id"]
    assert client.get("/api/assistance/cases", headers=_headers(caseworker)).json()["count"] == 1
    moved = client.post(
        f"/api/assistance/cases/{case_id}/moves", {"action": "accept", "on": "2026-03-03"},
        content_type="application/json", headers=_headers(caseworker),
    )  # fmt: skip
    assert moved.json()["status"] == "accepted" and moved.json()["events"][0]["label"] == "受理"
    refused = client.post(
        f"/api/assistance/cases/{case_id}/moves", {"action": "approve"}, content_type="application/json",
        headers=_headers(reviewer),
    )  # fmt: skip
    assert refused.status_code == 409
    assert client.get(f"/api/assistance/cases/{case_id}", headers=_headers(outsider)).status_code == 404
    assert client.get("/api/assistance/cases", headers=_headers(outsider)).json()["count"] == 0
    assert client.get("/api/assistance/queue", headers=_headers(outsider)).json() == []
    assert len(client.get("/api/assistance/queue", headers=_headers(caseworker)).json()) == 1


def test_reviewer_queue_hides_cases_they_entered(client, household):
    load_assistance_policy()
    caseworker, reviewer, _ = desks()
    dibao_case(caseworker, household, until="township_review")
    assert [i["step"] for i in client.get("/api/assistance/queue", headers=_headers(reviewer)).json()] == [
        "乡镇（街道）审核"
    ]
