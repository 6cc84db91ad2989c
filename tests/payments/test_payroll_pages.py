"""Pages and API of 资金发放, and jurisdiction: another county's roster, files and lines are 404."""

import io

import pytest
from python_calamine import CalamineWorkbook

from minzheng.core.services.accounts import issue_api_token
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.payments.models import FollowUp, PayrollLine, PayrollRoster, RosterStatus
from tests.core.factories import PASSWORD

from .conftest import MONTH

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.post("/login/", {"username": user.username, "password": PASSWORD})
    return client


def test_caseworker_generates_and_submits_approver_approves_through_the_pages(
    client, beneficiaries, county_caseworker, approver
):
    _login(client, county_caseworker)
    assert "资金发放" in client.get("/").content.decode()
    response = client.post(
        "/payments/generate/", {"program": "dibao_urban", "division_code": "210602000000", "month": "2026-06"}
    )
    roster = PayrollRoster.objects.get()
    assert response.url == f"/payments/rosters/{roster.pk}/"
    page = client.get(response.url).content.decode()
    assert "七道街道" in page and "¥2,783.50" in page and "提交审核" in page
    line = roster.lines.first()
    assert line.payee_id_number not in page and line.bank_account not in page
    partial = client.get(response.url, {"q": line.payee_name}, HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('\n<div id="lines">') or '<div id="lines">' in partial[:40]
    client.post(f"/payments/rosters/{roster.pk}/submit/")
    # The maker is shown no approve button; an approver approves.
    client.post("/logout/")
    _login(client, approver)
    assert "审核通过" in client.get(f"/payments/rosters/{roster.pk}/").content.decode()
    client.post(f"/payments/rosters/{roster.pk}/approve/")
    roster.refresh_from_db()
    assert roster.status == RosterStatus.APPROVED
    response = client.get(f"/payments/rosters/{roster.pk}/bank-file/", {"format": "generic", "kind": "xlsx"})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    assert len(rows) == 5 and "attachment" in response["Content-Disposition"]
    pdf = client.get(f"/payments/rosters/{roster.pk}/roster.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_results_upload_and_follow_up_through_the_pages(client, approved_roster, county_caseworker):
    _login(client, county_caseworker)
    lines = list(approved_roster.lines.order_by("seq"))
    rows = [
        [line.bank_account, str(line.amount), "成功" if i else "失败", "" if i else "户名不符"]
        for i, line in enumerate(lines)
    ]
    upload = io.BytesIO(write_workbook([Sheet("回盘", ["账号", "金额", "状态", "失败原因"], rows)]))
    upload.name = "回盘.xlsx"
    client.post(f"/payments/rosters/{approved_roster.pk}/results/", {"file": upload, "format": "generic"})
    queue = client.get("/payments/follow-ups/").content.decode()
    assert lines[0].payee_name in queue and "户名不符" in queue
    client.post(f"/payments/lines/{lines[0].pk}/follow-up/", {"action": "reissue"})
    assert PayrollLine.objects.get(pk=lines[0].pk).follow_up == FollowUp.REISSUE


def test_bad_results_file_shows_row_errors(client, approved_roster, county_caseworker):
    _login(client, county_caseworker)
    upload = io.BytesIO("账号,金额,状态\r\n999,1.00,成功\r\n".encode("gbk"))
    upload.name = "bad.csv"
    response = client.post(f"/payments/rosters/{approved_roster.pk}/results/", {"file": upload}, follow=True)
    body = response.content.decode()
    assert "第2行" in body and "不在本花名册" in body


def test_every_payroll_url_of_another_county_is_404(client, approved_roster, outsider):
    _login(client, outsider)
    line = approved_roster.lines.first()
    PayrollLine.objects.filter(pk=line.pk).update(payment_status="failed", follow_up="open")
    pk = approved_roster.pk
    gets = [
        f"/payments/rosters/{pk}/",
        f"/payments/rosters/{pk}/bank-file/?format=generic&kind=xlsx",
        f"/payments/rosters/{pk}/roster.pdf",
    ]
    posts = [
        f"/payments/rosters/{pk}/regenerate/",
        f"/payments/rosters/{pk}/submit/",
        f"/payments/rosters/{pk}/approve/",
        f"/payments/rosters/{pk}/return/",
        f"/payments/rosters/{pk}/results/",
        f"/payments/lines/{line.pk}/follow-up/",
        f"/payments/rosters/{pk}/roster-pdf-job/",
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"action": "resolve", "note": "x", "reason": "x"}).status_code == 404, url
    assert (
        approved_roster.lines.first().payee_name not in client.get("/payments/follow-ups/").content.decode()
    )
    assert "2026-06" not in client.get("/payments/").content.decode()
    headers = {"Authorization": f"Bearer {issue_api_token(outsider)}"}
    assert client.get(f"/api/payments/rosters/{pk}", headers=headers).status_code == 404
    assert client.get(f"/api/payments/rosters/{pk}/lines", headers=headers).status_code == 404
    assert client.post(f"/api/payments/rosters/{pk}/approve", headers=headers).status_code == 404
    assert (
        client.post(
            f"/api/payments/lines/{line.pk}/follow-up",
            {"action": "resolve", "note": "x"},
            content_type="application/json",
            headers=headers,
        ).status_code
        == 404
    )
    assert client.get("/api/payments/rosters", headers=headers).json()["count"] == 0
    assert client.get("/api/payments/follow-ups", headers=headers).json() == []


def test_roster_list_query_count_is_pinned(
    client, approved_roster, county_caseworker, django_assert_max_num_queries
):
    from datetime import date

    from minzheng.payments.services.generation import generate_roster

    for month in (date(2026, 7, 1), date(2026, 8, 1)):  # more rosters, same number of queries
        generate_roster(
            county_caseworker, program_code="dibao_urban", division_code="210602003000", month=month
        )
    _login(client, county_caseworker)
    with django_assert_max_num_queries(13):
        body = client.get("/payments/").content.decode()
    assert "2026-06" in body


def test_api_generate_submit_and_maker_checker(client, beneficiaries, county_caseworker, approver):
    maker = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    checker = {"Authorization": f"Bearer {issue_api_token(approver)}"}
    created = client.post(
        "/api/payments/rosters",
        {"program_code": "dibao_urban", "division_code": "210602000000", "month": str(MONTH)},
        content_type="application/json",
        headers=maker,
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["total_amount"] == "2783.50"
    lines = client.get(f"/api/payments/rosters/{pk}/lines", headers=maker).json()
    assert len(lines) == 4 and "*" in lines[0]["payee_id_number_masked"]
    assert "payee_id_number" not in lines[0]
    assert client.post(f"/api/payments/rosters/{pk}/approve", headers=maker).status_code == 403
    assert client.post(f"/api/payments/rosters/{pk}/submit", headers=maker).json()["status"] == "submitted"
    approved = client.post(f"/api/payments/rosters/{pk}/approve", headers=checker)
    assert approved.json()["status"] == "approved" and approved.json()["approved_by_id"] == approver.pk
    refused = client.post(
        "/api/payments/rosters",
        {"program_code": "dibao_urban", "division_code": "210602000000", "month": str(MONTH)},
        content_type="application/json",
        headers=maker,
    )
    assert refused.status_code == 409 and refused.json()["title"] == "roster_locked"


def test_changes_after_generation_are_shown_before_submitting(client, beneficiaries, county_caseworker):
    from decimal import Decimal

    from minzheng.assistance.services.enrolments import change_amount
    from minzheng.payments.services.generation import generate_roster

    roster = generate_roster(
        county_caseworker, program_code="dibao_urban", division_code="210602000000", month=MONTH
    ).roster
    _login(client, county_caseworker)
    assert "均无变化" in client.get(f"/payments/rosters/{roster.pk}/?check=1").content.decode()
    change_amount(
        county_caseworker,
        beneficiaries[0],
        from_month=MONTH,
        monthly_amount=Decimal("1"),
        persons=3,
        kind="decrease",
        reason="收入增加",
    )
    assert "有 1 户" in client.get(f"/payments/rosters/{roster.pk}/?check=1").content.decode()


def test_api_bank_file_and_subtotals(client, approved_roster, county_caseworker, city_leader):
    headers = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    pk = approved_roster.pk
    subtotals = client.get(f"/api/payments/rosters/{pk}/subtotals", headers=headers).json()
    assert [(s["township_name"], s["amount"]) for s in subtotals] == [
        ("七道街道", "920.50"),
        ("广济街道", "1863.00"),
    ]
    response = client.get(
        f"/api/payments/rosters/{pk}/bank-file", {"format": "rcc", "kind": "csv"}, headers=headers
    )
    assert response.status_code == 200 and response.content.decode("gbk").startswith("序号,账号,户名,金额")
    leader = {"Authorization": f"Bearer {issue_api_token(city_leader)}"}
    refused = client.get(f"/api/payments/rosters/{pk}/bank-file", {"format": "rcc"}, headers=leader)
    assert refused.status_code == 403 and "代发文件" in refused.json()["detail"]
