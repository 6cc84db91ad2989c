"""名单导入: a 防止返贫监测对象 list is taken whole or not at all, with every row error in Chinese; the same file
again changes nothing; visit attachments and error reports stay in their region."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.monitoring.models import LibraryCategory, LibraryPerson, ListImport, RiskWarning
from minzheng.monitoring.services import lifecycle, risk_rules, runs
from minzheng.monitoring.services.list_import import COLUMNS, import_list
from tests.core.factories import PASSWORD, make_user, valid_id

from .helpers import deliver

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _xlsx(rows) -> bytes:
    return write_workbook([Sheet("名单", COLUMNS, rows, notes=["填写说明：……"])])


def _rows(n=2):
    return [[f"李{i}", valid_id("210602"), "FP0001", "210602003001", "2025-03-01"] for i in range(n)]


def test_bad_rows_reject_the_whole_list_with_row_and_column(county_caseworker):
    rows = [
        *_rows(1),
        ["", "210602198001011234", "FP0002", "210603001001", "2025/13/01"],
        ["王五", valid_id("210602"), "", "2106020030", "2025-03-01"],
    ]
    batch = import_list(
        county_caseworker,
        data=_xlsx(rows),
        file_name="返贫.xlsx",
        category="fangpin",
        source_department="乡村振兴局",
    )
    assert batch.status == ListImport.REJECTED
    found = {(e["row"], e["column"]) for e in batch.errors}
    assert {(4, "姓名"), (4, "公民身份号码"), (4, "居住地区划代码"), (4, "纳入日期"), (5, "户编号"),
            (5, "居住地区划代码")} <= found  # fmt: skip
    assert any("不在您的管辖范围内" in e["message"] for e in batch.errors)
    assert not LibraryPerson.objects.exists()


def test_a_good_list_enters_the_library_once_and_a_csv_in_gbk_is_read(county_caseworker):
    rows = _rows(2)
    workbook = _xlsx(
        rows
    )  # one file uploaded twice (two writes differ in their creation time when a second ticks)
    batch = import_list(
        county_caseworker,
        data=workbook,
        file_name="返贫.xlsx",
        category="fangpin",
        source_department="乡村振兴局",
    )
    assert (batch.status, batch.rows_total, batch.rows_added) == ("accepted", 2, 2)
    again = import_list(
        county_caseworker,
        data=workbook,
        file_name="返贫.xlsx",
        category="fangpin",
        source_department="乡村振兴局",
    )
    assert again.pk == batch.pk
    text = ",".join(COLUMNS) + "\n" + "\n".join(",".join(r) for r in [*rows, *_rows(1)])
    csv_batch = import_list(
        county_caseworker, data=text.encode("gb18030"), file_name="名单.csv", category="fangpin",
        source_department="乡村振兴局",
    )  # fmt: skip
    assert (csv_batch.status, csv_batch.rows_total, csv_batch.rows_added) == ("accepted", 3, 1)
    assert LibraryCategory.objects.filter(category="fangpin", valid_to__isnull=True).count() == 3
    people = LibraryPerson.objects.all()
    assert {p.household_key for p in people} == {"I乡村振兴局:FP0001"}


def test_imported_households_are_monitored_and_error_reports_and_attachments_are_404_elsewhere(
    client, settings, tmp_path, county_caseworker, outsider, divisions
):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    load_assistance_policy()
    risk_rules.seed_default_rules()
    rows = _rows(1)
    import_list(
        county_caseworker,
        data=_xlsx(rows),
        file_name="a.xlsx",
        category="fangpin",
        source_department="乡村振兴局",
    )
    rejected = import_list(
        county_caseworker, data=_xlsx([["x", "1", "", "", ""]]), file_name="b.xlsx", category="fangpin",
        source_department="乡村振兴局",
    )  # fmt: skip
    day = TODAY - dt.timedelta(days=1)
    deliver("deaths", [{"id_number": rows[0][1], "death_date": day}], day, tmp_path)
    approver = make_user("approver", "210600000000", username="dd_sp")
    runs.run_day(approver, until=TODAY)
    warning = RiskWarning.objects.get()
    assert warning.household_id is None and warning.assigned_division_code == "210602003000"
    photo = SimpleUploadedFile("入户照片.jpg", b"\xff\xd8\xff fake jpeg", content_type="image/jpeg")
    visit = lifecycle.record_visit(
        county_caseworker, warning, visited_on=TODAY, findings="入户核实：户主去世属实", files=[photo]
    )
    attachment = visit.attachments.get()

    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    assert client.get(f"/monitoring/attachments/{attachment.pk}/").status_code == 200
    assert client.get(f"/monitoring/library/import/{rejected.pk}/errors.xlsx").status_code == 200
    client.logout()
    client.post("/login/", {"username": outsider.username, "password": PASSWORD})
    assert client.get(f"/monitoring/attachments/{attachment.pk}/").status_code == 404
    assert client.get(f"/monitoring/library/import/{rejected.pk}/errors.xlsx").status_code == 404


def test_existence_oracle_a_person_in_another_regions_library_gets_the_neutral_answer(
    county_caseworker, outsider
):
    """Issue 14, item 10: a list must not move another region's person into one's own library, nor tell
    which categories they hold — the same neutral answer as the registry gives."""
    rows = _rows(1)
    import_list(
        county_caseworker,
        data=_xlsx(rows),
        file_name="a.xlsx",
        category="fangpin",
        source_department="乡村振兴局",
    )
    theirs = [["某某", rows[0][1], "FP9", "210603001001", "2025-03-01"]]
    batch = import_list(
        outsider, data=_xlsx(theirs), file_name="b.xlsx", category="dibao_edge", source_department="民政局"
    )
    assert batch.status == ListImport.REJECTED
    assert batch.errors == [
        {
            "row": 3,
            "column": "公民身份号码",
            "message": "该公民身份号码无法在本辖区登记，请联系上级民政部门核实",
        }
    ]
    assert LibraryPerson.objects.get(id_number=rows[0][1]).division_code == "210602003001"
