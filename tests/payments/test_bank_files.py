"""Bank files: each format's columns, order, encoding and amount unit, opened as the bank would open them."""

import csv
import io
from decimal import Decimal

import pytest
from python_calamine import CalamineWorkbook

from minzheng.core.models import AuditEvent
from minzheng.payments.errors import InvalidBankFormat, PayrollError
from minzheng.payments.models import BankFormat
from minzheng.payments.rules.bank_files import format_amount, validate_columns, yuan_to_fen
from minzheng.payments.services.bank_files import export_bank_file
from minzheng.payments.services.generation import generate_roster

from .conftest import MONTH

pytestmark = pytest.mark.django_db


def _xlsx(content: bytes) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


def test_rural_credit_cooperative_csv_is_gbk_in_yuan_with_its_own_columns(approved_roster, county_caseworker):
    rcc = BankFormat.objects.get(code="rcc")
    exported = export_bank_file(county_caseworker, approved_roster, rcc, "csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("gbk"))))
    assert rows[0] == ["序号", "账号", "户名", "金额", "身份证号", "摘要"]
    assert len(rows) == 3  # only the two households banking with 农商银行
    lines = {line.bank_account: line for line in approved_roster.lines.filter(bank_name="丹东农商银行")}
    for seq, account, name, amount, id_number, remark in rows[1:]:
        assert seq in {"1", "2"}
        assert lines[account].payee_name == name and lines[account].payee_id_number == id_number
        assert Decimal(amount) == lines[account].amount and "." in amount
        assert remark == "2026年06月城市低保"
    assert exported.file_name.endswith("_rcc.csv")


def test_postal_savings_xlsx_in_fen_with_literal_columns(approved_roster, approver):
    psbc = BankFormat.objects.get(code="psbc")
    exported = export_bank_file(approver, approved_roster, psbc, "xlsx")
    rows = _xlsx(exported.content)
    assert rows[0] == [
        "收款人账号",
        "收款人姓名",
        "证件类型",
        "证件号码",
        "金额（分）",
        "用途",
        "发放月份",
        "备注",
    ]
    amounts = sorted(int(r[4]) for r in rows[1:])
    assert amounts == [42050, 120000]
    assert {r[2] for r in rows[1:]} == {"01"} and {r[6] for r in rows[1:]} == {"202606"}
    assert all(isinstance(r[0], str) and r[0].startswith("62300") for r in rows[1:])  # text, zeros kept


def test_generic_format_holds_every_bank_and_the_total(approved_roster, county_caseworker):
    exported = export_bank_file(
        county_caseworker, approved_roster, BankFormat.objects.get(code="generic"), "xlsx"
    )
    rows = _xlsx(exported.content)
    assert len(rows) == 5
    assert sum(Decimal(str(r[9])) for r in rows[1:]) == approved_roster.total_amount
    assert {r[1] for r in rows[1:]} == {"七道街道", "广济街道"}


def test_export_is_audited_and_refused_before_approval_or_to_leaders(
    beneficiaries, county_caseworker, city_leader, approved_roster
):
    assert AuditEvent.objects.filter(action="export", object_type="payroll_roster").count() == 0
    export_bank_file(county_caseworker, approved_roster, BankFormat.objects.get(code="rcc"), "csv")
    event = AuditEvent.objects.get(action="export", object_type="payroll_roster")
    assert "含完整账号" in event.summary and event.user == county_caseworker
    from minzheng.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        export_bank_file(city_leader, approved_roster, BankFormat.objects.get(code="rcc"), "csv")
    draft = generate_roster(
        county_caseworker,
        program_code="dibao_urban",
        division_code="210602000000",
        month=MONTH.replace(month=7),
    ).roster
    with pytest.raises(PayrollError):
        export_bank_file(county_caseworker, draft, BankFormat.objects.get(code="rcc"), "csv")


def test_a_name_gbk_cannot_encode_is_named_and_gb18030_works(approved_roster, county_caseworker):
    approved_roster.lines.filter(bank_name="丹东农商银行").update(payee_name="王𠮷")
    rcc = BankFormat.objects.get(code="rcc")
    with pytest.raises(PayrollError) as error:
        export_bank_file(county_caseworker, approved_roster, rcc, "csv")
    assert "𠮷" in error.value.message and "GB18030" in error.value.message
    rcc.csv_encoding = "gb18030"
    rcc.save()
    assert "王𠮷" in export_bank_file(county_caseworker, approved_roster, rcc, "csv").content.decode(
        "gb18030"
    )


def test_a_broken_format_is_refused_with_its_problems(approved_roster, county_caseworker):
    broken = BankFormat.objects.create(
        code="bad", name="坏格式", columns=[{"header": "姓名", "field": "name"}]
    )
    with pytest.raises(InvalidBankFormat) as error:
        export_bank_file(county_caseworker, approved_roster, broken, "xlsx")
    assert "字段“name”无效" in error.value.message and "银行账号列" in error.value.message


def test_amount_units_never_go_through_float():
    assert yuan_to_fen(Decimal("0.29")) == 29 and yuan_to_fen(Decimal("1200")) == 120000
    assert format_amount(Decimal("420.5"), "yuan") == "420.50"
    assert format_amount(Decimal("420.5"), "fen") == "42050"
    assert validate_columns(
        [{"header": "账号", "field": "account"}, {"header": "金额", "field": "amount", "format": "jiao"}]
    ) == ["第2列（金额）：金额格式只能是 yuan（元）或 fen（分）"]


def test_bank_csv_neutralises_names_that_look_like_formulas(approved_roster, county_caseworker):
    """Issue 14, item 12: a payee name starting with = is written as text, never a formula."""
    line = approved_roster.lines.filter(bank_name="丹东农商银行").first()
    type(line).objects.filter(pk=line.pk).update(payee_name='=HYPERLINK("http://x","张三")')
    rcc = BankFormat.objects.get(code="rcc")
    exported = export_bank_file(county_caseworker, approved_roster, rcc, "csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("gbk"))))
    names = [r[2] for r in rows[1:]]
    assert '\'=HYPERLINK("http://x","张三")' in names
    assert all(not n.startswith(("=", "+", "-", "@")) for n in names)
