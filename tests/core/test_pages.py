"""What a caseworker sees: dashboard, lists with masked IDs, exports, the import page, 建设中 entries."""

import io
from datetime import date

import pytest
from python_calamine import CalamineWorkbook

from minzheng.core.identity import make_resident_id
from minzheng.core.models import Household
from minzheng.core.roster_format import ROSTER_COLUMNS
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.web.navigation import NAVIGATION

from .factories import PASSWORD, HouseholdFactory


@pytest.fixture
def caseworker_client(client, county_caseworker):
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    return client


def sheet_rows(content: bytes) -> list[list]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()


def test_dashboard_counts_the_users_division_only(caseworker_client, household):
    HouseholdFactory(village="210603001001", size=2)  # another county
    body = caseworker_client.get("/").content.decode()
    assert 'data-testid="households">1<' in body and 'data-testid="persons">3<' in body
    assert "七道街道" in body and "永昌街道" not in body


def test_household_list_masks_id_numbers(caseworker_client, household):
    body = caseworker_client.get("/registry/households/").content.decode()
    head = household.head.id_number
    assert head not in body and f"{head[:6]}********{head[-4:]}" in body
    assert "共 1 条" in body


def test_household_list_query_count_does_not_grow_with_rows(
    caseworker_client, household, django_assert_max_num_queries
):
    for _ in range(15):
        HouseholdFactory(village="210602003001", size=2)
    with django_assert_max_num_queries(12):
        caseworker_client.get("/registry/households/")


def test_person_list_query_count_is_bounded(caseworker_client, household, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        caseworker_client.get("/registry/persons/")


def test_search_by_full_id_number_finds_the_household(caseworker_client, household):
    HouseholdFactory(village="210602003001", size=1)
    body = caseworker_client.get("/registry/households/", {"q": household.head.id_number}).content.decode()
    assert household.number in body and "共 1 条" in body


def test_export_is_masked_scoped_and_audited(caseworker_client, household):
    response = caseworker_client.get("/registry/persons/", {"export": "xlsx"})
    rows = sheet_rows(response.content)
    assert rows[0][:2] == ["姓名", "公民身份号码"] and len(rows) == 4
    assert all("********" in r[1] for r in rows[1:])
    from minzheng.core.models import AuditEvent

    assert AuditEvent.objects.filter(action="export", object_type="person").exists()


def test_template_download_has_every_column_and_a_valid_example(caseworker_client):
    rows = sheet_rows(caseworker_client.get("/registry/import/template.xlsx").content)
    assert [h.rstrip("*") for h in rows[0]] == [c.header for c in ROSTER_COLUMNS]
    assert len(rows) == 3


def test_uploading_a_bad_file_offers_an_error_report(caseworker_client, divisions):
    bad = make_resident_id("210602", date(1980, 1, 1), 11)[:-1] + "0"
    good_head = make_resident_id("210602", date(1980, 1, 1), 13)
    rows = [
        [good_head, "户主", "某甲", good_head, "", "", "", "210602002001"],
        [good_head, "子", "某乙", bad],
    ]
    data = write_workbook([Sheet("s", [c.header for c in ROSTER_COLUMNS[:8]], rows)])
    response = caseworker_client.post("/registry/import/", {"file": io_file(data)}, follow=True)
    body = response.content.decode()
    assert "导入未通过校验" in body and "校验码错误" in body and Household.objects.count() == 0
    batch_id = response.redirect_chain[-1][0].split("batch=")[1]
    report = sheet_rows(caseworker_client.get(f"/registry/import/{batch_id}/errors.xlsx").content)
    assert (report[0] == ["行号", "列", "错误说明"] and report[1][0] == 3.0) or report[1][0] == 3


def io_file(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "花名册.xlsx", data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


def test_every_sub_platform_is_in_the_navigation_and_unbuilt_ones_say_so(caseworker_client):
    labels = {item.label for group in NAVIGATION for item in group.items}
    for name in [
        "全市通办",
        "社会救助",
        "家庭经济状况核对",
        "养老服务",
        "殡葬管理",
        "社会组织",
        "区划地名",
        "婚姻登记",
        "基层治理",
        "资金项目监督",
        "民政报表",
        "儿童福利与未成年人保护",
        "残疾人两项补贴",
        "低收入人口动态监测",
        "数据中心",
        "规划监测",
    ]:
        assert name in labels, name
    body = caseworker_client.get("/").content.decode()
    assert "建设中" not in body  # every sub-platform is built (the placeholder page below stays for new ones)
    assert "建设中" in caseworker_client.get("/platform/marriage/").content.decode()
    assert caseworker_client.get("/platform/nonexistent/").status_code == 404


def test_static_assets_are_served_from_the_project(caseworker_client):
    body = caseworker_client.get("/").content.decode()
    assert "vendor/htmx/htmx.min.js" in body and "vendor/echarts/echarts.min.js" in body
    assert "http://" not in body.replace("http://www.w3.org", "") and "https://" not in body


def test_caseworker_adds_a_household_on_the_page(caseworker_client, divisions):
    head = make_resident_id("210602", date(1981, 4, 4), 55)
    form = {
        "residence_division_code": "210602002001",
        "address": "锦山大街1号",
        "area_type": "urban",
        "established_on": "2026-11-01",
        "m0_name": "郑户主",
        "m0_id_number": head,
        "m0_relation": "01",
        "m1_name": "郑无证",
        "m1_without_id": "1",
        "m1_relation": "20",
        "m1_sex": "男",
        "m1_birth_date": "2010-01-01",
    }
    response = caseworker_client.post("/registry/households/new/", form, follow=True)
    body = response.content.decode()
    assert "已新增家庭" in body and "郑户主" in body and "LS2106" in body


def test_errors_on_the_add_form_point_to_the_row(caseworker_client, divisions):
    form = {
        "residence_division_code": "210602002001",
        "address": "x",
        "m0_name": "郑户主",
        "m0_id_number": "123",
        "m0_relation": "01",
    }
    body = caseworker_client.post("/registry/households/new/", form).content.decode()
    assert "公民身份号码应为18位" in body and Household.objects.count() == 0
