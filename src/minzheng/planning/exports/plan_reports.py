"""年度监测分析报告 and 中期评估报告 of a plan: one content model, rendered as .docx (python-docx), PDF
(``core.pdf.ChineseDocument``) and .xlsx (every figure). Charts are PNGs drawn by ``charts``."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from docx import Document
from docx.shared import Cm, Pt

from minzheng.core.pdf import ChineseDocument
from minzheng.core.selectors.divisions import division_name
from minzheng.core.spreadsheets import Sheet, write_workbook

from ..attainment import division_comparison, plan_progress, status_counts
from ..models import Plan, ProjectProgress, TaskProgress, TaskStatus
from . import charts

KINDS = {"annual": "年度监测分析报告", "midterm": "中期评估报告"}
# What ``build_plan_report`` tells its ``progress`` callback, in order (a 后台任务 shows them).
BUILD_STAGES = ("计算指标监测值", "绘制图表", "比较下级区划", "汇总重点任务与项目")


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]
    widths: list[int] | None = None


@dataclass
class Chart:
    title: str
    png: bytes


@dataclass
class PlanReport:
    kind: str
    title: str
    bureau: str
    facts: list[tuple[str, str]]
    paragraphs: list[str]
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    figures: list[Sheet] = field(default_factory=list)  # the .xlsx: every number behind the report


def number(value: Decimal | None, decimals: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:,.{decimals}f}"


def _target(item) -> str:
    binding = item.binding
    if binding is None or binding.target_value is None:
        return item.row.target or "—"
    return f"{binding.target_comparison}{binding.target_value.normalize():f}"


def build_plan_report(
    plan: Plan, year: int, kind: str, within: str = "", stage: Callable[[str], None] | None = None
) -> PlanReport:
    """The report's content; ``within`` limits the subordinate divisions compared to the reader's;
    ``stage`` is told each of ``BUILD_STAGES`` as the work reaches it."""
    stage = stage or (lambda name: None)
    stage(BUILD_STAGES[0])
    progress = plan_progress(plan, year)
    counts = status_counts(progress)
    region = division_name(plan.division_code)
    title = f"《{plan.title}》{year}年{KINDS[kind]}" if kind == "annual" else f"《{plan.title}》{KINDS[kind]}"
    monitored = [p for p in progress if p.binding is not None]
    binding_items = [p for p in monitored if p.is_binding]
    paragraphs = [
        f"本报告依据平台监测数据自动生成，监测年度为{year}年，规划期{plan.period}。规划共列主要指标{len(progress)}项，"
        f"已绑定指标定义{len(monitored)}项：达标{counts['achieved']}项、进度正常{counts['normal']}项、"
        f"滞后{counts['lagging']}项、预警{counts['warning']}项、无法评估{counts['unknown']}项。",
        "约束性指标："
        + ("；".join(f"{p.row.name}（{p.status_label}）" for p in binding_items) or "无")
        + "。",
    ]
    behind = [p for p in monitored if p.status in ("lagging", "warning")]
    if behind:
        paragraphs.append(
            "需重点推进的指标："
            + "；".join(f"{p.row.name}（{p.status_label}：{p.progress.reason}）" for p in behind)
            + "。"
        )
    if kind == "midterm":
        likely = [p for p in monitored if p.status in ("achieved", "normal")]
        paragraphs.append(
            f"中期评估：截至{year}年，时间进度{number(monitored[0].progress.elapsed * 100, 0) if monitored else '—'}%；"
            f"按线性趋势预测，{len(likely)}项指标预计可在{plan.period_end}年完成目标，{len(behind)}项需调整措施。"
        )
    headers = [
        "序号",
        "指标名称",
        "单位",
        "属性",
        "基期值",
        "目标值",
        f"{year}年实际",
        f"{plan.period_end}年预测",
        "完成进度",
        "状态",
    ]
    indicator_rows = [
        [
            str(p.row.no or k), p.row.name, p.row.unit, p.row.attribute or "—",
            number(p.binding.baseline_value, p.decimals) if p.binding else "—", _target(p),
            number(p.actual.value if p.actual else None, p.decimals), number(p.projected, p.decimals),
            number(p.progress.completion * 100, 0) + "%" if p.progress and p.progress.completion is not None else "—",
            p.status_label,
        ]
        for k, p in enumerate(progress, start=1)
    ]  # fmt: skip
    tables = [
        Table("一、主要指标监测情况", headers, indicator_rows, [10, 52, 14, 14, 16, 18, 18, 18, 14, 16])
    ]
    stage(BUILD_STAGES[1])
    report_charts = [
        Chart(
            "主要指标完成进度",
            charts.progress_bars(
                f"{region}主要指标完成进度（{year}年）",
                [(p.row.name, p.progress.completion if p.progress else None, p.status) for p in monitored],
            ),
        )
    ]
    trend_years = sorted({y for p in monitored for y, _, _ in p.trend})
    trend_rows = [
        [p.row.name, p.row.unit]
        + [number(dict((y, v) for y, v, _ in p.trend).get(y), p.decimals) for y in trend_years]
        for p in monitored
    ]
    tables.append(
        Table("二、指标历年数据", ["指标名称", "单位", *[f"{y}年" for y in trend_years]], trend_rows)
    )
    comparison_sheets = []
    stage(BUILD_STAGES[2])
    if kind == "midterm":
        for p in binding_items or monitored[:3]:
            divisions = division_comparison(p.row, year, within)
            if not divisions:
                continue
            rows = [[d.name, number(d.figure.value, p.decimals), d.status_label] for d in divisions]
            tables.append(
                Table(f"下级区划比较：{p.row.name}（{p.row.unit}）", ["区划", f"{year}年", "状态"], rows)
            )
            report_charts.append(
                Chart(
                    p.row.name,
                    charts.division_bars(
                        p.row.name, [(d.name, d.figure.value) for d in divisions], p.row.unit
                    ),
                )
            )
            comparison_sheets.append(
                [[p.row.name, d.name, d.division_code, d.figure.value, d.status_label] for d in divisions]
            )
    stage(BUILD_STAGES[3])
    tables.append(_tasks_table(plan))
    tables.append(_projects_table(plan))
    figures = [
        Sheet("主要指标", ["序号", "指标名称", "单位", "属性", "指标编码", "基期年份", "基期值", "目标比较", "目标值",
                           f"{year}年实际", "分子", "分母", f"{plan.period_end}年预测", "完成进度", "时间进度", "状态", "说明"],
              [_figure_row(k, p) for k, p in enumerate(progress, start=1)], column_widths=(6, 40, 10, 8, 36)),
        Sheet("历年数据", ["指标名称", "指标编码", "年份", "数值"],
              [[p.row.name, p.binding.definition.code, y, _float(v)] for p in monitored for y, v, _ in p.trend],
              column_widths=(40, 36, 8, 14)),
        Sheet("下级区划比较", ["指标名称", "区划", "区划代码", f"{year}年", "状态"],
              [[r[0], r[1], r[2], _float(r[3]), r[4]] for sheet in comparison_sheets for r in sheet],
              column_widths=(40, 16, 14, 14, 10), text_columns=(2,)),
        Sheet(tables[-2].title, tables[-2].headers, tables[-2].rows),
        Sheet(tables[-1].title, tables[-1].headers, tables[-1].rows),
    ]  # fmt: skip
    facts = [("规划", plan.title), ("区划", region), ("规划期", plan.period), ("监测年度", f"{year}年")]
    return PlanReport(kind, title, f"{region}民政局", facts, paragraphs, tables, report_charts, figures)


def _float(value: Decimal | None):
    return None if value is None else float(value)


def _figure_row(k, p) -> list:
    b, a = p.binding, p.actual
    return [
        p.row.no or k, p.row.name, p.row.unit, p.row.attribute, b.definition.code if b else "",
        b.baseline_year if b else None, _float(b.baseline_value) if b else None, b.target_comparison if b else "",
        _float(b.target_value) if b else None, _float(a.value) if a else None, _float(a.numerator) if a else None,
        _float(a.denominator) if a else None, _float(p.projected),
        _float(p.progress.completion) if p.progress and p.progress.completion is not None else None,
        _float(p.progress.elapsed) if p.progress else None, p.status_label,
        (p.progress.reason if p.progress else "") + ("；" + a.note if a and a.note else ""),
    ]  # fmt: skip


def _tasks_table(plan: Plan) -> Table:
    tasks = list(plan.tasks.order_by("order"))
    latest = {}
    for progress in TaskProgress.objects.filter(task__plan=plan).order_by("task_id", "-reported_on", "-pk"):
        latest.setdefault(progress.task_id, progress)
    done = sum(1 for t in tasks if t.status == TaskStatus.DONE)
    rows = [
        [str(t.order), t.lead, t.responsible_unit or "—", t.get_status_display(),
         f"{latest[t.pk].progress_percent}%" if t.pk in latest and latest[t.pk].progress_percent is not None else "—",
         latest[t.pk].evidence[:60] if t.pk in latest else "—"]
        for t in tasks
    ]  # fmt: skip
    return Table(
        f"三、重点任务落实情况（共{len(tasks)}项，已完成{done}项）",
        ["序号", "任务", "责任单位", "状态", "进度", "最新进展"],
        rows,
    )


def _projects_table(plan: Plan) -> Table:
    latest = {}
    for progress in ProjectProgress.objects.filter(project__plan=plan).order_by(
        "project_id", "-reported_on", "-pk"
    ):
        latest.setdefault(progress.project_id, progress)
    rows = []
    for p in plan.projects.order_by("order"):
        last = latest.get(p.pk)
        rows.append(
            [str(p.no or p.order), p.name, p.location or "—",
             f"{p.investment.normalize():f}{p.investment_unit}" if p.investment is not None else "—",
             last.get_status_display() if last else "未报告", f"{last.progress_percent}%" if last else "—",
             f"{last.spent:,.2f}万元" if last else "—"]
        )  # fmt: skip
    return Table(
        "四、重大项目推进情况", ["序号", "项目", "地点", "计划投资", "状态", "形象进度", "累计完成投资"], rows
    )


def to_docx(report: PlanReport) -> bytes:
    document = Document()
    styles = document.styles["Normal"]
    styles.font.name, styles.font.size = "SimSun", Pt(10.5)
    styles.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "宋体"
    )
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    document.add_heading(report.title, level=0)
    document.add_paragraph(report.bureau)
    for label, value in report.facts:
        document.add_paragraph(f"{label}：{value}")
    document.add_heading("总体情况", level=1)
    for text in report.paragraphs:
        document.add_paragraph(text)
    for chart in report.charts:
        document.add_heading(f"图：{chart.title}", level=2)
        document.add_picture(io.BytesIO(chart.png), width=Cm(16.5))
    for table in report.tables:
        document.add_heading(table.title, level=1)
        grid = document.add_table(rows=1, cols=len(table.headers))
        grid.style = "Table Grid"
        for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
            cell.text = header
        for values in table.rows:
            for cell, value in zip(grid.add_row().cells, values, strict=True):
                cell.text = str(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(report: PlanReport) -> bytes:
    document = ChineseDocument(bureau=report.bureau, title=report.title)
    document.fields(report.facts)
    document.section("总体情况")
    for text in report.paragraphs:
        document.paragraph(text)
    for chart in report.charts:
        document.section(f"图：{chart.title}")
        document.image(io.BytesIO(chart.png), w=document.epw)
    for table in report.tables:
        document.section(table.title)
        document.table(table.headers, table.rows, table.widths)
    return document.to_bytes()


def to_xlsx(report: PlanReport) -> bytes:
    return write_workbook(report.figures)
