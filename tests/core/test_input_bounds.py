"""Issue 14's input defects, each named after it: money bounds, paging, division codes, text lengths, the
roster template round trip, upload limits while streaming, and formula cells in what the platform writes."""

import io
import time
import tracemalloc
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import override_settings
from python_calamine import CalamineWorkbook

from minzheng.core.errors import ImportRejected
from minzheng.core.jurisdiction import InvalidDivisionCode, covers, division_prefix, parse_division_code
from minzheng.core.lengths import TextTooLong
from minzheng.core.models import Household
from minzheng.core.money import InvalidAmount, check_money
from minzheng.core.services.accounts import issue_api_token
from minzheng.core.services.roster_import import import_household_roster
from minzheng.core.spreadsheets import Sheet, neutralise_formula, read_first_sheet, write_workbook
from minzheng.core.uploads import read_upload

from .factories import PASSWORD
from .test_roster_import import HEAD, good_rows

# --- 1. money bounds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["NaN", "nan", "Infinity", "-Infinity", "1e20", "-1", "0.001", "abc", "1e-7"]
)
def test_money_bounds_refuse_nan_infinity_huge_negative_and_fractions_of_a_cent(text):
    with pytest.raises(InvalidAmount) as refused:
        check_money(text, field="amount", label="金额")
    assert refused.value.field == "amount" and "金额" in refused.value.message


def test_money_bounds_accept_amounts_as_typed():
    assert check_money("1,234.5", field="a", label="金额") == Decimal("1234.50")
    assert check_money("¥700", field="a", label="金额") == Decimal("700.00")
    assert check_money("", field="a", label="金额") is None
    assert check_money(Decimal("9999999.99"), field="a", label="金额") == Decimal("9999999.99")


@pytest.fixture
def open_case(county_caseworker, household):
    from minzheng.assistance.services.seed import load_assistance_policy
    from tests.assistance.casework import dibao_case

    load_assistance_policy()
    return dibao_case(county_caseworker, household, until="investigating")


@pytest.mark.parametrize("amount", ["1e20", "NaN", "Infinity", "-5", "1.001"])
def test_huge_amount_is_refused_by_the_api_and_the_case_stays_readable(
    client, county_caseworker, open_case, amount
):
    auth = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    response = client.put(
        f"/api/assistance/cases/{open_case.pk}/benefit-inputs",
        f'{{"requested_amount": "{amount}"}}',
        content_type="application/json",
        headers=auth,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"].endswith("requested_amount")
    assert client.get(f"/api/assistance/cases/{open_case.pk}", headers=auth).status_code == 200
    assert client.get("/api/assistance/cases", headers=auth).status_code == 200


def test_nan_amount_in_the_case_form_is_a_chinese_message_not_a_server_error(
    client, county_caseworker, open_case
):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    response = client.post(
        f"/assistance/cases/{open_case.pk}/act/",
        {"action": "set_benefit_inputs", "requested_amount": "NaN"},
        follow=True,
    )
    assert response.status_code == 200 and "核定需求应为有限的金额" in response.content.decode()
    open_case.refresh_from_db()
    assert open_case.requested_amount is None


def test_database_check_constraint_refuses_an_amount_out_of_bounds(open_case):
    table = open_case._meta.db_table
    # Within the column's precision (PostgreSQL refuses 1e20 by the type already), beyond the money bounds.
    for value in ("1000000000", "-1"):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET requested_amount = {value} WHERE id = %s", [open_case.pk])


# --- 2. paging --------------------------------------------------------------------------------------------


def _list_operations():
    from minzheng.api import api

    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            names = {p["name"] for p in operation.get("parameters", [])}
            if method == "get" and {"offset", "limit"} <= names:
                yield path.replace("{pk}", "1")


def test_paging_parameters_out_of_range_are_422_in_chinese_on_every_list_endpoint(client, county_caseworker):
    auth = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    paths = list(_list_operations())
    assert len(paths) >= 10
    for path in paths:
        for query in ({"offset": -1}, {"offset": 2**63}, {"offset": 10**30}, {"limit": 10**9}, {"limit": 0}):
            response = client.get(path, query, headers=auth)
            assert response.status_code == 422, (path, query, response.status_code)
            message = response.json()["errors"][0]["message"]
            assert message.startswith(("不能", "应")), (path, message)


# --- 3. division codes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["2106030000001", "21060x", "２１０６", " 2106 03", "-210603"])
def test_odd_division_codes_are_refused_by_the_one_parser(code):
    with pytest.raises(InvalidDivisionCode) as refused:
        parse_division_code(code)
    assert "行政区划代码" in refused.value.message and refused.value.status_code == 400
    with pytest.raises(InvalidDivisionCode):
        division_prefix(code)
    with pytest.raises(InvalidDivisionCode):
        covers("210600000000", code)


def test_division_codes_of_every_length_are_read_as_twelve_digits():
    assert parse_division_code("2106") == "210600000000"
    assert parse_division_code(" 210602002001 ") == "210602002001"
    assert parse_division_code("") == ""


def test_odd_division_code_is_a_400_in_the_api_and_the_pages(client, county_caseworker):
    from minzheng.assistance.services.seed import load_assistance_policy

    load_assistance_policy()
    auth = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    body = {"program_code": "dibao_urban", "division_code": "2106030000001", "month": "2026-06-01"}
    response = client.post("/api/payments/rosters", body, content_type="application/json", headers=auth)
    assert response.status_code == 422 and response.json()["errors"][0]["field"].endswith("division_code")
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    for url in ("/assistance/?division=2106030000001", "/assistance/publicity/?division=2106030000001"):
        response = client.get(url)
        assert response.status_code in (200, 400), url
        if response.status_code == 400:
            assert "行政区划代码" in response.content.decode()


# --- 6. lengths -------------------------------------------------------------------------------------------


def test_text_longer_than_its_column_is_refused_in_chinese_by_the_api(client, county_caseworker):
    auth = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    body = {
        "residence_division_code": "210602002001",
        "address": "长" * 5000,
        "members": [{"name": "赵大山", "relation": "户主", "id_number": HEAD}],
    }
    response = client.post("/api/households", body, content_type="application/json", headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "body.body.address",
        "message": "长度不能超过 200 个字符",
    }
    assert not Household.objects.exists()


def test_text_longer_than_its_column_is_refused_before_any_save(household):
    household.address = "长" * 5000
    with pytest.raises(TextTooLong) as refused:
        household.save()
    assert refused.value.message == "详细地址不能超过 200 个字符（现为 5000 个）"


def test_text_longer_than_its_column_is_refused_by_the_roster_import(county_caseworker):
    from .test_roster_import import run, xlsx

    rows = good_rows()
    rows[0][8] = "长" * 5000  # 详细地址
    batch = run(county_caseworker, xlsx(rows)).batch
    assert batch.status == "rejected"
    assert {
        "row": 2,
        "column": "详细地址",
        "message": "详细地址不能超过 200 个字符（现为 5000 个）",
    } in batch.errors


# --- 5. the roster template round trip --------------------------------------------------------------------


def test_downloaded_roster_template_filled_in_is_accepted(client, county_caseworker):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    template = client.get("/registry/import/template.xlsx").content
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(template)).get_sheet_by_index(0).to_python()
    headers = sheet[0]
    assert "公民身份号码*" in headers  # required columns stay marked in what users download
    filled = write_workbook([Sheet("花名册", headers, good_rows())])  # the example rows replaced by real ones
    result = import_household_roster(county_caseworker, filled, "花名册.xlsx", today=date(2026, 11, 25))
    assert result.ok, result.batch.errors
    assert Household.objects.count() == 2


# --- 11. uploads ------------------------------------------------------------------------------------------


def _sheet_of(rows: int) -> bytes:
    """A minimal .xlsx whose first sheet has ``rows`` rows, written straight as XML (fast to build)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/></Types>',
        )
        archive.writestr(
            "xl/workbook.xml",
            '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b"<worksheet><sheetData>")
            block = "".join(
                f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(1000)
            )
            for _ in range(rows // 1000):
                sheet.write(block.encode())
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def test_million_row_sheet_is_refused_quickly_while_streaming():
    data = _sheet_of(1_000_000)
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(ImportRejected) as refused:
        read_first_sheet(data)
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "最多300000行" in refused.value.message
    assert elapsed < 5 and peak < 64 * 1024 * 1024, (elapsed, peak)


def test_upload_larger_than_the_limit_is_refused_before_it_is_read():
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("big.xlsx", b"x" * 2048)
    with pytest.raises(ImportRejected) as refused:
        read_upload(upload, max_bytes=1024)
    assert "文件过大" in refused.value.message


@override_settings(MINZHENG_MAX_REQUEST_BYTES=1024)
def test_request_body_over_the_limit_is_refused_with_413(client, county_caseworker):
    auth = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    response = client.post("/api/households", "x" * 4096, content_type="application/json", headers=auth)
    assert response.status_code == 413 and "上传内容过大" in response.json()["detail"]


# --- 12. formula cells ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("-12.50", "-12.50"),
        ("张三", "张三"),
        (12, 12),
    ],
)
def test_formula_cells_are_neutralised(written, expected):
    assert neutralise_formula(written) == expected


def test_formula_cells_are_neutralised_in_every_xlsx_the_platform_writes():
    content = write_workbook([Sheet("S", ["=H"], [["=cmd|' /C calc'!A0", "@x", "-3"]], notes=["+note"])])
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    assert rows == [["'+note", "", ""], ["'=H", "", ""], ["'=cmd|' /C calc'!A0", "'@x", "-3"]]


def test_nul_characters_are_refused_before_they_reach_the_database(client, county_caseworker):
    auth = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    response = client.get("/api/households", {"q": "a\x00b"}, headers=auth)
    assert response.status_code == 400 and "控制字符" in response.json()["detail"]
    body = '{"residence_division_code": "210602002001", "address": "a\\u0000", "members": []}'
    response = client.post("/api/households", body, content_type="application/json", headers=auth)
    assert response.status_code == 400
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    assert client.get("/registry/households/", {"q": "\x00"}).status_code == 400
