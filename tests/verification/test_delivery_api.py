"""部门数据 through the API: a department's exchange system uploads its file with a token and reads the
receipt and the rejected rows, as the 部门共享数据 page does for a person."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from minzheng.core.models import AuditEvent
from minzheng.core.services.accounts import issue_api_token
from minzheng.verification.services.store import exchange_store
from tests.verification.world import csv_bytes


def _upload(client, headers, data: bytes, *, name="pension.csv", dataset="pension", as_of="2026-07-01"):
    return client.post(
        "/api/verification/deliveries",
        {"file": SimpleUploadedFile(name, data), "dataset": dataset, "as_of": as_of},
        headers=headers,
    )


def test_a_file_delivery_by_api_gives_a_receipt_and_the_rejected_rows(client, admin, members):
    headers = {"Authorization": f"Bearer {issue_api_token(admin)}"}
    data = csv_bytes(
        [
            {"id_number": members[0], "month": "2026-05", "amount": "1500.00"},
            {"id_number": "2106021990010112", "month": "2026-05", "amount": "10.00"},
        ]
    )
    first = _upload(client, headers, data)
    assert first.status_code == 201, first.content
    receipt = first.json()
    assert (receipt["dataset"], receipt["as_of"], receipt["rows_accepted"], receipt["rows_rejected"]) == (
        "pension",
        "2026-07-01",
        1,
        1,
    )
    assert AuditEvent.objects.filter(object_id=receipt["delivery_id"], action="import").exists()

    again = _upload(client, headers, data)
    assert again.status_code == 200 and again.json()["duplicate"]
    assert [r["delivery_id"] for r in client.get("/api/verification/deliveries", headers=headers).json()] == [
        receipt["delivery_id"]
    ]

    report = client.get(receipt["rejected_report"], headers=headers)
    assert report.status_code == 200
    rows = CalamineWorkbook.from_filelike(io.BytesIO(report.content)).get_sheet_by_index(0).to_python()
    assert any("2106021990010112" in str(cell) for row in rows for cell in row)


def test_a_bad_file_by_api_is_refused_in_chinese_and_keeps_the_earlier_delivery(client, admin, members):
    headers = {"Authorization": f"Bearer {issue_api_token(admin)}"}
    good = _upload(client, headers, csv_bytes([{"id_number": members[0], "month": "2026-05", "amount": "1"}]))
    assert good.status_code == 201
    wrong_columns = _upload(client, headers, b"id_number,amount\n1,2\n", as_of="2026-07-02")
    assert wrong_columns.status_code == 400
    assert "month" in wrong_columns.json()["detail"]
    empty = _upload(client, headers, b"", as_of="2026-07-03")
    assert empty.status_code == 400 and empty.json()["detail"]
    wrong_type = _upload(client, headers, b"x", name="pension.xlsx", as_of="2026-07-04")
    assert wrong_type.status_code == 400 and wrong_type.json()["errors"][0]["field"] == "file"
    missing_date = client.post(
        "/api/verification/deliveries",
        {"file": SimpleUploadedFile("p.csv", b"a"), "dataset": "pension"},
        headers=headers,
    )
    assert missing_date.status_code == 422
    assert [r.delivery_id for r in exchange_store().receipts()] == [good.json()["delivery_id"]]


def test_caseworkers_cannot_deliver_or_list_department_data(client, county_caseworker, members):
    headers = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    data = csv_bytes([{"id_number": members[0], "month": "2026-05", "amount": "1"}])
    assert _upload(client, headers, data).status_code == 403
    assert client.get("/api/verification/deliveries", headers=headers).status_code == 403
    assert exchange_store().receipts() == []
