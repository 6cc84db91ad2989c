"""民政报表: the forms as versioned data, generation for a division and period (computed rows from their
bound sources, sums, entries), 上期 and 环比 as the forms compute them, history, and the .xlsx layout."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from minzheng.core.errors import PermissionDenied
from minzheng.core.indicator_sources import IndicatorSource, IndicatorValue, collect_indicator_sources
from minzheng.core.models import Division
from minzheng.planning import services
from minzheng.planning.errors import InvalidStatReport
from minzheng.planning.models import StatForm, StatReport
from minzheng.planning.statform_selectors import report_lines
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db
YUANBAO = "210602000000"


@pytest.fixture
def forms(divisions):
    services.load_stat_forms()
    Division.objects.create(code="210602100000", name="金山镇", level=4, parent_code=YUANBAO, source="test")
    return {form.code: form for form in StatForm.objects.all()}


@pytest.fixture
def clerk(divisions):
    return make_user("caseworker", YUANBAO)


def lines_by_label(report):
    return {line.row.label: line for line in report_lines(report)}


def test_forms_load_once_with_their_version_data(forms):
    assert services.load_stat_forms() == 0
    quarterly = forms["JZH01表"]
    assert (quarterly.approval_no, quarterly.period_type, quarterly.previous_label) == (
        "国统制[2023]83号",
        "quarter",
        "上季度",
    )
    row = quarterly.rows.get(code="JZH011212111")
    assert (row.label, row.unit, row.level, row.parent.label) == (
        "I 城市低保金",
        "万元",
        5,
        "A 城市低保累计支出",
    )
    assert forms["JBZ"].rows.filter(confirmed=False).exists()


def test_a_quarterly_report_counts_townships_and_sums_the_block(forms, clerk):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    assert report.form.code == "JZH01表"  # the version in force in 2024
    lines = lines_by_label(report)
    assert (lines["1.镇"].value, lines["6.街道"].value, lines["(一)乡级行政区划"].value) == (1, 2, 3)
    assert lines["6.街道"].origin == "computed" and lines["(一)乡级行政区划"].origin == "sum"
    assert lines["II 城市低保临时补贴"].entered and not lines["6.街道"].entered
    assert lines["I 城市低保金"].origin == "computed"  # from 社会救助 enrolments (assistance's source)


def test_the_version_in_force_is_chosen_by_period(forms, clerk):
    assert services.generate_report(clerk, "quarter", YUANBAO, "2023Q4").form.code == "JBZH0001表"


def test_previous_period_is_kept_and_ring_ratio_computed_as_the_form_does(forms, clerk):
    q1 = services.generate_report(clerk, "quarter", YUANBAO, "2024Q1")
    urban = q1.form.rows.get(code="JZH011212112")
    services.enter_values(clerk, q1, {urban.pk: Decimal("1000.04")})
    q2 = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    services.enter_values(clerk, q2, {q2.form.rows.get(code="JZH011212112").pk: Decimal("1234.56")})
    lines = lines_by_label(q2)
    line = lines["II 城市低保临时补贴"]
    assert (line.value_text, line.previous_text, line.ratio_text) == ("1,234.6", "1,000.0", "23.46")
    assert lines["A 城市低保累计支出"].value == Decimal("1234.56")  # A = I + II
    assert lines["6.街道"].ratio is None  # unchanged: printed blank


def test_the_previous_period_is_generated_when_missing(forms, clerk):
    services.generate_report(clerk, "month", YUANBAO, "2024M03")
    assert StatReport.objects.filter(division_code=YUANBAO, period="2024M02").exists()


def test_a_source_added_later_is_bound_by_data_and_fills_its_row(forms, clerk, monkeypatch):
    def persons(division_code, start, end):
        return IndicatorValue(Decimal(321), drilldown_url="/assistance/cases/?program=dibao_urban")

    offered = {
        **collect_indicator_sources(),
        "assistance.dibao_urban_persons": IndicatorSource("assistance.dibao_urban_persons", "城市低保人数", "人", "month", "在保人数", persons),
    }  # fmt: skip
    monkeypatch.setattr("minzheng.planning.figures.collect_indicator_sources", lambda: offered)
    report = services.generate_report(clerk, "month", YUANBAO, "2024M03")
    line = lines_by_label(report)["A 城市低保人数"]
    assert (line.value, line.origin, line.drilldown_url) == (
        321,
        "computed",
        "/assistance/cases/?program=dibao_urban",
    )


def test_entry_is_refused_for_computed_rows_negative_values_and_submitted_reports(forms, clerk):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    streets, spending = report.form.rows.get(label="6.街道"), report.form.rows.get(code="JZH011212112")
    with pytest.raises(InvalidStatReport):
        services.enter_values(clerk, report, {streets.pk: Decimal(5)})
    with pytest.raises(InvalidStatReport):
        services.enter_values(clerk, report, {spending.pk: Decimal(-1)})
    services.submit_report(make_user("reviewer", YUANBAO), report)
    with pytest.raises(InvalidStatReport):
        services.enter_values(clerk, report, {spending.pk: Decimal(1)})


def test_reports_stay_inside_the_jurisdiction(forms, clerk, login, outsider):
    with pytest.raises(PermissionDenied):
        services.generate_report(clerk, "quarter", "210603000000", "2024Q2")
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    assert login(outsider).get(f"/planning/statforms/reports/{report.pk}/").status_code == 404


def test_the_xlsx_follows_the_form_layout(forms, clerk, login):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    services.enter_values(clerk, report, {report.form.rows.get(code="JZH011212112").pk: Decimal("88.88")})
    response = login(clerk).get(f"/planning/statforms/reports/{report.pk}/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = list(sheet.iter_rows(values_only=True))
    flat = [str(c) for row in cells for c in row if c is not None]
    assert (
        cells[0][0] == "民政统计季报表"
        and "表    号：JZH01表" in flat
        and "批准文号：国统制[2023]83号" in flat
    )
    assert any("地区编码：210602000000    2024年6月" in c for c in flat)
    head = next(i for i, row in enumerate(cells) if row[0] == "指标名称")
    assert cells[head] == ("指标名称", "单位", "代码", "数量", "上季度", "环比")
    assert cells[head + 1] == ("甲", "乙", "丙", "1", "2", "3")
    spending = next(row for row in cells if row[2] == "JZH011212112")
    assert spending[0] == "\u3000" * 5 + "II 城市低保临时补贴" and spending[3] == pytest.approx(88.9)
    assert sheet.cell(row=cells.index(spending) + 1, column=4).number_format == "#,##0.0"


def test_parts_larger_than_their_row_block_submission(forms, clerk, login):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    rows = {row.label: row for row in report.form.rows.all()}
    services.enter_values(
        clerk, report, {rows["1.社会福利"].pk: Decimal(100), rows["(2)老年福利"].pk: Decimal(120)}
    )
    reviewer = make_user("reviewer", YUANBAO)
    client = login(reviewer)
    body = client.get(f"/planning/statforms/reports/{report.pk}/").content.decode()
    assert (
        "强制性审核：1.社会福利≥其中:(1)儿童福利＋(2)老年福利＋(3)残疾人福利（本行100.0，各项之和120.0）"
        in body
    )
    client.post(f"/planning/statforms/reports/{report.pk}/", {"action": "submit"})
    report.refresh_from_db()
    assert report.status == "draft"


def test_the_dibao_money_row_is_the_enrolments_entitlement_year_to_date(forms, clerk):
    from datetime import date

    from minzheng.assistance.services.cases import open_case
    from minzheng.assistance.services.enrolments import NewEnrolment, enrol_from_case
    from minzheng.assistance.services.seed import load_assistance_policy
    from tests.core.factories import HouseholdFactory

    load_assistance_policy()
    household = HouseholdFactory(village="210602002001", size=3)
    case = open_case(
        clerk, household_id=household.pk, program_code="dibao_urban", applied_on=date(2024, 1, 5)
    )
    terms = NewEnrolment(
        start_month=date(2024, 2, 1), monthly_amount=Decimal("1000"), persons=3, payee_id=household.head_id
    )
    enrol_from_case(clerk, case, terms)
    q2 = lines_by_label(services.generate_report(clerk, "quarter", YUANBAO, "2024Q2"))
    # 累计 (万元): February to June, five months of 1,000 元 = 0.5 万元; the 累计支出 row sums its parts.
    assert q2["I 城市低保金"].value == Decimal("0.5") and q2["I 城市低保金"].origin == "computed"
    assert q2["A 城市低保累计支出"].value == Decimal("0.5")


def test_bindings_shipped_later_reach_an_installed_form_but_never_override_an_administrator(forms, divisions):
    from minzheng.planning.models import StatRowBinding
    from minzheng.planning.statform_seed import ROW_BINDINGS

    code, label, source_code, _ = ROW_BINDINGS[0]
    row = forms[code].rows.filter(label=label).order_by("order").first()
    StatRowBinding.objects.filter(row=row).delete()  # as on an install made before this binding shipped
    assert services.load_stat_forms() == 0
    row.refresh_from_db()
    assert row.binding.source_code == source_code

    admin = make_user("sysadmin", "210600000000")
    services.bind_row(admin, row, source_code="", scale=Decimal(1), note="本地手工填报")
    services.load_stat_forms()
    assert not StatRowBinding.objects.filter(row=row).exists()
