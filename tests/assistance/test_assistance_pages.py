"""社会救助 policy pages and API: scoped like every other list, 404 outside, forms that explain in Chinese."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from minzheng.assistance.models import AssistanceStandard
from minzheng.core.services.accounts import issue_api_token
from minzheng.policy.models import HolidayCalendarDay
from tests.core.factories import PASSWORD, make_user

from .factories import add_standard, approver

COUNTY = "210602000000"


@pytest.fixture
def loaded(divisions):
    call_command("load_assistance_policy", verbosity=0)


@pytest.fixture
def county_standard(loaded):
    """元宝区's own urban 低保标准 from 2023-07-01 (above 丹东市's 663)."""
    return add_standard(COUNTY, date(2023, 7, 1), "700")


def login(client, user):
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def test_the_standards_list_shows_history_and_derived_standards(client, county_caseworker, county_standard):
    body = login(client, county_caseworker).get("/assistance/standards/").content.decode()
    assert "丹东市" in body and "¥663.00" in body and "¥500.00" in body  # current and past versions
    assert "¥5,052.00" in body and "¥421.00" in body  # rural yearly figure and its monthly equivalent
    assert "¥1,050.00" in body and "¥910.00" in body  # 元宝区 700: 1.5× and 1.3×
    assert "平均标准（参考）" in body  # 辽宁 average, an ancestor's figure


def test_the_standards_list_query_count_does_not_grow_with_rows(
    client, county_caseworker, loaded, django_assert_max_num_queries
):
    for year in range(2021, 2026):
        add_standard(COUNTY, date(year, 1, 1), str(700 + year - 2021))
    login(client, county_caseworker)
    # + 4 constant queries for the 标准已超过一年未调整 warning (current standards, policy book, names).
    with django_assert_max_num_queries(18):
        assert client.get("/assistance/standards/").status_code == 200


def test_another_provinces_user_sees_nothing_of_liaoning(client, county_standard):
    jilin = make_user("caseworker", "220102000000", username="jl_jb")
    login(client, jilin)
    for url in ["/assistance/standards/", "/policy/parameters/", "/assistance/programs/"]:
        body = client.get(url).content.decode()
        assert "丹东" not in body and "辽宁" not in body and "663" not in body, url
    assert client.get(f"/assistance/standards/{county_standard.pk}/").status_code == 404


def test_outsider_gets_404_on_another_countys_standard_but_sees_the_citys(client, outsider, county_standard):
    login(client, outsider)
    assert client.get(f"/assistance/standards/{county_standard.pk}/").status_code == 404
    assert "¥700.00" not in client.get("/assistance/standards/").content.decode()
    city = AssistanceStandard.objects.get(division_code="210600000000", area="urban", valid_to__isnull=True)
    detail = client.get(f"/assistance/standards/{city.pk}/").content.decode()
    assert "历史版本" in detail and "¥663.00" in detail and "¥994.50" in detail


def test_the_parameters_and_programs_pages_list_the_shipped_policy(client, county_caseworker, loaded):
    login(client, county_caseworker)
    parameters = client.get("/policy/parameters/", {"name": "dibao_edge_multiplier"}).content.decode()
    assert "低保边缘认定标准倍数" in parameters and "1.5" in parameters and "全国" in parameters
    programs = client.get("/assistance/programs/").content.decode()
    assert "特困人员救助供养（分散供养）" in programs and "基本生活标准＋照料护理标准" in programs


def test_a_bad_amount_gives_a_chinese_field_error_and_writes_nothing(client, loaded):
    login(client, approver())
    before = AssistanceStandard.objects.count()
    form = {
        "kind": "dibao",
        "area": "urban",
        "division_code": COUNTY,
        "effective_from": "2025-01-01",
        "period": "month",
    }
    for amount, message in [
        ("-5", "金额须大于0"),
        ("abc", "请输入有效金额"),
        ("700.123", "金额最多两位小数"),
    ]:
        response = client.post("/assistance/standards/new/", {**form, "amount": amount})
        assert response.status_code == 200 and message in response.content.decode(), amount
    response = client.post(
        "/assistance/standards/new/", {**form, "amount": "700", "effective_from": "2025-13-01"}
    )
    assert "请输入有效日期" in response.content.decode()
    assert AssistanceStandard.objects.count() == before


def test_a_standard_for_a_division_outside_the_jurisdiction_is_refused_on_the_form(client, loaded):
    login(client, approver())
    response = client.post(
        "/assistance/standards/new/",
        {"kind": "dibao", "area": "urban", "division_code": "210603000000", "effective_from": "2025-01-01",
         "amount": "800", "period": "month"},
    )  # fmt: skip
    assert "只能为本辖区及下级区划设置标准和参数" in response.content.decode()
    assert not AssistanceStandard.objects.filter(division_code="210603000000").exists()


def test_an_approver_adds_a_standard_version(client, loaded):
    login(client, approver())
    response = client.post(
        "/assistance/standards/new/",
        {"kind": "dibao", "area": "urban", "division_code": COUNTY, "effective_from": "2025-01-01",
         "amount": "760.50", "period": "month", "source_note": "元宝区民政局 2024 年提标通知"},
    )  # fmt: skip
    created = AssistanceStandard.objects.get(division_code=COUNTY)
    assert response.status_code == 302 and created.amount == Decimal("760.50")


def test_caseworkers_cannot_open_the_policy_forms(client, county_caseworker, loaded):
    login(client, county_caseworker)
    for url in ["/assistance/standards/new/", "/policy/parameters/new/"]:
        response = client.get(url)
        assert response.status_code == 403 and "只有审批人或系统管理员" in response.content.decode()
    assert "新增标准版本" not in client.get("/assistance/standards/").content.decode()


def test_an_approver_sets_a_parameter_and_a_bad_value_is_explained(client, loaded):
    login(client, approver())
    bad = client.post(
        "/policy/parameters/new/",
        {
            "name": "gradual_exit_months",
            "division_code": COUNTY,
            "effective_from": "2025-01-01",
            "value": "2.5",
        },
    )
    assert "渐退期须为整数" in bad.content.decode()
    good = client.post(
        "/policy/parameters/new/",
        {
            "name": "gradual_exit_months",
            "division_code": COUNTY,
            "effective_from": "2025-01-01",
            "value": "3",
        },
    )
    assert good.status_code == 302


def test_the_holiday_calendar_page_lists_a_year_and_takes_a_new_day(client, sysadmin, loaded):
    login(client, sysadmin)
    body = client.get("/policy/holidays/", {"year": 2024}).content.decode()
    assert "2024-02-12" in body and "春节" in body and "调休上班" in body
    wrong = client.post("/policy/holidays/new/", {"day": "2027-01-04", "kind": "makeup_workday"})
    assert "调休上班日应为周六或周日" in wrong.content.decode()
    response = client.post("/policy/holidays/new/", {"day": "2027-01-01", "kind": "holiday", "note": "元旦"})
    assert response.status_code == 302 and HolidayCalendarDay.objects.filter(day=date(2027, 1, 1)).exists()


def _api(client, user, path, **params):
    return client.get(path, params, headers={"Authorization": f"Bearer {issue_api_token(user)}"})


def test_api_standards_in_force_with_derived(client, county_caseworker, county_standard):
    body = _api(client, county_caseworker, "/api/assistance/standards", on="2024-01-01").json()
    assert body["division_code"] == COUNTY
    urban = next(d for d in body["derived"] if d["area"] == "urban")
    assert (Decimal(urban["dibao_standard"]), Decimal(urban["dibao_edge_line"])) == (
        Decimal("700"),
        Decimal("1050"),
    )
    kinds = {(s["kind"], s["area"]) for s in body["standards"]}
    assert {
        ("dibao", "urban"),
        ("dibao", "rural"),
        ("dibao_edge", "urban"),
        ("orphan_centralised", "all"),
    } <= kinds
    before = _api(client, county_caseworker, "/api/assistance/standards", on="2023-06-30").json()
    assert Decimal(next(d for d in before["derived"] if d["area"] == "urban")["dibao_standard"]) == Decimal(
        "663"
    )


def test_api_answers_404_for_a_division_outside_and_lists_parameters(client, outsider, county_standard):
    assert _api(client, outsider, "/api/assistance/standards", division=COUNTY).status_code == 404
    assert _api(client, outsider, "/api/assistance/parameters", division=COUNTY).status_code == 404
    jilin = make_user("caseworker", "220102000000", username="jl_jb")
    assert _api(client, jilin, "/api/assistance/standards", division="210600000000").status_code == 404
    city = _api(client, outsider, "/api/assistance/standards", division="210600000000").json()
    assert Decimal(city["standards"][0]["amount"]) == Decimal("663")
    parameters = _api(client, outsider, "/api/assistance/parameters").json()
    assert {p["name"]: Decimal(p["value"]) for p in parameters if p["value"]}["tekun_minor_entry_age"] == 18


def test_api_query_count_is_pinned(client, county_caseworker, loaded, django_assert_max_num_queries):
    token = issue_api_token(county_caseworker)
    with django_assert_max_num_queries(8):
        response = client.get("/api/assistance/standards", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_the_parameters_list_query_count_is_pinned(
    client, county_caseworker, loaded, django_assert_max_num_queries
):
    login(client, county_caseworker)
    with django_assert_max_num_queries(12):
        assert client.get("/policy/parameters/").status_code == 200
