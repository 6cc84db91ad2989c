"""The indicator, entry, rule and 民政报表 pages render for the roles that use them, and their forms work."""

from decimal import Decimal

import pytest

from minzheng.planning import services
from minzheng.planning.models import EnteredValue, EntryStatus, IndicatorDefinition, StatForm, StatusRule
from tests.core.factories import make_user

from .conftest import row_of

pytestmark = pytest.mark.django_db


def test_every_page_renders_for_a_city_leader(monitored_plans, login, city_leader):
    services.load_stat_forms()
    dandong = monitored_plans["丹东市"]
    row = row_of(dandong, "养老机构护理型床位占比")
    definition = row.binding.definition
    # Leaders read 民政报表 (read-only): a caseworker compiles the report they open.
    clerk = make_user("caseworker", "210600000000")
    report = services.generate_report(clerk, "quarter", "210602000000", "2024Q1")
    client = login(city_leader)
    pages = {
        "/planning/indicators/?q=nursing_bed": "planning.nursing_bed_ratio",
        "/planning/indicators/new/": "新增指标定义",
        f"/planning/indicators/{definition.pk}/": "护理型床位数",
        f"/planning/plan-indicators/{row.pk}/binding/": "≥",
        "/planning/entries/": "指标填报",
        "/planning/entries/new/": "提交审核",
        "/planning/status-rules/": "平台缺省规则",
        "/planning/statforms/": "民政统计季报表",
        f"/planning/statforms/{StatForm.objects.get(code='JZH01表').pk}/rows/": "planning.townships_town",
        f"/planning/statforms/reports/{report.pk}/": "JZH011212112",
        f"/planning/projects/{dandong.projects.first().pk}/progress/": "报告进展",
        f"/planning/tasks/{dandong.tasks.first().pk}/": "任务进展",
        f"/planning/plans/{dandong.pk}/?tab=indicators": "规划驾驶舱",
    }
    for url, expected in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert expected in response.content.decode(), url


def test_entry_form_submits_and_a_second_person_approves(monitored_plans, login, county_caseworker):
    client = login(county_caseworker)
    beds = IndicatorDefinition.objects.get(code="planning.nursing_bed_ratio")
    response = client.post("/planning/entries/new/", {"definition": beds.pk, "division": "", "period": "2023",
                                                       "numerator": "30", "denominator": "50"})  # fmt: skip
    entry = EnteredValue.objects.get()
    assert response.status_code == 302 and entry.value == 60 and entry.division_code == "210602000000"
    assert "审核通过" not in client.get(f"/planning/entries/{entry.pk}/").content.decode()
    client.logout()
    reviewer = login(make_user("reviewer", "210600000000"))
    reviewer.post(f"/planning/entries/{entry.pk}/", {"decision": "approve"})
    entry.refresh_from_db()
    assert entry.status == EntryStatus.APPROVED


def test_a_bad_number_on_the_entry_form_names_the_field(monitored_plans, login, county_caseworker):
    outlets = IndicatorDefinition.objects.get(code="planning.lottery_outlets")
    body = (
        login(county_caseworker)
        .post(
            "/planning/entries/new/",
            {"definition": outlets.pk, "period": "2023", "value": "十二"},
            follow=True,
        )
        .content.decode()
    )
    assert "“数值”应为数字" in body and not EnteredValue.objects.exists()


def test_a_leader_adds_a_status_rule_version(monitored_plans, login, city_leader):
    login(city_leader).post("/planning/status-rules/", {
        "division": "210600000000", "effective_from": "2024-01-01", "normal_ratio": "0.95", "lagging_ratio": "0.7",
        "use_projection": "1", "note": "市局从严",
    })  # fmt: skip
    rule = StatusRule.objects.get(division_code="210600000000")
    assert (rule.normal_ratio, rule.binding_escalates) == (Decimal("0.95"), False)


def test_a_statform_row_is_bound_to_a_source_on_the_page(monitored_plans, login, city_leader):
    services.load_stat_forms()
    form = StatForm.objects.get(code="JBZ")
    row = form.rows.get(label="1.孤儿")
    login(city_leader).post(
        f"/planning/statforms/{form.pk}/rows/",
        {"row": row.pk, "source_code": "planning.townships_town", "scale": "1"},
    )
    row.refresh_from_db()
    assert row.binding.source_code == "planning.townships_town"


def test_entries_export_to_xlsx_within_the_jurisdiction(monitored_plans, login, county_caseworker, outsider):
    import io

    from python_calamine import CalamineWorkbook

    outlets = IndicatorDefinition.objects.get(code="planning.lottery_outlets")
    services.submit_entry(
        county_caseworker, outlets, division_code="210602000000", period_key="2023", value=Decimal(12)
    )
    client = login(county_caseworker)
    response = client.get("/planning/entries/", {"export": "xlsx"})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()
    assert rows[1][:7] == [
        "planning.lottery_outlets",
        "福利彩票销售网点数",
        "个",
        "210602000000",
        "元宝区",
        "2023",
        12,
    ]
    client.logout()
    other = login(outsider).get("/planning/entries/", {"export": "xlsx"})
    assert (
        len(CalamineWorkbook.from_filelike(io.BytesIO(other.content)).get_sheet_by_index(0).to_python()) == 1
    )
