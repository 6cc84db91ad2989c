"""民政报表, issue 17: the whole form (二、社会工作, the monthly 特困人员救助供养支出 rows), the 上月 column, the
monthly edition of JZH01 and the 同比 layout, 表内审核 as data (stat-forms.md §7) run on the filled form, the
.xlsx page setup, leaders read-only, and the 2019 version — each through page → service → stored form → xlsx."""

import io
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from minzheng.core.models import Division
from minzheng.planning import services
from minzheng.planning.errors import InvalidStatReport
from minzheng.planning.models import StatForm, StatReport
from minzheng.planning.statform_rules import AT_LEAST, CHECK, EQUALS, ERROR, AuditRule, audit
from minzheng.planning.statform_seed import FORMS
from minzheng.planning.statform_selectors import report_findings, report_lines
from tests.core.factories import make_user

YUANBAO = "210602000000"
URL = "/planning/statforms/reports/{}/"


@pytest.fixture
def forms(divisions):
    services.load_stat_forms()
    Division.objects.create(code="210602100000", name="金山镇", level=4, parent_code=YUANBAO, source="test")
    return StatForm.objects.all()


@pytest.fixture
def clerk(divisions):
    return make_user("caseworker", YUANBAO)


@pytest.fixture
def reviewer(divisions):
    return make_user("reviewer", YUANBAO)


def by_label(report):
    return {line.row.label: line for line in report_lines(report)}


def rows_of(report):
    return {row.label: row for row in report.form.rows.all()}


def enter(clerk, report, **values):
    rows = rows_of(report)
    return services.enter_values(clerk, report, {rows[k].pk: Decimal(v) for k, v in values.items()})


# ---- Item 1: the whole form ----


def test_labels_are_unique_within_every_form_version():
    for seed in FORMS:
        labels = [row.label for row in seed.rows]
        assert len(labels) == len(set(labels)), seed.code


@pytest.mark.django_db
def test_the_quarterly_form_carries_the_social_work_section(forms):
    form = forms.get(code="JZH01表")
    labels = list(form.rows.order_by("order").values_list("label", flat=True))
    section = labels[labels.index("二、社会工作") :]
    assert section[:3] == ["二、社会工作", "(一)提供住宿的社会服务", "1.机构数"]
    assert len(section) >= 30
    orphans = form.rows.get(label="(2)孤儿")
    assert [c.label for c in orphans.children.order_by("order")] == ["A有身份信息的孤儿", "B无身份信息的孤儿"]
    assert orphans.sum_of_children and orphans.parent.label == "1.儿童福利"
    # No code is invented: the section's rows carry none and print as 未核实.
    assert (
        not form.rows.filter(order__gte=form.rows.get(label="二、社会工作").order).exclude(code="").exists()
    )


@pytest.mark.django_db
def test_the_monthly_form_has_the_tekun_expenditure_rows(forms):
    form = forms.get(code="JBZ")
    tekun = form.rows.get(label="(2)特困人员救助供养支出")
    assert tekun.parent.label == "2.社会救助" and tekun.sum_of_children
    assert [c.label for c in tekun.children.order_by("order")] == [
        "A 城市特困人员救助供养支出",
        "B 农村特困人员救助供养支出",
    ]
    assert tekun.code == "YZH011222000" and not tekun.confirmed  # the quarterly S2 code, not seen on a 月报


@pytest.mark.django_db
def test_an_installed_form_receives_rows_shipped_later_and_keeps_its_reports(forms, clerk, monkeypatch):
    form = forms.get(code="JZH01表")
    form.rows.filter(order__gte=form.rows.get(label="二、社会工作").order).delete()  # an install from before
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    enter(clerk, report, **{"II 城市低保临时补贴": "12.5"})
    kept = form.rows.get(label="II 城市低保临时补贴").pk
    assert services.load_stat_forms() == 0
    assert form.rows.filter(label="(3)成立收养关系登记").exists()
    assert form.rows.get(label="II 城市低保临时补贴").pk == kept
    assert by_label(report)["II 城市低保临时补贴"].value == Decimal("12.5")
    orders = list(form.rows.order_by("order").values_list("order", flat=True))
    assert orders == list(range(1, len(orders) + 1))


# ---- Item 3: 表内审核 ----


@given(
    left=st.decimals(min_value=0, max_value=10**6, places=1),
    parts=st.lists(st.decimals(min_value=0, max_value=10**6, places=1), min_size=1, max_size=5),
)
def test_audit_flags_a_total_exactly_when_it_differs_from_its_parts_section_7(left, parts):
    """stat-forms.md §7: (二)民政事业费累计支出 = 1 + 2 + 3 + 4 + 5; 社会福利 ≥ (1)+(2)+(3)."""
    names = tuple(f"p{k}" for k in range(len(parts)))
    values = {"total": left, **dict(zip(names, parts, strict=True))}
    equal = audit([AuditRule("total", EQUALS, names)], values, {"total": "万元"})
    at_least = audit([AuditRule("total", AT_LEAST, names)], values, {"total": "万元"})
    assert bool(equal) == (left != sum(parts))
    assert bool(at_least) == (left < sum(parts))


def test_audit_skips_a_relation_with_nothing_reported_and_names_the_check_kind():
    rule = AuditRule("A 城市低保人数", AT_LEAST, ("B 城市低保户数",), ERROR, "城市低保人数≥城市低保户数")
    assert audit([rule], {}, {}) == []
    (finding,) = audit(
        [rule], {"A 城市低保人数": Decimal(3), "B 城市低保户数": Decimal(5)}, {"A 城市低保人数": "人"}
    )
    assert (
        finding.blocking
        and finding.message == "强制性审核：城市低保人数≥城市低保户数（本行3，“B 城市低保户数”5）"
    )
    soft = AuditRule("2.床位数", AT_LEAST, ("3.收养救助人数",), CHECK)
    (finding,) = audit([soft], {"2.床位数": Decimal(1), "3.收养救助人数": Decimal(2)}, {})
    assert not finding.blocking and finding.message.startswith("核实性审核：")


@pytest.mark.django_db
def test_a_parent_row_is_never_blank_while_its_children_hold_money(forms, clerk, login):
    """Issue 17: “2.社会救助” stayed blank while its child row held 87.9 万元."""
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    enter(clerk, report, **{"(3)临时救助支出": "87.9"})
    lines = by_label(report)
    assert lines["2.社会救助"].value == Decimal("87.9") and lines["2.社会救助"].origin == "sum"
    assert lines["(二)民政事业费累计支出"].value >= Decimal("87.9")
    body = login(clerk).get(URL.format(report.pk)).content.decode()
    assert 'value="87.9"' in body and "下级行合计" in body
    # Once entered, the row is the reporter's, and the ≥ relation is checked against it.
    enter(clerk, report, **{"2.社会救助": "50"})
    assert by_label(report)["2.社会救助"].origin == "entered"
    messages = [f.message for f in report_findings(report, report_lines(report))]
    assert any(m.startswith("强制性审核：2.社会救助≥") for m in messages)


@pytest.mark.django_db
def test_a_failed_compulsory_check_blocks_submission_on_the_page(forms, clerk, reviewer, login):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    enter(clerk, report, **{"(1)养老机构床位数": "100"})  # beds without an institution
    client = login(reviewer)
    body = client.get(URL.format(report.pk)).content.decode()
    assert "强制性审核：有养老机构床位数时，养老机构数不能为空（“A、养老机构”为空）" in body
    assert "强制性审核未通过，修正后方可上报" in body
    response = client.post(
        URL.format(report.pk), {"action": "submit", "explanation": "已核实无误"}, follow=True
    )
    assert "表内审核未通过，不能上报" in response.content.decode()
    report.refresh_from_db()
    assert report.status == "draft"


@pytest.mark.django_db
def test_a_failed_plausibility_check_is_submitted_with_an_explanation_printed_under_the_form(
    forms, clerk, reviewer, login
):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    enter(clerk, report, **{"A、养老机构": "1", "(1)养老机构床位数": "100", "(1)养老机构服务人数": "104"})
    findings = report_findings(report, report_lines(report))
    assert [f.message for f in findings] == [
        "核实性审核：提供住宿的社会服务：床位数≥收养救助人数（本行100，“3.收养救助人数”104）"
    ]
    client = login(reviewer)
    response = client.post(URL.format(report.pk), {"action": "submit", "explanation": ""}, follow=True)
    assert "请在“审核说明”中说明原因" in response.content.decode()
    client.post(URL.format(report.pk), {"action": "submit", "explanation": "4名临时安置人员使用加床"})
    report.refresh_from_db()
    assert (report.status, report.explanation) == ("submitted", "4名临时安置人员使用加床")
    assert report.reported_on is not None and report.preparer  # 报出日期 and 填表人 set at 上报
    sheet = load_workbook(io.BytesIO(client.get(URL.format(report.pk), {"export": "xlsx"}).content)).active
    texts = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "审核说明：4名临时安置人员使用加床" in texts


# ---- Item 2: 上月, the monthly edition, 同比 ----


@pytest.mark.django_db
def test_a_2022_quarterly_report_prints_the_last_month_column(forms, clerk, login):
    q3 = services.generate_report(clerk, "quarter", YUANBAO, "2022Q3")
    assert q3.form.code == "JBZH0001表" and q3.form.last_month_column
    august = StatReport.objects.get(division_code=YUANBAO, period="2022M08")  # generated with it
    assert august.form == q3.form
    enter(clerk, august, **{"II 城市低保临时补贴": "10"})
    enter(clerk, q3, **{"II 城市低保临时补贴": "12"})
    line = by_label(q3)["II 城市低保临时补贴"]
    assert (line.text("value"), line.text("last_month")) == ("12.0", "10.0")
    body = login(clerk).get(URL.format(q3.pk)).content.decode()
    assert "<th>上季度</th><th>环比</th><th>上月</th>" in body
    sheet = load_workbook(io.BytesIO(login(clerk).get(URL.format(q3.pk), {"export": "xlsx"}).content)).active
    cells = list(sheet.iter_rows(values_only=True))
    head = next(i for i, row in enumerate(cells) if row[0] == "指标名称")
    assert cells[head][:7] == ("指标名称", "单位", "代码", "数量", "上季度", "环比", "上月")
    assert cells[head + 1][:7] == ("甲", "乙", "丙", "1", "2", "3", "4")
    row = next(r for r in cells if r[2] == "JZH011212112")
    assert row[3] == pytest.approx(12.0) and row[6] == pytest.approx(10.0)


@pytest.mark.django_db
def test_jzh01_filled_monthly_names_its_column_after_the_previous_month(forms, clerk, login):
    client = login(clerk)
    response = client.post(
        "/planning/statforms/", {"period_type": "quarter_month", "division": YUANBAO, "period": "2024M10"}
    )
    october = StatReport.objects.get(division_code=YUANBAO, period="2024M10")
    assert response.url == URL.format(october.pk) and october.form.code == "JZH01表"
    september = StatReport.objects.get(division_code=YUANBAO, period="2024M09", form__period_type="quarter")
    enter(clerk, september, **{"II 城市低保临时补贴": "40"})
    enter(clerk, october, **{"II 城市低保临时补贴": "50"})
    body = client.get(URL.format(october.pk)).content.decode()
    assert "<th>数量</th><th>九月份</th><th>环比</th>" in body
    line = by_label(october)["II 城市低保临时补贴"]
    assert (line.previous_text, line.ratio_text) == ("40.0", "25.00")
    # The 月报 JBZ of the same month is another series: its 上期 is not the quarterly form's.
    assert not StatReport.objects.filter(period="2024M10", form__code="JBZ").exists()


@pytest.mark.django_db
def test_the_year_on_year_layout_compares_with_the_same_period_a_year_before(forms, clerk, login):
    client = login(clerk)
    alone = services.generate_report(clerk, "quarter", YUANBAO, "2024Q3")
    assert "上年同期报表尚未编制" in client.get(URL.format(alone.pk), {"compare": "yoy"}).content.decode()
    before = services.generate_report(clerk, "quarter", YUANBAO, "2023Q2")  # the 2022 version (JBZH0001表)
    enter(clerk, before, **{"II 城市低保临时补贴": "80"})
    now = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")  # JZH01表: matched by 代码
    enter(clerk, now, **{"II 城市低保临时补贴": "100"})
    client = login(clerk)
    body = client.get(URL.format(now.pk), {"compare": "yoy"}).content.decode()
    assert "<th>数量</th><th>上年数据</th><th>同比</th>" in body
    sheet = load_workbook(
        io.BytesIO(client.get(URL.format(now.pk), {"export": "xlsx", "compare": "yoy"}).content)
    ).active
    cells = list(sheet.iter_rows(values_only=True))
    assert ("数量", "上年数据", "同比") in [row[3:6] for row in cells]
    row = next(r for r in cells if r[2] == "JZH011212112")
    assert row[3:6] == (pytest.approx(100.0), pytest.approx(80.0), pytest.approx(25.0))


# ---- Item 4: the .xlsx prints one page wide ----


@pytest.mark.django_db
def test_the_xlsx_prints_a4_landscape_one_page_wide_with_header_block_and_notes(forms, clerk, login):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    client = login(clerk)
    client.post(
        URL.format(report.pk),
        {"principal": "王局长", "preparer": "李统计", "reported_on": "2024-07-10"},
    )
    report.refresh_from_db()
    assert (report.principal, report.preparer, report.reported_on) == ("王局长", "李统计", date(2024, 7, 10))
    sheet = load_workbook(io.BytesIO(client.get(URL.format(report.pk), {"export": "xlsx"}).content)).active
    setup = sheet.page_setup
    assert (setup.orientation, str(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == (
        "landscape",
        "9",
        1,
        0,
    )
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    head = next(r for r in range(1, 20) if sheet.cell(row=r, column=1).value == "指标名称")
    assert sheet.print_title_rows == f"${head}:${head + 1}"  # the heads repeat on every printed page
    texts = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert any(t.startswith("填报单位：") and t.endswith("民政局") for t in texts)
    assert "单位负责人：王局长　　　填表人：李统计　　　报出日期：2024年7月10日" in texts
    assert "注：" in texts and any(t.startswith("2.环比＝（数量－上期）÷上期×100") for t in texts)
    assert any("（未核实）" in t for t in texts)


# ---- Item 5: leaders read-only ----


@pytest.mark.django_db
def test_a_leader_reads_the_forms_without_buttons_and_every_post_is_refused(forms, clerk, city_leader, login):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    client = login(city_leader)
    body = client.get(URL.format(report.pk)).content.decode()
    assert "JZH011212112" in body and "导出 Excel" in body
    assert "保存填报" not in body and 'value="submit"' not in body and 'name="row-' not in body
    assert 'id="generate"' not in client.get("/planning/statforms/").content.decode()
    row = rows_of(report)["II 城市低保临时补贴"]
    for data in ({f"row-{row.pk}": "5"}, {"action": "submit", "explanation": "说明说明"}):
        response = client.post(URL.format(report.pk), data)
        assert response.status_code == 403 and "领导只能查阅" in response.content.decode()
    generate = {"period_type": "quarter", "division": YUANBAO, "period": "2024Q3"}
    assert client.post("/planning/statforms/", generate).status_code == 403
    report.refresh_from_db()
    assert report.status == "draft" and not StatReport.objects.filter(period="2024Q3").exists()
    assert by_label(report)["II 城市低保临时补贴"].value is None


@pytest.mark.django_db
def test_every_form_version_and_its_rows_page_render(forms, clerk, city_leader, login):
    client = login(city_leader)
    assert client.get("/planning/statforms/").content.decode().count("JBZH0001表") == 2
    for form in forms:
        body = client.get(f"/planning/statforms/{form.pk}/rows/").content.decode()
        assert form.rows.order_by("order").last().label in body, form.version


# ---- Item 6: the 2019 version, and a refusal naming the versions ----


@pytest.mark.django_db
def test_a_2019_period_gets_the_2019_form_with_its_own_division_block_and_codes(forms, clerk, login):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2019Q4")
    assert (report.form.code, report.form.version) == ("JBZH0001表", "2019")
    lines = by_label(report)
    assert lines["乡镇级合计"].row.code == "JZH011110000" and lines["2.社会救助"].row.code == "JZH011314000"
    assert (lines["1.镇"].value, lines["3.街道"].value, lines["乡镇级合计"].value) == (1, 2, 3)
    assert "II 城市低保临时补助" in lines and "二、社会工作" not in lines
    # the codes 衡阳市's 2019年12月 form (stat-forms.md S5) prints, each row confirmed by it
    printed = {"1.镇": "JZH011111000", "2.乡小计": "JZH011112000", "(二)民政事业费累计支出": "JZH011310000",
               "1.社会福利": "JZH011211000", "(3)残疾人福利": "JZH011211300"}  # fmt: skip
    assert {label: (lines[label].row.code, lines[label].row.confirmed) for label in printed} == {
        label: (code, True) for label, code in printed.items()
    }
    sheet = load_workbook(
        io.BytesIO(login(clerk).get(URL.format(report.pk), {"export": "xlsx"}).content)
    ).active
    texts = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "批转机关：国家统计局" in texts and "表    号：JBZH0001表" in texts


@pytest.mark.django_db
def test_a_period_without_a_form_version_is_refused_naming_the_versions(forms, clerk, login):
    with pytest.raises(InvalidStatReport) as refused:
        services.generate_report(clerk, "quarter", YUANBAO, "2021Q2")
    assert refused.value.message == (
        "2021年第2季度没有适用的季报表式。现有季报表式版本：JBZH0001表（2019年版，适用2019年）；"
        "JBZH0001表（2022年版，适用2022—2023年）；JZH01表（国统制[2023]83号，适用2024年起）"
    )
    response = login(clerk).post(
        "/planning/statforms/",
        {"period_type": "month", "division": YUANBAO, "period": "2019M05"},
        follow=True,
    )
    assert (
        "2019年5月没有适用的月报表式。现有月报表式版本：JBZ（2020年版，适用2020年起）"
        in response.content.decode()
    )


@pytest.mark.django_db
def test_bad_header_input_is_named_in_chinese_and_nothing_is_saved(forms, clerk, login):
    report = services.generate_report(clerk, "quarter", YUANBAO, "2024Q2")
    row = rows_of(report)["II 城市低保临时补贴"]
    client = login(clerk)
    for data, said in (
        ({"reported_on": "2024-13-40", f"row-{row.pk}": "5"}, "报出日期"),
        ({"reported_on": "2099-01-01", f"row-{row.pk}": "5"}, "报出日期不能晚于今天"),  # rows not kept either
        ({"principal": "王" * 31}, "单位负责人、填表人不能超过30个字"),
        ({f"row-{row.pk}": "五"}, "“数量”应为数字"),
    ):
        response = client.post(URL.format(report.pk), data, follow=True)
        assert response.status_code == 200 and said in response.content.decode(), data
    report.refresh_from_db()
    assert (report.principal, report.reported_on) == ("", None)
    assert by_label(report)["II 城市低保临时补贴"].value is None
