"""名单核对: a caseworker uploads a list of households (户编号 or 户主公民身份号码); every row is checked in the
jurisdiction, a list with any error starts nothing and explains each row, a clean list verifies exactly its
households and the run records the list as its source."""

import io

import pytest
from python_calamine import CalamineWorkbook

from minzheng.core.identity import mask_id_number
from minzheng.core.models import AuditEvent
from minzheng.core.services.accounts import issue_api_token
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.verification.models import HouseholdList, VerificationRun
from minzheng.verification.services import lists
from tests.core.factories import PASSWORD, HouseholdFactory, valid_id
from tests.verification.world import REQUEST_DATE, deliver_world


def xlsx(rows: list[list[str]], headers=("户编号", "户主公民身份号码")) -> bytes:
    return write_workbook([Sheet("核对名单", headers, rows, text_columns=(0, 1))])


def upload(user, data: bytes, name: str = "名单.xlsx", **kwargs):
    return lists.verify_list(
        user, data=data, file_name=name, program=kwargs.get("program", "dibao"), on=REQUEST_DATE
    )


@pytest.fixture
def neighbours(household):
    """Two more households in 元宝区 and one in 振兴区 (another county)."""
    return (
        HouseholdFactory(village="210602003001", size=2),
        HouseholdFactory(village="210602003001", size=1),
        HouseholdFactory(village="210603001001", size=2),
    )


def test_a_clean_list_verifies_exactly_its_households_and_records_its_source(
    county_caseworker, household, neighbours, admin, members, django_capture_on_commit_callbacks
):
    deliver_world(admin, members)
    listed = neighbours[0]
    data = xlsx([[household.number, ""], ["", listed.head.id_number]])
    with django_capture_on_commit_callbacks(execute=True):
        outcome = upload(county_caseworker, data)
    assert outcome.ok
    run = VerificationRun.objects.get(pk=outcome.run.pk)
    assert (run.kind, run.status, run.total, run.done) == ("list", "done", 2, 2)
    assert run.household_list == outcome.household_list
    assert outcome.household_list.households == [household.pk, listed.pk]
    assert sorted(run.results.values_list("household_id", flat=True)) == sorted([household.pk, listed.pk])
    # both households are in 元宝区, so the run belongs to the county (its city sees it too)
    assert run.division_code == "210602000000"
    assert AuditEvent.objects.filter(object_type="verification_household_list", action="import").exists()


def test_the_same_list_again_with_nothing_changed_returns_the_same_run(
    county_caseworker, household, admin, members, django_capture_on_commit_callbacks
):
    deliver_world(admin, members)
    with django_capture_on_commit_callbacks(execute=True):
        first = upload(county_caseworker, xlsx([[household.number, ""]]))
    second = upload(county_caseworker, xlsx([[household.number, ""]]))
    assert second.run.pk == first.run.pk
    assert VerificationRun.objects.count() == 1


def test_every_bad_row_is_reported_in_chinese_and_nothing_starts(
    county_caseworker, household, neighbours, django_capture_on_commit_callbacks
):
    mine, other_mine, theirs = neighbours
    bad_checksum = household.head.id_number[:17] + ("1" if household.head.id_number[17] != "1" else "2")
    rows = [
        [household.number, ""],  # row 2: fine
        ["210602999999999", ""],  # row 3: unknown number
        [theirs.number, ""],  # row 4: another county
        ["", bad_checksum],  # row 5: check character wrong
        ["", household.head.id_number],  # row 6: the same household as row 2
        [mine.number, other_mine.head.id_number],  # row 7: two different households
        ["", valid_id("210602")],  # row 8: no such head (a valid number nobody has: fixed sequences collide)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        outcome = upload(county_caseworker, xlsx(rows))
    assert not outcome.ok
    assert not VerificationRun.objects.exists()
    errors = {e["row"]: e["message"] for e in outcome.household_list.errors}
    assert set(errors) == {3, 4, 5, 6, 7, 8}
    assert errors[3] == "本辖区未找到户编号为 210602999999999 的家庭"
    assert errors[4] == f"本辖区未找到户编号为 {theirs.number} 的家庭"  # another county's: as if missing
    assert "校验码错误" in errors[5]
    assert errors[6] == "与第2行为同一家庭（重复）"
    assert "不属于同一家庭" in errors[7]
    assert "未找到户主公民身份号码" in errors[8] and "*" in errors[8]  # the number is masked
    assert outcome.household_list.status == HouseholdList.REJECTED


def test_a_file_without_the_columns_or_rows_is_refused_as_a_whole(county_caseworker, household):
    outcome = upload(county_caseworker, xlsx([["x"]], headers=("姓名",)))
    assert not outcome.ok
    assert "未找到表头" in outcome.household_list.errors[0]["message"]
    assert "空文件" in upload(county_caseworker, b"", "a.csv").household_list.errors[0]["message"]
    assert "没有数据行" in upload(county_caseworker, xlsx([])).household_list.errors[0]["message"]


def test_a_csv_saved_by_chinese_excel_is_read(
    county_caseworker, household, admin, members, django_capture_on_commit_callbacks
):
    deliver_world(admin, members)
    data = f"户主身份证号,备注\r\n{household.head.id_number},低保年审\r\n".encode("gbk")
    with django_capture_on_commit_callbacks(execute=True):
        outcome = upload(county_caseworker, data, "名单.csv")
    assert outcome.ok and outcome.household_list.households == [household.pk]


def test_dissolved_households_are_refused(county_caseworker, household):
    household.dissolved_on = REQUEST_DATE
    household.save()
    outcome = upload(county_caseworker, xlsx([[household.number, ""]]))
    assert outcome.household_list.errors[0]["message"] == "该家庭已销户，无需核对"


def test_pages_upload_show_errors_and_offer_the_report(
    client,
    county_caseworker,
    outsider,
    household,
    neighbours,
    admin,
    members,
    django_capture_on_commit_callbacks,
):
    deliver_world(admin, members)
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    assert client.get("/verification/lists/template.xlsx").status_code == 200
    bad = io.BytesIO(xlsx([[neighbours[2].number, ""]]))
    bad.name = "名单.xlsx"
    response = client.post(
        "/verification/lists/", {"file": bad, "program": "dibao", "request_date": "2026-07-15"}
    )
    rejected = HouseholdList.objects.get()
    assert response.url == f"/verification/lists/{rejected.pk}/"
    message = f"本辖区未找到户编号为 {neighbours[2].number} 的家庭"
    assert message in client.get(response.url).content.decode()
    report = client.get(f"/verification/lists/{rejected.pk}/errors.xlsx")
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(report.content)).get_sheet_by_index(0).to_python()
    assert [2, "户编号", message] in [[int(r[0]) if r[0] else r[0], *r[1:]] for r in sheet[1:]]

    good = io.BytesIO(xlsx([[household.number, ""]]))
    good.name = "名单.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/verification/lists/", {"file": good, "program": "dibao", "request_date": "2026-07-15"}
        )
    run = VerificationRun.objects.get()
    assert response.url == f"/verification/runs/{run.pk}/"
    assert "名单.xlsx" in client.get(response.url).content.decode()

    client.post("/logout/")
    client.post("/login/", {"username": outsider.username, "password": PASSWORD})
    assert client.get(f"/verification/lists/{rejected.pk}/").status_code == 404
    assert client.get(f"/verification/lists/{rejected.pk}/errors.xlsx").status_code == 404
    assert client.get(f"/verification/runs/{run.pk}/").status_code == 404


def test_the_api_takes_a_list_and_answers_422_with_the_row_errors(
    client,
    county_caseworker,
    outsider,
    household,
    neighbours,
    admin,
    members,
    django_capture_on_commit_callbacks,
):
    deliver_world(admin, members)
    headers = {"Authorization": f"Bearer {issue_api_token(county_caseworker)}"}
    bad = io.BytesIO(xlsx([[household.number, ""], ["210602999999999", ""]]))
    bad.name = "list.xlsx"
    response = client.post(
        "/api/verification/lists", {"file": bad, "request_date": "2026-07-15"}, headers=headers
    )
    assert response.status_code == 422
    body = response.json()
    assert body["title"] == "household_list_rejected"
    assert body["errors"] == [
        {"row": 3, "column": "户编号", "message": "本辖区未找到户编号为 210602999999999 的家庭"}
    ]
    list_id = HouseholdList.objects.get().pk
    assert client.get(f"/api/verification/lists/{list_id}/errors.xlsx", headers=headers).status_code == 200

    good = io.BytesIO(xlsx([[household.number, ""]]))
    good.name = "list.xlsx"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/verification/lists",
            {"file": good, "request_date": "2026-07-15", "program": "dibao_edge"},
            headers=headers,
        )
    assert response.status_code == 201, response.content
    created = response.json()
    run = client.get(f"/api/verification/runs/{created['run_id']}", headers=headers).json()
    assert (run["kind"], run["program"], run["status"], run["done"]) == ("list", "dibao_edge", "done", 1)
    assert run["household_list_id"] == created["list_id"]

    outsider_headers = {"Authorization": f"Bearer {issue_api_token(outsider)}"}
    assert (
        client.get(f"/api/verification/runs/{created['run_id']}", headers=outsider_headers).status_code == 404
    )
    assert (
        client.get(f"/api/verification/lists/{list_id}/errors.xlsx", headers=outsider_headers).status_code
        == 404
    )


def test_existence_oracle_another_regions_household_answers_like_a_missing_one(
    county_caseworker, household, neighbours
):
    """Issue 14, item 10: the list upload must not tell another region's household from a missing one."""
    theirs = neighbours[2]
    missing_head = valid_id("210603")  # a valid number nobody has

    def answer(number, head_id):
        outcome = upload(county_caseworker, xlsx([[number, head_id]]))
        message = outcome.household_list.errors[0]["message"]
        return message.replace(number, "N") if number else message.replace(mask_id_number(head_id), "H")

    assert answer(theirs.number, "") == answer("210603001999999", "")
    assert answer("", theirs.head.id_number) == answer("", missing_head)
