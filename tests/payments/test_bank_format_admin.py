"""A bureau configures its own bank's file: columns as data, checked, audited; only approvers/administrators."""

import csv
import io

import pytest

from minzheng.core.models import AuditEvent
from minzheng.payments.models import BankFormat
from minzheng.payments.services.bank_files import export_bank_file
from tests.core.factories import PASSWORD

pytestmark = pytest.mark.django_db

COLUMNS = "卡号|account\n姓名|payee_name\n金额（分）|amount|fen\n月份|month|%Y年%m月\n类别|literal|低保金"


def _login(client, user):
    client.post("/login/", {"username": user.username, "password": PASSWORD})


def test_an_approver_adds_a_bank_format_and_the_file_follows_it(client, approved_roster, approver):
    _login(client, approver)
    form = {
        "code": "ccb", "name": "建设银行代发", "bank_keywords": "邮政储蓄、邮储", "amount_unit": "yuan",
        "csv_encoding": "gb18030", "csv_delimiter": "|", "csv_header": "1", "enabled": "1", "columns": COLUMNS,
    }  # fmt: skip
    response = client.post("/payments/bank-formats/new/", form)
    assert response.status_code == 302
    created = BankFormat.objects.get(code="ccb")
    assert created.columns[2] == {"header": "金额（分）", "field": "amount", "format": "fen"}
    assert AuditEvent.objects.filter(object_type="bank_format", action="create").exists()
    rows = list(
        csv.reader(
            io.StringIO(
                export_bank_file(approver, approved_roster, created, "csv").content.decode("gb18030")
            ),
            delimiter="|",
        )
    )
    assert rows[0] == ["卡号", "姓名", "金额（分）", "月份", "类别"]
    assert (
        sorted(r[2] for r in rows[1:]) == ["120000", "42050"]
        and rows[1][3] == "2026年06月"
        and rows[1][4] == "低保金"
    )
    edit = client.get(f"/payments/bank-formats/{created.pk}/edit/").content.decode()
    assert "金额（分）|amount|fen" in edit


def test_a_wrong_column_is_refused_with_its_line(client, programs, approver, county_caseworker):
    _login(client, approver)
    body = client.post(
        "/payments/bank-formats/new/",
        {"code": "x", "name": "x", "columns": "账号|acount\n金额|amount", "csv_delimiter": ","},
        follow=True,
    ).content.decode()
    assert "字段“acount”无效" in body and not BankFormat.objects.filter(code="x").exists()
    client.post("/logout/")
    _login(client, county_caseworker)
    response = client.post(
        "/payments/bank-formats/new/", {"code": "y", "name": "y", "columns": COLUMNS, "csv_delimiter": ","}
    )
    assert not BankFormat.objects.filter(code="y").exists()
    assert response.status_code in (200, 403)
