"""Casework pages: each desk sees its moves, every record page answers 404 to another county, the decision
PDF downloads, files are type-checked and served only inside the jurisdiction."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from minzheng.assistance.models import CaseAttachment, WorkTask
from minzheng.assistance.services.dynamic import consume_registry_changes, schedule_reviews
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.identity import mask_name
from minzheng.core.models import AuditEvent
from tests.core.factories import PASSWORD, HouseholdFactory

from .casework import approved_case, desks, dibao_case

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def policy(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_assistance_policy()


def _login(client, user):
    client.logout()
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def test_every_desk_sees_its_pages(client, policy, household):
    caseworker, reviewer, approver = desks()
    case = approved_case(caseworker, reviewer, approver, household)
    other = dibao_case(caseworker, HouseholdFactory(village="210602002002", size=2), until="applied")
    for user in (caseworker, reviewer, approver):
        _login(client, user)
        for url in [
            "/assistance/", "/assistance/queue/", "/assistance/cases/", f"/assistance/cases/{case.pk}/",
            "/assistance/enrolments/", "/assistance/publicity/?division=210602002001", "/assistance/raise/",
            "/assistance/settings/", f"/assistance/cases/{other.pk}/", "/",
        ]:  # fmt: skip
            response = client.get(url)
            assert response.status_code == 200, (user.username, url)
    _login(client, caseworker)
    body = client.get(f"/assistance/cases/{other.pk}/").content.decode()
    assert "受理" in body and "一次性告知补齐材料" in body
    client.post(
        f"/assistance/cases/{other.pk}/act/",
        {"action": "request_materials", "missing": ["家庭收入和财产状况声明"], "other": "医疗费用票据"},
    )
    notice = client.get(f"/assistance/cases/{other.pk}/notice.pdf")
    assert notice["content-type"] == "application/pdf" and notice.content.startswith(b"%PDF")
    export = client.get("/assistance/enrolments/", {"export": "xlsx", "month": "2026-04"})
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(export.content)).get_sheet_by_index(0).to_python()
    cells = {str(cell) for row in sheet for cell in row}
    assert household.number in cells and household.head.id_number not in cells
    response = client.get(f"/assistance/cases/{case.pk}/decision.pdf")
    assert response["content-type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_outsider_gets_404_on_every_case_record(client, policy, household, outsider):
    caseworker, reviewer, approver = desks()
    case = approved_case(caseworker, reviewer, approver, household)
    enrolment = case.enrolments.get()
    _login(client, outsider)
    for url in [
        f"/assistance/cases/{case.pk}/", f"/assistance/cases/{case.pk}/decision.pdf",
        f"/assistance/cases/{case.pk}/notice.pdf", f"/assistance/enrolments/{enrolment.pk}/",
        f"/assistance/cases/{case.pk}/files/1/", "/assistance/publicity/?division=210602002001",
    ]:  # fmt: skip
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/assistance/cases/{case.pk}/act/", {"action": "withdraw", "reason": "x"}).status_code
        == 404
    )
    assert client.post(f"/assistance/enrolments/{enrolment.pk}/change/", {"kind": "stop"}).status_code == 404
    reassessment = {"reported_on": "2026-03-01", "note": "x"}
    assert (
        client.post(f"/assistance/enrolments/{enrolment.pk}/reassessment/", reassessment).status_code == 404
    )
    account = {"bank_name": "他行", "bank_account": "6230000000000000001", "reason": "篡改"}
    assert client.post(f"/assistance/enrolments/{enrolment.pk}/account/", account).status_code == 404
    assert case.number not in client.get("/assistance/cases/").content.decode()
    assert household.number not in client.get("/assistance/enrolments/").content.decode()
    enrolment.refresh_from_db()
    case.refresh_from_db()
    assert enrolment.end_month is None and case.status == "approved"
    assert enrolment.bank_account != "6230000000000000001"


def test_the_payment_account_is_validated_masked_and_audited(client, policy, household):
    caseworker, reviewer, approver = desks()
    enrolment = approved_case(caseworker, reviewer, approver, household).enrolments.get()
    _login(client, caseworker)
    url = f"/assistance/enrolments/{enrolment.pk}/account/"
    client.post(url, {"bank_name": "丹东农商银行", "bank_account": "6230 12", "reason": "首次登记"})
    enrolment.refresh_from_db()
    assert enrolment.bank_account == ""  # too short: refused, nothing written
    client.post(
        url, {"bank_name": "丹东农商银行", "bank_account": "6230 1234 5678 9012 345", "reason": "首次登记"}
    )
    enrolment.refresh_from_db()
    assert (enrolment.bank_name, enrolment.bank_account) == ("丹东农商银行", "6230123456789012345")
    page = client.get(f"/assistance/enrolments/{enrolment.pk}/").content.decode()
    assert "6230***********2345" in page and "6230123456789012345" not in page
    event = AuditEvent.objects.filter(
        object_type="assistance_enrolment", summary__startswith="发放账户"
    ).get()
    assert "6230123456789012345" not in str(event.after) and event.user == caseworker


def test_attachments_are_type_checked_and_stay_inside_the_jurisdiction(client, policy, household, outsider):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="investigating")
    _login(client, caseworker)
    fake = SimpleUploadedFile("photo.png", b"MZ not an image", content_type="image/png")
    client.post(
        f"/assistance/cases/{case.pk}/act/", {"action": "add_attachment", "kind": "photo", "file": fake}
    )
    assert not CaseAttachment.objects.exists()
    photo = SimpleUploadedFile("现场.png", PNG, content_type="image/png")
    client.post(
        f"/assistance/cases/{case.pk}/act/", {"action": "add_attachment", "kind": "photo", "file": photo}
    )
    attachment = CaseAttachment.objects.get()
    assert attachment.size == len(PNG) and attachment.file.name.startswith(f"assistance/cases/{case.pk}/")
    assert client.get(f"/assistance/cases/{case.pk}/files/{attachment.pk}/").status_code == 200
    _login(client, outsider)
    assert client.get(f"/assistance/cases/{case.pk}/files/{attachment.pk}/").status_code == 404


def test_public_notice_shows_masked_names_and_no_id_numbers(client, policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household)
    client.logout()
    body = client.get("/public/gongshi/210602002001/").content.decode()
    head = household.head
    # Enrolled from April 2026 and never stopped: on the long-term 公示 from then on, name masked.
    assert head.id_number not in body and head.name not in body
    assert mask_name(head.name) in body


def test_work_queue_lists_review_and_registry_tasks(client, policy, household, outsider):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household)
    assert schedule_reviews(date(2027, 12, 31)) == 1
    assert schedule_reviews(date(2027, 12, 31)) == 0
    consume_registry_changes()
    _login(client, caseworker)
    body = client.get("/assistance/queue/").content.decode()
    assert "定期复核" in body
    task = WorkTask.objects.get()
    assert client.get(f"/assistance/tasks/{task.pk}/").status_code == 200
    # the 复核分类 in Chinese, not its code (a task read "复核分类：other" on PostgreSQL's demo walk)
    assert task.detail.startswith("复核分类：") and task.detail.isascii() is False
    assert not any(c.isascii() and c.isalpha() for c in task.detail), task.detail
    _login(client, outsider)
    assert client.get(f"/assistance/tasks/{task.pk}/").status_code == 404
    assert "定期复核" not in client.get("/assistance/queue/").content.decode()


def test_case_and_enrolment_lists_take_a_fixed_number_of_queries(
    client, policy, django_assert_max_num_queries
):
    from tests.core.factories import HouseholdFactory

    caseworker, reviewer, approver = desks()
    for _ in range(4):
        approved_case(caseworker, reviewer, approver, HouseholdFactory(village="210602002001", size=2))
    _login(client, caseworker)
    for url in ["/assistance/cases/", "/assistance/enrolments/", "/assistance/queue/", "/assistance/"]:
        with django_assert_max_num_queries(40):
            assert client.get(url).status_code == 200


def test_a_case_transferred_from_a_warning_shows_its_prefill_in_chinese_with_every_id_number_masked(
    client, policy, household
):
    """Issue 16 item 5: the pre-filled block showed English keys and a full 18-digit ID number."""
    from minzheng.assistance.services.cases import open_case
    from minzheng.core.identity import mask_id_number

    caseworker, _, _ = desks()
    member = household.memberships.first().person.id_number
    case = open_case(
        caseworker,
        household_id=household.pk,
        program_code="dibao_urban",
        source="monitoring",
        reason="动态监测预警转入",
        prefill={
            "warning_number": "YJ-1",
            "reason": f"成员 {member} 新办理一级残疾证",
            "evidence": {"rows": [{"id_number": member, "grade": 1}]},
        },
        source_reference="YJ-1",
    )
    body = _login(client, caseworker).get(f"/assistance/cases/{case.pk}/").content.decode()
    assert member not in body
    assert mask_id_number(member) in body
    assert "预警编号" in body and "依据数据" in body and "warning_number" not in body
