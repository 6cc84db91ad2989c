"""年度监测分析报告 and 中期评估报告 of a plan: one content model, rendered as .docx (python-docx), PDF
(``core.pdf.ChineseDocument``) and .xlsx (every figure). Charts are PNGs drawn by ``charts``."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from docx import Document
from docx.shared import Cm, Pt
from PIL import Image

from minzheng.core.pdf import ChineseDocument
from minzheng.core.selectors.divisions import division_name
from minzheng.core.spreadsheets import Sheet, write_workbook

from ..attainment import division_comparison, plan_book, plan_progress, plan_rows, unassessed
from ..indicator_rules import STATUS_LABELS, gap_unit, round_half_up
from ..models import Plan, ProjectProgress, TaskProgress, TaskStatus
from ..selectors import work_summary
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
    title: str  # the caption: 图1　…
    png: bytes


@dataclass
class Section:
    """一、总体情况 … 四、下一步工作: a heading and its paragraphs, the same in .docx and .pdf."""

    heading: str
    paragraphs: list[str]


@dataclass
class PlanReport:
    kind: str
    title: str
    bureau: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    figures: list[Sheet] = field(default_factory=list)  # the .xlsx: every number behind the report

    @property
    def text(self) -> str:
        """The summary as plain text (what both documents print)."""
        return "\n".join(line for s in self.sections for line in (s.heading, *s.paragraphs))


_NUMERALS = "一二三四五六七八九十"
_COMPARISON_WORDS = {
    "≥": "不低于",
    ">": "高于",
    "≤": "不高于",
    "<": "低于",
    "≈": "约",
    "=": "达到",
    "": "达到",
}


def number(value: Decimal | None, decimals: int = 2) -> str:
    """A figure as printed: rounded half-up to ``decimals`` (the indicator's precision), thousands separated."""
    if value is None:
        return "—"
    return f"{round_half_up(Decimal(value), decimals):,.{decimals}f}"


def rounded(value: Decimal | None, decimals: int) -> float | None:
    """A figure for the .xlsx: the printed value as a number."""
    return None if value is None else float(round_half_up(Decimal(value), decimals))


def percent(share: Decimal | None) -> str:
    """A share (0–1) as a percentage with 1 decimal."""
    return "—" if share is None else number(share * 100, 1) + "%"


def with_unit(value: Decimal | None, unit: str, decimals: int) -> str:
    unit = {"倍数": "倍"}.get(unit, unit or "")
    return number(value, decimals) + unit


def _target(item) -> str:
    """The target as the table prints it: its comparison and value at the indicator's precision."""
    binding = item.binding
    if binding is None or binding.target_value is None:
        return item.row.target or "—"
    sign = "" if binding.target_comparison in ("=", "") else binding.target_comparison
    return sign + number(binding.target_value, item.decimals)


def _comparison(item) -> str:
    """目标比较 as a word for the .xlsx (a bare ``=`` would read as a formula)."""
    if item.binding is None or item.binding.target_value is None:
        return ""
    return _COMPARISON_WORDS.get(item.binding.target_comparison, "")


def _target_text(item) -> str:
    binding = item.binding
    word = _COMPARISON_WORDS.get(binding.target_comparison, "")
    return f"{binding.target_year}年{word}{with_unit(binding.target_value, item.row.unit, item.decimals)}"


def _ordinal(k: int) -> str:
    return _NUMERALS[k - 1] if k <= 10 else str(k)


def _names(items, limit: int = 5) -> str:
    names = [f"“{p.row.name}”" for p in items]
    return "、".join(names) if len(names) <= limit else "、".join(names[:limit]) + f"等{len(names)}项"


def _change(item) -> str:
    """The change since the baseline, in the indicator's unit: 较基期（2020年75.0%）提高10.0个百分点."""
    actual = item.actual.value if item.actual else None
    if actual is None or item.baseline_value is None:
        return ""
    diff = round_half_up(actual, item.decimals) - round_half_up(item.baseline_value, item.decimals)
    base = f"较基期（{item.baseline_year}年{with_unit(item.baseline_value, item.row.unit, item.decimals)}）"
    if diff == 0:
        return base + "持平"
    word = "提高" if diff > 0 else "下降"
    return f"{base}{word}{number(abs(diff), item.decimals)}{gap_unit(item.row.unit)}"


def _gap(item) -> str:
    """How far the year's value is from the target, in the indicator's unit."""
    actual, target = item.actual.value, item.binding.target_value
    gap = abs(round_half_up(target, item.decimals) - round_half_up(actual, item.decimals))
    return f"距目标相差{number(gap, item.decimals)}{gap_unit(item.row.unit)}"


def _actual_text(item) -> str:
    return f"{item.year}年为{with_unit(item.actual.value, item.row.unit, item.decimals)}"


def _achievement(k: int, item) -> str:
    change = _change(item)
    return (
        f"{k}．{item.row.name}{'（约束性）' if item.is_binding else ''}：{_actual_text(item)}，"
        f"已达到规划目标（{_target_text(item)}）" + (f"，{change}" if change else "") + "。"
    )


def _on_track(k: int, item) -> str:
    change = _change(item)
    return (
        f"{k}．{item.row.name}{'（约束性）' if item.is_binding else ''}：{_actual_text(item)}"
        + (f"，{change}" if change else "")
        + f"，完成进度{percent(item.progress.completion)}，{item.progress.reason}（目标：{_target_text(item)}）。"
    )


def _problem(k: int, item) -> str:
    """A 滞后/预警 indicator: its value, target and gap, completion against time, and the projection."""
    text = (
        f"{k}．{item.row.name}{'（约束性）' if item.is_binding else ''}：{_actual_text(item)}，"
        f"目标为{_target_text(item)}，{_gap(item)}"
    )
    if item.progress.completion is not None:
        text += f"；完成进度{percent(item.progress.completion)}，时间进度{percent(item.progress.elapsed)}"
    text += f"，{item.progress.reason}"
    if item.projected is not None and item.year < item.binding.target_year:
        text += (
            f"；按线性趋势预测{item.binding.target_year}年为"
            f"{with_unit(item.projected, item.row.unit, item.decimals)}，难以如期达到目标"
        )
    return text + "。"


def _elapsed(plan: Plan, year: int) -> Decimal:
    span = plan.period_end - plan.period_start + 1
    return Decimal(min(max(year - plan.period_start + 1, 0), span)) / Decimal(span)


_FIX_GROUPS = {  # 下一步工作: the remedies grouped by cause
    "unbound": "为{n}项未绑定指标定义的指标（{names}）绑定指标定义",
    "target": "为{n}项目标未量化的指标（{names}）设定目标数值",
    "source": "为{n}项数据来源未接入的指标（{names}）改为按年度填报或接入业务数据",
    "pending": "及时审核{n}项指标（{names}）的待审核填报数据",
    "no_entry": "组织本级及下级区划填报{n}项指标（{names}）的年度数据",
    "business": "在业务模块中补录{n}项指标（{names}）所需的业务数据",
    "formula": "补齐{n}项公式指标（{names}）所引用指标的数据",
    "baseline": "为{n}项指标（{names}）补充基期值",
}


def _fix_groups(gaps) -> list[str]:
    groups: dict[str, list] = {}
    for gap in gaps:
        groups.setdefault(gap.kind, []).append(gap.item)
    return [
        template.format(n=len(groups[kind]), names=_names(groups[kind], 3))
        for kind, template in _FIX_GROUPS.items()
        if kind in groups
    ]


def _summary(plan: Plan, year: int, kind: str, progress, gaps, work) -> list[Section]:
    """一、总体情况 二、主要成效 三、存在问题 四、下一步工作 — every sentence read from the figures."""
    region = division_name(plan.division_code)
    by_status: dict[str, list] = {}
    for item in progress:
        by_status.setdefault(item.status, []).append(item)
    achieved, normal = by_status.get("achieved", []), by_status.get("normal", [])
    lagging, warning = by_status.get("lagging", []), by_status.get("warning", [])
    binding = [p for p in progress if p.is_binding]
    monitored = [p for p in progress if p.binding is not None]
    unassessed_count = len(gaps)
    unknown = len(by_status.get("unknown", [])) + len(by_status.get("unbound", []))
    elapsed = _elapsed(plan, year)
    done = work.tasks_by_status.get("已完成", 0)

    # 一、总体情况
    stage = (
        f"{year}年是规划实施的第{_ordinal(year - plan.period_start + 1)}年，时间进度为{percent(elapsed)}。"
        if plan.period_start <= year <= plan.period_end
        else f"{year}年为规划基期年。"
    )
    overall = [
        f"《{plan.title}》（规划期{plan.period}）确定主要指标{len(progress)}项，其中约束性指标{len(binding)}项、"
        f"预期性指标{len(progress) - len(binding)}项；已纳入平台监测{len(monitored)}项"
        + (f"，{len(progress) - len(monitored)}项尚未绑定指标定义" if len(monitored) < len(progress) else "")
        + f"。{stage}",
        f"据平台监测数据，{year}年{region}主要指标中，达标{len(achieved)}项、进度正常{len(normal)}项、"
        f"滞后{len(lagging)}项、预警{len(warning)}项、无法评估{unknown}项"
        + ("（原因和处理办法见第三部分）" if unknown else "")
        + (
            f"；另有{unassessed_count - unknown}项未达到目标但无基期值，无法计算完成进度"
            if unassessed_count > unknown
            else ""
        )
        + "。",
    ]
    if binding:
        parts = [
            f"{STATUS_LABELS.get(status, '未绑定')}{len(items)}项（{_names(items, 3)}）"
            for status in ("warning", "lagging", "normal", "achieved", "unknown", "unbound")
            if (items := [p for p in binding if p.status == status])
        ]
        overall.append(f"约束性指标{len(binding)}项中，" + "，".join(parts) + "。")
    overall.append(
        f"重点任务{work.task_count}项，"
        + "、".join(f"{label}{n}项" for label, n in work.tasks_by_status.items() if n)
        + (
            f"；重大项目{work.project_count}个，已报告进展{work.projects_reported}个"
            if work.project_count
            else ""
        )
        + (
            f"，平均形象进度{work.average_progress}%，累计完成投资{work.spent_text}万元"
            if work.average_progress is not None
            else ""
        )
        + "。"
    )
    if kind == "midterm":
        likely = [p for p in monitored if p.status in ("achieved", "normal")]
        overall.append(
            f"中期评估：截至{year}年，规划时间进度{percent(elapsed)}。按线性趋势预测，{len(likely)}项指标预计可在"
            f"{plan.period_end}年达到目标，{len(lagging) + len(warning)}项需调整措施，"
            f"{unassessed_count}项因数据不足暂无法预测。"
        )

    # 二、主要成效
    results = []
    if achieved:
        results.append(f"（一）已达到规划目标的指标{len(achieved)}项。")
        results += [_achievement(k, p) for k, p in enumerate(achieved, start=1)]
    if normal:
        results.append(f"（{'二' if achieved else '一'}）进度正常的指标{len(normal)}项。")
        results += [_on_track(k, p) for k, p in enumerate(normal, start=1)]
    if not results:
        results.append(f"{year}年监测的指标中尚无达到规划目标或进度正常的指标。")
    if done:
        results.append(
            f"重点任务已完成{done}项，占全部{work.task_count}项的{percent(Decimal(done) / work.task_count)}。"
        )

    # 三、存在问题
    problems = []
    headings = []
    if warning:
        headings.append(
            (f"预警指标{len(warning)}项。", [_problem(k, p) for k, p in enumerate(warning, start=1)])
        )
    if lagging:
        headings.append(
            (f"滞后指标{len(lagging)}项。", [_problem(k, p) for k, p in enumerate(lagging, start=1)])
        )
    if gaps:
        headings.append(
            (
                f"无法评估完成进度的指标{len(gaps)}项。",
                [
                    f"{k}．{g.item.row.name}：{g.reason}。处理办法：{g.remedy}。"
                    for k, g in enumerate(gaps, start=1)
                ],
            )
        )
    for k, (heading, lines) in enumerate(headings, start=1):
        problems.append(f"（{_ordinal(k)}）{heading}")
        problems += lines
    if not problems:
        problems.append(f"{year}年监测的指标均已达标或进度正常，未发现滞后、预警指标。")

    # 四、下一步工作
    steps = []
    if warning:
        escalated = [p for p in warning if p.is_binding]
        steps.append(
            f"集中力量推进预警指标。针对{_names(warning)}"
            + (f"（其中约束性指标{len(escalated)}项）" if escalated else "")
            + "，逐项分析原因，制定整改措施，明确责任单位和完成时限，"
            + (
                f"确保{plan.period_end}年实现规划目标。"
                if year < plan.period_end
                else "尽快补齐差距，并在规划终期评估中说明未完成的原因。"
            )
        )
    if lagging:
        steps.append(f"加快滞后指标进度。对{_names(lagging)}，加大工作力度，尽快缩小与时间进度的差距。")
    if gaps:
        steps.append("补齐监测数据。" + "；".join(_fix_groups(gaps)) + "，使全部主要指标纳入年度监测。")
    if achieved:
        steps.append(f"巩固已达标成果。{_names(achieved)}已达到规划目标，保持工作力度，防止出现回落。")
    open_tasks = work.task_count - done
    if open_tasks or work.project_count > work.projects_reported:
        parts = [f"尚有{open_tasks}项重点任务未完成"] if open_tasks else []
        if work.project_count > work.projects_reported:
            parts.append(f"{work.project_count - work.projects_reported}个重大项目未报告进展")
        steps.append(
            "推进重点任务和重大项目。" + "，".join(parts) + "，各责任单位要按季度报告进展并上传佐证材料。"
        )
    if year < plan.period_end:
        steps.append(
            f"做好{year + 1}年监测。按季度更新填报数据，年底前完成审核，{year + 1}年继续开展年度监测分析。"
            if kind == "annual"
            else "用好中期评估结果。对预计难以如期完成的指标研究调整措施，必要时按程序提出规划目标调整建议。"
        )
    else:
        steps.append("做好规划终期评估，总结规划实施经验，做好与下一个五年规划的衔接。")
    sections = [
        Section("一、总体情况", overall),
        Section("二、主要成效", results),
        Section("三、存在问题", problems),
        Section("四、下一步工作", [f"（{_ordinal(k)}）{text}" for k, text in enumerate(steps, start=1)]),
    ]
    return sections


def build_plan_report(
    plan: Plan, year: int, kind: str, within: str = "", stage: Callable[[str], None] | None = None
) -> PlanReport:
    """The report's content; ``within`` limits the subordinate divisions compared to the reader's;
    ``stage`` is told each of ``BUILD_STAGES`` as the work reaches it."""
    stage = stage or (lambda name: None)
    stage(BUILD_STAGES[0])
    rows = plan_rows(plan)
    book = plan_book(plan, rows, year)
    progress = plan_progress(plan, year, book=book, rows=rows)  # the cockpit's figures and baselines
    gaps = unassessed(progress, year)
    region = division_name(plan.division_code)
    title = f"《{plan.title}》{year}年{KINDS[kind]}" if kind == "annual" else f"《{plan.title}》{KINDS[kind]}"
    monitored = [p for p in progress if p.binding is not None]
    binding_items = [p for p in monitored if p.is_binding]
    sections = _summary(plan, year, kind, progress, gaps, work_summary(plan))
    headers = ["序号", "指标名称", "单位", "属性", "基期值", "目标值", f"{year}年实际",
               f"{plan.period_end}年预测", "完成进度", "状态"]  # fmt: skip
    indicator_rows = [
        [
            str(p.row.no or k), p.row.name, p.row.unit, p.row.attribute or "—",
            number(p.baseline_value, p.decimals), _target(p),
            number(p.actual.value if p.actual else None, p.decimals), number(p.projected, p.decimals),
            percent(p.progress.completion if p.progress else None), p.status_label,
        ]
        for k, p in enumerate(progress, start=1)
    ]  # fmt: skip
    tables = [Table("主要指标监测情况", headers, indicator_rows, [10, 52, 14, 14, 16, 18, 18, 18, 14, 16])]
    stage(BUILD_STAGES[1])
    report_charts = [
        Chart(
            f"{region}主要指标完成进度（{year}年）",
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
    tables.append(Table("指标历年数据", ["指标名称", "单位", *[f"{y}年" for y in trend_years]], trend_rows))
    if gaps:
        tables.append(
            Table(
                "无法评估指标的原因和处理办法",
                ["序号", "指标名称", "原因", "处理办法"],
                [[str(k), g.item.row.name, g.reason, g.remedy] for k, g in enumerate(gaps, start=1)],
                [10, 44, 62, 70],
            )
        )
    stage(BUILD_STAGES[2])
    # Every bound indicator × every subordinate division the reader may see (the .xlsx sheet); the midterm
    # report prints the 约束性 ones (or the first three) as tables and charts.
    rules: dict = {}  # each division's status rule, read once for all indicators
    compared = [(p, division_comparison(p.row, year, within, book=book, thresholds=rules)) for p in monitored]
    comparison_rows = [
        [p.row.name, p.binding.definition.code, p.row.unit, d.name, d.division_code,
         rounded(d.figure.value, p.decimals), _comparison(p), rounded(p.binding.target_value, p.decimals),
         rounded(d.progress.completion, 3) if d.progress and d.progress.completion is not None else None,
         d.status_label, _division_note(d)]
        for p, divisions in compared for d in divisions
    ]  # fmt: skip
    if kind == "midterm":
        chosen = {id(p) for p in (binding_items or monitored[:3])}
        for p, divisions in compared:
            if id(p) not in chosen or not divisions:
                continue
            tables.append(
                Table(
                    f"下级区划比较：{p.row.name}（{p.row.unit}）",
                    ["区划", f"{year}年", "目标值", "完成进度", "状态"],
                    [
                        [d.name, number(d.figure.value, p.decimals), _target(p),
                         percent(d.progress.completion if d.progress else None), d.status_label]
                        for d in divisions
                    ],
                )
            )  # fmt: skip
            report_charts.append(
                Chart(
                    f"{p.row.name}下级区划比较（{year}年）",
                    charts.division_bars(
                        p.row.name, [(d.name, d.figure.value) for d in divisions], p.row.unit, p.decimals
                    ),
                )
            )
    report_charts = [Chart(f"图{k}　{c.title}", c.png) for k, c in enumerate(report_charts, start=1)]
    stage(BUILD_STAGES[3])
    tables.append(_tasks_table(plan))
    tables.append(_projects_table(plan))
    tables = [
        Table(f"附表{k}　{t.title}", t.headers, t.rows, t.widths) for k, t in enumerate(tables, start=1)
    ]
    figures = [
        Sheet("主要指标", ["序号", "指标名称", "单位", "属性", "指标编码", "基期年份", "基期值", "基期值来源", "目标比较",
                           "目标值", f"{year}年实际", "分子", "分母", f"{plan.period_end}年预测", "完成进度",
                           "时间进度", "状态", "说明"],
              [_figure_row(k, p) for k, p in enumerate(progress, start=1)], column_widths=(6, 40, 10, 8, 36)),
        Sheet("历年数据", ["指标名称", "指标编码", "年份", "数值"],
              [[p.row.name, p.binding.definition.code, y, rounded(v, p.decimals)] for p in monitored for y, v, _ in p.trend],
              column_widths=(40, 36, 8, 14)),
        Sheet("下级区划比较", ["指标名称", "指标编码", "单位", "区划", "区划代码", f"{year}年实际", "目标比较", "目标值",
                               "完成进度", "状态", "说明"],
              comparison_rows, column_widths=(40, 36, 8, 16, 14, 12, 8, 12, 10, 10, 40), text_columns=(4,)),
        Sheet("无法评估指标", ["序号", "指标名称", "原因", "处理办法"],
              [[k, g.item.row.name, g.reason, g.remedy] for k, g in enumerate(gaps, start=1)],
              column_widths=(6, 40, 60, 70)),
        Sheet("重点任务", tables[-2].headers, tables[-2].rows),
        Sheet("重大项目", tables[-1].headers, tables[-1].rows),
    ]  # fmt: skip
    facts = [("规划", plan.title), ("区划", region), ("规划期", plan.period), ("监测年度", f"{year}年")]
    return PlanReport(kind, title, f"{region}民政局", facts, sections, tables, report_charts, figures)


def _division_note(d) -> str:
    note = d.progress.reason if d.progress else ""
    if d.figure is not None and d.figure.note:
        note = f"{note}；{d.figure.note}" if note else d.figure.note
    return note


def _figure_row(k, p) -> list:
    b, a, d = p.binding, p.actual, p.decimals
    return [
        p.row.no or k, p.row.name, p.row.unit, p.row.attribute, b.definition.code if b else "",
        p.baseline_year, rounded(p.baseline_value, d), p.baseline_basis, _comparison(p),
        rounded(b.target_value, d) if b else None, rounded(a.value, d) if a else None,
        _float(a.numerator) if a else None, _float(a.denominator) if a else None, rounded(p.projected, d),
        rounded(p.progress.completion, 3) if p.progress and p.progress.completion is not None else None,
        rounded(p.progress.elapsed, 3) if p.progress else None, p.status_label,
        (p.progress.reason if p.progress else "") + ("；" + a.note if a and a.note else ""),
    ]  # fmt: skip


def _float(value: Decimal | None):
    return None if value is None else float(value)


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
        f"重点任务落实情况（共{len(tasks)}项，已完成{done}项）",
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
        "重大项目推进情况", ["序号", "项目", "地点", "计划投资", "状态", "形象进度", "累计完成投资"], rows
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
    for part in report.sections:
        document.add_heading(part.heading, level=1)
        for text in part.paragraphs:
            document.add_paragraph(text)
    if report.charts:
        document.add_heading("附图", level=1)
    for chart in report.charts:
        # The caption stays on the figure's page: keep-with-next on the caption, the picture kept whole.
        caption = document.add_paragraph(chart.title, style="Caption")
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.keep_together = True
        document.add_picture(io.BytesIO(chart.png), width=Cm(16.5))
        document.paragraphs[-1].paragraph_format.keep_together = True
    for table in report.tables:
        document.add_heading(table.title, level=2)
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


_CAPTION_HEIGHT = 10  # mm: ``section``'s 2 mm gap and 8 mm line


def to_pdf(report: PlanReport) -> bytes:
    document = ChineseDocument(bureau=report.bureau, title=report.title)
    document.fields(report.facts)
    for part in report.sections:
        document.section(part.heading)
        for text in part.paragraphs:
            document.paragraph(text)
    for k, chart in enumerate(report.charts):
        with Image.open(io.BytesIO(chart.png)) as image:
            height = document.epw * image.height / image.width
        heading = _CAPTION_HEIGHT if k == 0 else 0  # 附图 stays with the first figure too
        if document.will_page_break(heading + _CAPTION_HEIGHT + height):
            document.add_page()  # never a caption at the foot of one page and its figure on the next
        if k == 0:
            document.section("附图")
        document.section(chart.title)
        document.image(io.BytesIO(chart.png), w=document.epw)
    for table in report.tables:
        document.section(table.title)
        document.table(table.headers, table.rows, table.widths)
    return document.to_bytes()


def to_xlsx(report: PlanReport) -> bytes:
    return write_workbook(report.figures)
