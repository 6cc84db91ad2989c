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
    assert moved.json()["status"] == "accepted"
    assert [e["label"] for e in moved.json()["events"]][:2] == ["提出申请", "受理"]  # the filing comes first
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


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _post(client, url, body, user):
    response = client.post(url, body, content_type="application/json", headers=_headers(user))
    response.ok = response.status_code == 200
    return response


def test_a_case_goes_from_application_to_approval_through_the_api(
    client, household, outsider, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from minzheng.core.models import AuditEvent

    settings.MEDIA_ROOT = tmp_path
    load_assistance_policy()
    caseworker, reviewer, approver = desks()
    base = "/api/assistance/cases"
    case_id = _post(
        client, base, {"household_id": household.pk, "program_code": "dibao_urban", "applied_on": "2026-03-02"},
        caseworker,
    ).json()["id"]  # fmt: skip
    notice = _post(client, f"{base}/{case_id}/materials-request", {"missing": ["户口簿复印件"]}, caseworker)
    assert notice.status_code == 200 and notice.json()["missing_materials"] == ["户口簿复印件"]
    assert _post(client, f"{base}/{case_id}/moves", {"action": "accept", "on": "2026-03-03"}, caseworker).ok

    # no department data for this household: the engine gives no usable report, the figures come by hand
    verifying = _post(client, f"{base}/{case_id}/verification", {"on": "2026-03-04"}, caseworker).json()
    assert verifying["status"] == "verifying"
    no_basis = _post(
        client,
        f"{base}/{case_id}/verification/manual",
        {"per_capita_income": "300.00", "note": " "},
        caseworker,
    )
    assert no_basis.status_code == 400 and no_basis.json()["errors"][0]["field"] == "note"
    manual = {
        "per_capita_income": "300.00",
        "per_capita_assets": "1000.00",
        "note": "无部门数据，入户核实工资条",
    }
    assert _post(client, f"{base}/{case_id}/verification/manual", manual, caseworker).json()["status"] == (
        "investigating"
    )

    one_investigator = {
        "visited_on": "2026-03-05", "investigators": "张三", "living_conditions": "租住平房", "findings": "属实",
    }  # fmt: skip
    assert _post(client, f"{base}/{case_id}/visits", one_investigator, caseworker).status_code == 400
    visit = _post(
        client, f"{base}/{case_id}/visits", {**one_investigator, "investigators": "张三、李四"}, caseworker
    )
    assert visit.status_code == 201 and visit.json()["investigators"] == "张三、李四"
    assert len(client.get(f"{base}/{case_id}/visits", headers=_headers(caseworker)).json()) == 1

    fake = client.post(
        f"{base}/{case_id}/attachments", {"file": SimpleUploadedFile("p.png", b"MZ"), "kind": "photo"},
        headers=_headers(caseworker),
    )  # fmt: skip
    assert fake.status_code == 400 and "不符" in fake.json()["detail"]
    photo = client.post(
        f"{base}/{case_id}/attachments",
        {"file": SimpleUploadedFile("现场.png", PNG), "kind": "photo", "visit_id": visit.json()["id"]},
        headers=_headers(caseworker),
    )
    assert photo.status_code == 201 and photo.json()["visit_id"] == visit.json()["id"]
    file_url = f"{base}/{case_id}/attachments/{photo.json()['id']}"
    download = client.get(file_url, headers=_headers(caseworker))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PNG
    assert AuditEvent.objects.filter(object_type="assistance_attachment", action="read_detail").count() == 1
    assert client.get(file_url, headers=_headers(outsider)).status_code == 404
    assert client.get(f"{base}/{case_id}/visits", headers=_headers(outsider)).status_code == 404

    inputs = client.put(
        f"{base}/{case_id}/benefit-inputs", {"persons": 1}, content_type="application/json",
        headers=_headers(caseworker),
    )  # fmt: skip
    assert inputs.status_code == 200 and inputs.json()["persons"] == 1
    assert _post(client, f"{base}/{case_id}/moves", {"action": "submit_investigation"}, caseworker).ok
    assert (
        _post(
            client, f"{base}/{case_id}/moves", {"action": "township_approve", "on": "2026-03-09"}, reviewer
        ).json()["status"]
        == "publicity"
    )

    objection = _post(
        client,
        f"{base}/{case_id}/objections",
        {"received_on": "2026-03-10", "content": "其子有营业执照"},
        reviewer,
    )
    assert objection.status_code == 201 and objection.json()["upheld"] is None
    end = {"action": "end_publicity", "on": "2026-03-17"}
    assert _post(client, f"{base}/{case_id}/moves", end, reviewer).status_code == 409
    resolved = _post(
        client, f"{base}/{case_id}/objections/{objection.json()['id']}/resolution",
        {"resolution": "经核实营业执照已注销", "upheld": False}, reviewer,
    )  # fmt: skip
    assert resolved.json()["upheld"] is False
    assert _post(client, f"{base}/{case_id}/moves", end, reviewer).ok
    approved = _post(client, f"{base}/{case_id}/moves", {"action": "approve", "on": "2026-03-18"}, approver)
    assert approved.json()["status"] == "approved"
    assert [
        o["upheld"] for o in client.get(f"{base}/{case_id}/objections", headers=_headers(approver)).json()
    ] == [False]
