"""The 年度监测 / 中期评估 report as a bureau reads it (issue 17, "年度监测 report"): generated through the real
path (the cockpit's button starts the 后台任务, the file is downloaded from the job) and read back — the four
sections written from the figures, the same text in .docx and .pdf, captions kept with their figures, values
at the indicator's precision, the 下级区划比较 sheet filled, why each indicator cannot be assessed and where
to fix it, and the baseline the cockpit shows."""

import io
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader
from pypdf.generic import ContentStream

from minzheng.background.models import BackgroundJob
from minzheng.planning import services
from minzheng.planning.attainment import plan_progress
from minzheng.planning.exports.plan_reports import number
from minzheng.planning.indicator_rules import unit_decimals
from minzheng.planning.models import IndicatorBinding, IndicatorDefinition, SourceKind
from tests.core.factories import make_user

from .test_monitoring_pages import DANDONG, RETURNS, dandong_monitoring  # noqa: F401 (the fixture)

LOTTERY = "福利彩票销售网点数"  # 个, target 350
STAFF = "社会组织专职工作人员数量"  # 万人, target 1.25, no baseline in the plan
BURIAL = "节地生态安葬率"  # %, target 60
ORPHANS = "孤儿和事实无人抚养儿童基本生活养育标准年均增速"
GROWTH = "城乡低保标准年度增速"  # target stated in words only
BEDS = "养老机构护理型床位占比"  # computed by 养老, no institutions in the test database
MENTAL = "民政精神卫生社会福利机构市级覆盖率"
EMERGENCY = "应急储备养老服务设施县级覆盖率"


@pytest.fixture
def report_world(dandong_monitoring, settings, tmp_path):  # noqa: F811
    """丹东 in 2023 with one indicator of each kind: 达标 (lottery outlets 352 of 350), 进度正常 (eco burial
    55.45% from 40% in 2020), 预警 (return rate), 滞后 (urban–rural ratio), and 无法评估 for each cause: an
    unbound row, an unquantified target, an entry awaiting review, a source not connected, a domain with no
    data, a figure short of its target with no baseline (staff 1.225 万人, a rounding tie) and no entry."""
    settings.VAR_DIR = tmp_path
    maker, checker = make_user("caseworker", DANDONG, username="dd_mk"), make_user("reviewer", DANDONG)

    def enter(code, year, value=None, numerator=None, denominator=None, approve=True):
        entry = services.submit_entry(
            maker, IndicatorDefinition.objects.get(code=code), division_code=DANDONG, period_key=str(year),
            value=value, numerator=numerator, denominator=denominator, comment="年度统计",
        )  # fmt: skip
        if approve:
            services.review_entry(checker, entry, approve=True)

    # 资金项目监督 and 殡葬 compute these two rows from their registers; this bureau reports them by entry
    # instead (rebound by hand on the 指标绑定 page, which later syncs keep).
    leader = make_user("leader", DANDONG, username="dd_leader")
    for name, code in ((LOTTERY, "planning.lottery_outlets"), (BURIAL, "planning.eco_burial_rate")):
        row = dandong_monitoring.indicators.select_related("binding").get(name=name, source="table")
        binding = row.binding
        services.update_binding(
            leader, row, definition=IndicatorDefinition.objects.get(code=code),
            target_comparison=binding.target_comparison, target_value=binding.target_value,
            target_year=binding.target_year, baseline_value=binding.baseline_value,
            baseline_year=binding.baseline_year, note=binding.target_basis,
        )  # fmt: skip
    enter("planning.lottery_outlets", 2023, Decimal(352))
    enter("planning.eco_burial_rate", 2020, None, Decimal(40), Decimal(100))
    enter("planning.eco_burial_rate", 2023, None, Decimal("55.45"), Decimal(100))
    enter("planning.social_org_staff", 2023, Decimal("1.225"))
    enter("planning.orphan_standard_growth", 2023, Decimal("6.5"), approve=False)
    IndicatorDefinition.objects.filter(code="planning.mental_health_institution_coverage").update(
        source_kind=SourceKind.COMPUTED, source_code="health.mental_institutions"
    )
    IndicatorBinding.objects.filter(
        plan_indicator__plan=dandong_monitoring, plan_indicator__name=EMERGENCY
    ).delete()
    return dandong_monitoring


def generate(client, plan, kind: str, fmt: str, django_capture_on_commit_callbacks) -> bytes:
    """The cockpit's report button: the job runs (on commit, as the worker would) and the file is downloaded."""
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            f"/planning/plans/{plan.pk}/report/", {"kind": kind, "format": fmt, "year": 2023}
        )
    job = BackgroundJob.objects.latest("pk")
    assert started.url == f"/background/{job.pk}/" and job.status == "done", job.error
    return b"".join(client.get(f"/background/{job.pk}/download/").streaming_content)


def _to_unicode(font) -> dict[bytes, str]:
    """A font's ToUnicode map (fpdf2 writes ``bfchar`` entries of two-byte glyph codes)."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    return {
        bytes.fromhex(code): bytes.fromhex(text).decode("utf-16-be")
        for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S)
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block)
    }


def pdf_text(page) -> str:
    """The page's printed text without its footer, decoded glyph by glyph through the fonts' ToUnicode maps:
    pypdf's own extraction splits some two-byte CJK codes into wrong characters in long documents."""
    fonts = {name: _to_unicode(font.get_object()) for name, font in page["/Resources"]["/Font"].items()}
    shown, font = [], {}
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"Tf":
            font = fonts[operands[0]]
            continue
        if operator == b"Tj":
            strings = [operands[0]]
        elif operator == b"TJ":
            strings = [s for s in operands[0] if isinstance(s, str | bytes)]
        else:
            continue
        for string in strings:
            raw = string.original_bytes if hasattr(string, "original_bytes") else bytes(string)
            shown.append("".join(font.get(raw[k : k + 2], "") for k in range(0, len(raw), 2)))
    footer = r"丹东市民政局 · 《[^》]*》[^·]* · 第 \d+ 页 · 生成于 [\d-]+"
    return re.sub(r"\s", "", re.sub(footer, "", "".join(shown)))


def figures_on(page) -> int:
    """Images drawn on the page (``Do``): the same PNG drawn twice counts twice."""
    return sum(
        1 for _, operator in ContentStream(page.get_contents(), page.pdf).operations if operator == b"Do"
    )


def table_titled(document, title: str):
    """The table under the heading that starts with ``title`` (附表N　title)."""
    body = document.element.body
    heading = next(p for p in document.paragraphs if p.text.split("　")[-1].startswith(title))
    following = heading._p.getnext()
    table = next(t for t in document.tables if t._tbl is following)
    assert body.index(following) == body.index(heading._p) + 1
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.mark.django_db
def test_the_summary_is_written_by_status_from_the_figures_and_reads_the_same_in_pdf(
    report_world, login, city_leader, django_capture_on_commit_callbacks
):
    client = login(city_leader)
    document = Document(
        io.BytesIO(generate(client, report_world, "annual", "docx", django_capture_on_commit_callbacks))
    )
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == ["一、总体情况", "二、主要成效", "三、存在问题", "四、下一步工作"]
    paragraphs = [p.text for p in document.paragraphs]
    summary = paragraphs[paragraphs.index("一、总体情况") : paragraphs.index("附图")]
    text = "\n".join(summary)
    # 总体情况: counts by status as the cockpit counts them.
    counts = {}
    for item in plan_progress(report_world, 2023):
        counts[item.status_label] = counts.get(item.status_label, 0) + 1
    assert (
        f"达标{counts['达标']}项、进度正常{counts['进度正常']}项、滞后{counts['滞后']}项、预警{counts['预警']}项"
        in text
    )
    assert "2023年是规划实施的第三年，时间进度为60.0%" in text
    # 主要成效 with figures, grouped: 达标 then 进度正常.
    assert "（一）已达到规划目标的指标1项。" in summary and "（二）进度正常的指标1项。" in summary
    assert f"1．{LOTTERY}：2023年为352个，已达到规划目标（2025年达到350个）。" in summary
    assert f"1．{BURIAL}：2023年为55.5%，较基期（2020年40.0%）提高15.5个百分点，完成进度77.3%" in text
    # 存在问题: 预警 then 滞后, each with its value, target and gap (儿童福利's 未保工作站覆盖率, 社会组织's
    # 志愿服务站点覆盖率 and 殡葬's 县级公益性安葬设施覆盖率 are computed from their registers: nothing recorded
    # in 2023, so 0.0% and 预警).
    assert summary.index("（一）预警指标4项。") < summary.index("（二）滞后指标2项。")
    assert "1．志愿服务站点在社区综合服务设施中的覆盖率：2023年为0.0%，目标为2025年达到80.0%" in text
    assert "2．乡镇(街道)未成年人保护工作站覆盖率：2023年为0.0%，目标为2025年达到50.0%" in text
    assert "4．县级公益性安葬(放)设施覆盖率（约束性）：2023年为0.0%，目标为2025年达到100.0%" in text
    assert (
        f"3．{RETURNS}（约束性）：2023年为85.0%，目标为2025年达到100.0%，距目标相差15.0个百分点；"
        "完成进度40.0%，时间进度60.0%" in text
    )
    assert "城市和农村低保平均标准比例：2023年为1.45倍，目标为2025年达到1.30倍，距目标相差0.15；" in text
    assert f"{STAFF}：2023年为1.23万人，目标为2025年达到1.25万人，距目标相差0.02万人" in text
    # 下一步工作 follows from the problems found.
    steps = "\n".join(paragraphs[paragraphs.index("四、下一步工作") + 1 :])
    assert (
        "（一）集中力量推进预警指标。针对“志愿服务站点在社区综合服务设施中的覆盖率”、"
        f"“乡镇(街道)未成年人保护工作站覆盖率”、“{RETURNS}”" in steps
    )
    assert "（二）加快滞后指标进度。对“城市和农村低保平均标准比例”、“社会组织专职工作人员数量”" in steps
    assert (
        "（三）补齐监测数据。为1项未绑定指标定义的指标（“应急储备养老服务设施县级覆盖率”）绑定指标定义"
        in steps
    )
    assert "及时审核1项指标（“孤儿和事实无人抚养儿童基本生活养育标准年均增速”）的待审核填报数据" in steps
    assert f"巩固已达标成果。“{LOTTERY}”已达到规划目标" in steps

    pdf = PdfReader(
        io.BytesIO(generate(client, report_world, "annual", "pdf", django_capture_on_commit_callbacks))
    )
    printed = "".join(pdf_text(page) for page in pdf.pages)
    start = paragraphs.index("一、总体情况")
    for paragraph in paragraphs[start : paragraphs.index("附图")]:
        assert re.sub(r"\s", "", paragraph) in printed, paragraph


@pytest.mark.django_db
def test_captions_stay_with_their_figures(
    report_world, login, city_leader, django_capture_on_commit_callbacks
):
    client = login(city_leader)
    document = Document(
        io.BytesIO(generate(client, report_world, "midterm", "docx", django_capture_on_commit_callbacks))
    )
    paragraphs = document.paragraphs
    captions = [k for k, p in enumerate(paragraphs) if p.style.name == "Caption"]
    assert len(captions) == 1 + 4  # completion, and the four 约束性 indicators compared across divisions
    assert paragraphs[captions[0]].text == "图1　丹东市主要指标完成进度（2023年）"
    for k in captions:
        assert paragraphs[k].paragraph_format.keep_with_next is True, paragraphs[k].text
        assert "graphicData" in paragraphs[k + 1]._p.xml, paragraphs[k].text  # the picture comes next
    pdf = PdfReader(
        io.BytesIO(generate(client, report_world, "midterm", "pdf", django_capture_on_commit_callbacks))
    )
    found = 0
    for page in pdf.pages:
        on_page = len(re.findall(r"图\d(?=\D)", pdf_text(page)))
        assert on_page == figures_on(page)  # each caption's figure on its page, no figure without its caption
        found += on_page
    assert found == 5


@pytest.mark.django_db
def test_values_are_rounded_to_the_indicator_precision_and_the_baseline_is_the_cockpits(
    report_world, login, city_leader, django_capture_on_commit_callbacks
):
    client = login(city_leader)
    document = Document(
        io.BytesIO(generate(client, report_world, "annual", "docx", django_capture_on_commit_callbacks))
    )
    rows = {row[1]: row for row in table_titled(document, "主要指标监测情况")}
    # 基期值 目标值 2023年实际 … : 个 whole, % one decimal, 万人 and 倍数 two, ties rounded half up (1.225 → 1.23).
    assert rows[LOTTERY][4:7] == ["—", "350", "352"]
    assert rows[BURIAL][4:7] == ["40.0", "60.0", "55.5"]
    assert rows[STAFF][4:7] == ["—", "1.25", "1.23"]
    assert rows[RETURNS][4:9] == ["75.0", "100.0", "85.0", "92.1", "40.0%"]
    assert rows["城市和农村低保平均标准比例"][4:7] == ["1.57", "1.30", "1.45"]

    cockpit = client.get(f"/planning/plans/{report_world.pk}/cockpit/?year=2023").content.decode()
    body = cockpit[cockpit.index('id="cockpit-indicators"') :]
    body = body[: body.index("</table>")]
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)[1:]:
        cells = [re.sub(r"<[^>]+>|\s", "", td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        name = cells[1]
        assert rows[name][4] == cells[4], name  # the report's 基期值 is the cockpit's
        assert rows[name][6] == cells[6], name  # and so is the year's figure
    assert rows[RETURNS][4] == "75.0"  # the 2020 figure: the binding has no baseline of its own

    workbook = load_workbook(
        io.BytesIO(generate(client, report_world, "annual", "xlsx", django_capture_on_commit_callbacks))
    )
    sheet = list(workbook["主要指标"].iter_rows(values_only=True))
    head = sheet[0]
    figures = {r[1]: dict(zip(head, r, strict=True)) for r in sheet[1:]}
    assert figures[STAFF]["2023年实际"] == 1.23 and figures[BURIAL]["2023年实际"] == 55.5
    assert (
        figures[RETURNS]["基期值"] == 75 and figures[RETURNS]["基期值来源"] == "2020年数据（规划未列基期值）"
    )
    assert figures[LOTTERY]["目标比较"] == "达到"


@pytest.mark.django_db
def test_the_comparison_sheet_has_a_row_per_division_and_indicator(
    report_world, login, city_leader, django_capture_on_commit_callbacks
):
    client = login(city_leader)
    workbook = load_workbook(
        io.BytesIO(generate(client, report_world, "annual", "xlsx", django_capture_on_commit_callbacks))
    )
    rows = list(workbook["下级区划比较"].iter_rows(values_only=True))
    head, rows = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert head[:10] == ("指标名称", "指标编码", "单位", "区划", "区划代码", "2023年实际", "目标比较", "目标值",
                         "完成进度", "状态")  # fmt: skip
    bound = [p for p in plan_progress(report_world, 2023) if p.binding is not None]
    assert len(rows) == len(bound) * 2  # 元宝区 and 振兴区 for every bound indicator
    returns = {r["区划"]: r for r in rows if r["指标名称"] == RETURNS}
    assert returns["元宝区"]["2023年实际"] == 90 and returns["振兴区"]["2023年实际"] == 80
    assert returns["元宝区"]["区划代码"] == "210602000000" and returns["元宝区"]["目标值"] == 100
    assert {r["状态"] for r in returns.values()} <= {"预警", "滞后", "进度正常", "达标"}
    assert returns["元宝区"]["完成进度"] == 0.5  # (90 − 80) ÷ (100 − 80): from the division's own 2020 figure
    assert all(r["状态"] for r in rows) and {r["指标名称"] for r in rows} == {p.row.name for p in bound}


@pytest.mark.django_db
def test_each_indicator_that_cannot_be_assessed_says_why_and_where_to_fix_it(
    report_world, login, city_leader, django_capture_on_commit_callbacks
):
    client = login(city_leader)
    document = Document(
        io.BytesIO(generate(client, report_world, "annual", "docx", django_capture_on_commit_callbacks))
    )
    reasons = {row[1]: (row[2], row[3]) for row in table_titled(document, "无法评估指标的原因和处理办法")[1:]}
    expected = {
        EMERGENCY: ("未绑定指标定义", "“绑定指标定义”"),
        GROWTH: (
            "规划目标未量化（规划表述为“不低于省定指标要求”）",
            "“指标绑定”页设定目标比较方式和目标数值",
        ),
        ORPHANS: ("2023年已有1条填报数据，尚未审核", "在“指标填报”页审核2023年的待审核数据"),
        MENTAL: ("数据来源未接入", "在“指标定义”页将该指标的来源改为“填报”"),
        BEDS: ("业务系统中没有可用于计算2023年数值的数据", "业务模块中补录2023年的业务数据"),
        STAFF: ("无基期值", "在“指标绑定”页填写基期值和基期年份"),
        # 社会组织's 社会工作者 register computes it; no worker is registered in this database.
        "社会工作专业人才总量": (
            "业务系统中没有可用于计算2023年数值的数据",
            "业务模块中补录2023年的业务数据",
        ),
    }
    for name, (reason, remedy) in expected.items():
        assert reason in reasons[name][0] and remedy in reasons[name][1], name
    assert LOTTERY not in reasons and BURIAL not in reasons and RETURNS not in reasons
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"（三）无法评估完成进度的指标{len(reasons)}项。" in text
    for name, (reason, remedy) in reasons.items():  # per indicator in the text too
        assert f"{name}：{reason}。处理办法：{remedy}。" in text
    workbook = load_workbook(
        io.BytesIO(generate(client, report_world, "annual", "xlsx", django_capture_on_commit_callbacks))
    )
    listed = {r[1]: r[2:] for r in workbook["无法评估指标"].iter_rows(min_row=2, values_only=True)}
    assert listed == {name: (reason, remedy) for name, (reason, remedy) in reasons.items()}


def test_unit_precision_follows_the_printed_forms():
    """stat-forms.md §3: 个/人/户/张/件/对/具 are integers, 万元 has 1 decimal; percentages 1, 元 2."""
    assert [unit_decimals(u) for u in ("个", "人", "张", "户", "%", "万元", "元", "元/人/月", "万人", "倍数")] == [
        0, 0, 0, 0, 1, 1, 2, 2, 2, 2,
    ]  # fmt: skip
    assert unit_decimals("平方米", "integer") == 0


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=4), st.integers(0, 3))
def test_printed_figures_round_half_up(value, decimals):
    """A printed figure is the value rounded half up (as the cockpit's floatformat does), never half even."""
    oracle = value.quantize(Decimal(10) ** -decimals, rounding=ROUND_HALF_UP)
    assert Decimal(number(value, decimals).replace(",", "")) == oracle


@pytest.mark.django_db
def test_sync_sets_the_unit_precision_of_shipped_definitions_a_person_has_not_edited(monitored_plans):
    """A database synced before precision followed the unit (every definition at 2 decimals) is brought to it
    by the next ``load_plans``; a definition saved by a person keeps its own."""
    from minzheng.core.models import AuditEvent

    IndicatorDefinition.objects.update(decimals=2)
    burial = IndicatorDefinition.objects.get(code="planning.eco_burial_rate")
    AuditEvent.objects.create(
        action=AuditEvent.UPDATE, object_type="indicator_definition", object_id=str(burial.pk)
    )
    services.sync_indicators()
    decimals = dict(IndicatorDefinition.objects.values_list("code", "decimals"))
    assert decimals["planning.vagrant_return_rate"] == 1 and decimals["planning.lottery_outlets"] == 0
    assert decimals["planning.social_workers"] == 2 and decimals["planning.eco_burial_rate"] == 2
    assert decimals["eldercare.nursing_bed_ratio"] == 1
    before = AuditEvent.objects.filter(object_type="indicator_sync").count()
    services.sync_indicators()  # idempotent: nothing left to change, nothing recorded
    assert AuditEvent.objects.filter(object_type="indicator_sync").count() == before


def test_a_figure_that_does_not_fit_takes_its_caption_to_the_next_page():
    """Seven tall figures after a page of text: wherever a page breaks, each caption is on its figure's page."""
    from minzheng.planning.exports import charts, plan_reports

    png = charts.progress_bars("完成进度", [(f"指标{k}", Decimal("0.5"), "normal") for k in range(12)])
    report = plan_reports.PlanReport(
        "annual", "测试报告", "丹东市民政局", [], [plan_reports.Section("一、总体情况", ["文字。" * 60] * 7)],
        charts=[plan_reports.Chart(f"图{k}　图题{k}", png) for k in range(1, 8)],
    )  # fmt: skip
    pages = PdfReader(io.BytesIO(plan_reports.to_pdf(report))).pages
    placed = [(len(re.findall(r"图\d(?=\D)", pdf_text(page))), figures_on(page)) for page in pages]
    assert sum(c for c, _ in placed) == 7 and all(c == i for c, i in placed), placed
    assert len([1 for c, _ in placed if c]) >= 3  # the figures did break across pages
