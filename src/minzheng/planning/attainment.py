"""目标达成 (attainment) reads: progress of each bound plan indicator for a division and year — actual against target,
the trend since the baseline year, a linear projection to the target year and the status from the dated
``StatusRule`` in force. Callers have already checked that the viewer may see the plan and division."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone

from minzheng.core.jurisdiction import covers, division_prefix, full_code
from minzheng.core.selectors.divisions import child_names

from .figures import Figure, FigureBook, monitoring_period, sources
from .indicator_rules import STATUS_LABELS, Progress, StatusThresholds, linear_projection, progress_status
from .models import EnteredValue, EntryStatus, IndicatorBinding, Plan, PlanIndicator, SourceKind, StatusRule

DEFAULT_THRESHOLDS = StatusThresholds(Decimal("0.9"), Decimal("0.6"))
STATUS_ORDER = ("warning", "lagging", "normal", "achieved", "unknown")


def thresholds_in_force(division_code: str, on: date) -> StatusThresholds:
    """The most specific division's latest rule effective on the day (national rule as the fallback)."""
    prefix = division_prefix(division_code)
    candidates = [full_code(prefix[:n]) for n in (0, 2, 4, 6, 9, 12) if n <= len(prefix)]
    rules = StatusRule.objects.filter(division_code__in=candidates, effective_from__lte=on)
    rule = max(rules, key=lambda r: (len(division_prefix(r.division_code)), r.effective_from), default=None)
    if rule is None:
        return DEFAULT_THRESHOLDS
    return StatusThresholds(
        rule.normal_ratio, rule.lagging_ratio, rule.use_projection, rule.binding_escalates
    )


def default_year(plan: Plan, today: date | None = None) -> int:
    today = today or timezone.localdate()
    return max(min(today.year, plan.period_end), plan.period_start)


@dataclass
class IndicatorProgress:
    row: PlanIndicator
    binding: IndicatorBinding | None
    division_code: str
    year: int
    actual: Figure | None = None
    trend: list[tuple[int, Decimal | None, str]] = field(default_factory=list)  # year, value, drilldown
    projected: Decimal | None = None
    progress: Progress | None = None
    baseline_value: Decimal | None = None  # 基期值: stated (binding), else the plan table's, else the figure
    baseline_year: int | None = None
    baseline_basis: str = ""

    @property
    def status(self) -> str:
        if self.binding is None:
            return "unbound"
        return self.progress.status if self.progress else "unknown"

    @property
    def status_label(self) -> str:
        return "未绑定" if self.status == "unbound" else STATUS_LABELS[self.status]

    @property
    def is_binding(self) -> bool:
        return self.row.is_binding

    @property
    def decimals(self) -> int:
        return self.binding.definition.decimals if self.binding else 2


def _years(row: PlanIndicator, binding: IndicatorBinding, year: int) -> range:
    return range(binding.baseline_year or row.baseline_year or row.plan.period_start - 1, year + 1)


def _baseline(row: PlanIndicator, binding: IndicatorBinding, trend) -> tuple[Decimal | None, int | None, str]:
    """基期值: the one set on the binding (stated in the plan or by hand), else the plan table's 基期值 column,
    else the figure of the baseline year itself (computed or entered) — a 2020 figure held in the platform
    is the baseline the plan measures from, so "无基期值" is said only when there is none at all."""
    first = row.plan.period_start - 1
    if binding.baseline_value is not None:
        return binding.baseline_value, binding.baseline_year or first, binding.baseline_basis
    if row.baseline_value is not None:
        return row.baseline_value, row.baseline_year or first, "规划指标表基期值"
    year = row.baseline_year or first
    value = next((v for y, v, _ in trend if y == year), None)
    if value is not None:
        return value, year, f"{year}年数据（规划未列基期值）"
    return None, None, ""


def indicator_progress(
    row: PlanIndicator,
    division_code: str,
    year: int,
    *,
    thresholds: StatusThresholds | None = None,
    book: FigureBook | None = None,
) -> IndicatorProgress:
    binding = getattr(row, "binding", None)
    result = IndicatorProgress(row, binding, division_code, year)
    if binding is None:
        return result
    book = book or FigureBook()
    definition = binding.definition
    periods = [monitoring_period(definition, each) for each in _years(row, binding, year)]
    book.load_series(definition, division_code, periods)
    for each, period in zip(_years(row, binding, year), periods, strict=True):
        found = book.figure(definition, division_code, period)
        result.trend.append((each, found.value, found.drilldown_url))
        if each == year:
            result.actual = found
    baseline, baseline_year, basis = _baseline(row, binding, result.trend)
    result.baseline_value, result.baseline_year, result.baseline_basis = baseline, baseline_year, basis
    points = [(y, v) for y, v, _ in result.trend if v is not None]
    if baseline is not None:
        points = [(baseline_year, baseline)] + [(y, v) for y, v in points if y != baseline_year]
    result.projected = linear_projection(points, binding.target_year)
    thresholds = thresholds or thresholds_in_force(division_code, date(year, 12, 31))
    result.progress = progress_status(
        actual=result.actual.value if result.actual else None,
        comparison=binding.target_comparison,
        target=binding.target_value,
        direction=definition.direction,
        baseline=baseline,
        baseline_year=baseline_year or row.plan.period_start - 1,
        target_year=binding.target_year,
        year=year,
        projected=result.projected,
        binding=row.is_binding,
        thresholds=thresholds,
    )
    return result


def plan_book(plan: Plan, rows: list[PlanIndicator], year: int) -> FigureBook:
    """One book for the page: every entered definition's entries inside the plan's division, for every year
    monitored, in one query (subordinate divisions' figures come from the same rows)."""
    book = FigureBook()
    definitions = [row.binding.definition for row in rows if getattr(row, "binding", None) is not None]
    first = min(
        [
            plan.period_start - 1,
            *(
                r.binding.baseline_year or r.baseline_year or year
                for r in rows
                if getattr(r, "binding", None)
            ),
        ]
    )
    periods = [monitoring_period(d, each) for d in definitions for each in range(first, year + 1)]
    book.load_entries(definitions, plan.division_code, periods)
    return book


def plan_rows(plan: Plan) -> list[PlanIndicator]:
    """Rows monitored: the indicator table, and bound text targets (Fuxin/Hunnan have no table), each
    definition once (辽宁's text repeats the table's 节地生态安葬率 as 新增骨灰…安葬率)."""
    rows = list(plan.indicators.order_by("order").select_related("binding__definition", "plan"))
    seen = {row.binding.definition_id for row in rows if row.source == "table" and hasattr(row, "binding")}
    monitored = []
    for row in rows:
        if row.source == "table":
            monitored.append(row)
        elif hasattr(row, "binding") and row.binding.definition_id not in seen:
            # The text may state one target twice (阜新: 推动护理型床位占比…, 全市养老机构护理型床位占比…).
            seen.add(row.binding.definition_id)
            monitored.append(row)
    return monitored


def plan_progress(
    plan: Plan,
    year: int,
    division_code: str | None = None,
    *,
    book: FigureBook | None = None,
    rows: list[PlanIndicator] | None = None,
) -> list[IndicatorProgress]:
    division_code = division_code or plan.division_code
    thresholds = thresholds_in_force(division_code, date(year, 12, 31))
    rows = plan_rows(plan) if rows is None else rows
    book = book or plan_book(plan, rows, year)
    return [indicator_progress(row, division_code, year, thresholds=thresholds, book=book) for row in rows]


def status_counts(progress: list[IndicatorProgress]) -> dict[str, int]:
    counts = dict.fromkeys([*STATUS_ORDER, "unbound"], 0)
    for item in progress:
        counts[item.status] += 1
    return counts


@dataclass(frozen=True)
class DivisionFigure:
    division_code: str
    name: str
    figure: Figure
    status: str
    status_label: str
    progress: Progress | None = None  # completion and reason against the plan's target


def division_comparison(
    row: PlanIndicator,
    year: int,
    within: str = "",
    *,
    book: FigureBook | None = None,
    thresholds: dict[str, StatusThresholds] | None = None,
) -> list[DivisionFigure]:
    """The plan's subordinate divisions side by side for one indicator (against this plan's target); only
    those inside ``within`` (the viewer's division: a county user sees no other county's figures). Pass the
    plan's book (``plan_book``) and one ``thresholds`` dict (filled per division as met) when comparing several
    indicators: entered figures and status rules then need no further query."""
    binding = getattr(row, "binding", None)
    if binding is None:
        return []
    book = book or plan_book(row.plan, [row], year)
    found = []
    children = {
        code: name
        for code, name in child_names(row.plan.division_code).items()
        if not within or covers(within, code)
    }
    # Each division's trend costs one compute_series call; its year's figures for all divisions come first in
    # one compute_divisions call where the source offers it.
    book.load_divisions(binding.definition, list(children), monitoring_period(binding.definition, year))
    rules = {} if thresholds is None else thresholds
    for code, name in sorted(children.items()):
        if code not in rules:
            rules[code] = thresholds_in_force(code, date(year, 12, 31))
        item = indicator_progress(row, code, year, book=book, thresholds=rules[code])
        found.append(DivisionFigure(code, name, item.actual, item.status, item.status_label, item.progress))
    return found


@dataclass(frozen=True)
class ComparisonRow:
    item: IndicatorProgress
    cells: list[tuple[str, Figure]]  # (division code, figure) in the order of the columns


def binding_matrix(
    progress: list[IndicatorProgress], divisions: dict[str, str], year: int, *, book: FigureBook | None = None
) -> list[ComparisonRow]:
    """约束性 indicators × subordinate divisions for the cockpit: each division's figure for the year (one
    figure per cell; the drill-down page adds trend and status). Pass the cockpit's book: entered cells
    then need no query."""
    book = book or FigureBook()
    rows = []
    for item in progress:
        if not item.is_binding or item.binding is None:
            continue
        definition = item.binding.definition
        period = monitoring_period(definition, year)
        book.load_divisions(definition, list(divisions), period)
        cells = [(code, book.figure(definition, code, period)) for code in divisions]
        rows.append(ComparisonRow(item, cells))
    return rows


@dataclass(frozen=True)
class Unassessed:
    """Why an indicator's completion cannot be assessed (the report's 无法评估 bar) and how to fix it."""

    item: IndicatorProgress
    kind: str  # unbound | target | source | business | formula | pending | no_entry | baseline
    reason: str
    remedy: str


def is_unassessed(item: IndicatorProgress) -> bool:
    """No completion to draw: unbound, 无法评估, or short of its target with no baseline to measure from."""
    if item.status in ("unbound", "unknown"):
        return True
    return item.status != "achieved" and (item.progress is None or item.progress.completion is None)


def unassessed(progress: list[IndicatorProgress], year: int) -> list[Unassessed]:
    """Each indicator the report cannot assess, with the cause read from its binding, source and figures, and
    the page where it is fixed. One query for the entries awaiting review."""
    items = [item for item in progress if is_unassessed(item)]
    entered = {
        item.binding.definition_id: monitoring_period(item.binding.definition, year).key
        for item in items
        if item.binding is not None and item.binding.definition.source_kind == SourceKind.ENTERED
    }
    pending: dict[int, int] = {}
    if entered:
        prefix = division_prefix(items[0].division_code)
        for definition_id, period in EnteredValue.objects.filter(
            definition_id__in=entered,
            status=EntryStatus.SUBMITTED,
            division_code__startswith=prefix,
        ).values_list("definition_id", "period"):
            if entered[definition_id] == period:
                pending[definition_id] = pending.get(definition_id, 0) + 1
    available = set(sources())
    return [Unassessed(item, *_cause(item, year, pending, available)) for item in items]


def _cause(
    item: IndicatorProgress, year: int, pending: dict[int, int], available: set[str]
) -> tuple[str, str, str]:
    row, binding = item.row, item.binding
    if binding is None:
        return (
            "unbound",
            "未绑定指标定义，平台不知道该指标的数据从何而来",
            "在“规划详情—主要指标”页点击该指标的“绑定指标定义”，选择指标定义并设定目标值",
        )
    definition = binding.definition
    if binding.target_value is None or not binding.target_comparison:
        stated = f"（规划表述为“{row.target}”）" if row.target else ""
        return (
            "target",
            f"规划目标未量化{stated}，无法与实际值比较",
            "在“指标绑定”页设定目标比较方式和目标数值（如上级规划或年度计划给出的数值）",
        )
    if item.actual is None or item.actual.value is None:
        note = item.actual.note if item.actual else ""
        if definition.source_kind == SourceKind.COMPUTED:
            if definition.source_code not in available:
                return (
                    "source",
                    f"数据来源未接入：计算来源“{definition.name}”尚未在平台上线",
                    "在“指标定义”页将该指标的来源改为“填报”，由各地按年度填报；或待相关业务模块上线后自动计算",
                )
            detail = f"（{note}）" if note else ""
            return (
                "business",
                f"业务系统中没有可用于计算{year}年数值的数据{detail}",
                f"在相关业务模块中补录{year}年的业务数据（如机构、床位、标准等）后重新生成报告",
            )
        if definition.source_kind == SourceKind.FORMULA:
            return (
                "formula",
                f"计算公式引用的指标缺少{year}年数据（{note or '无数据'}）",
                "先补齐被引用指标的数据（“指标填报”页），公式指标随之得出",
            )
        waiting = pending.get(definition.pk, 0)
        if waiting:
            return (
                "pending",
                f"{year}年已有{waiting}条填报数据，尚未审核",
                f"在“指标填报”页审核{year}年的待审核数据，审核通过后计入监测",
            )
        return (
            "no_entry",
            f"无{year}年数据：该指标由各地填报，本区划及下级区划均未填报（或未通过审核）",
            f"组织本级及下级区划在“指标填报”页填报{year}年数据并提交审核",
        )
    if item.baseline_value is not None:  # the baseline equals the target: nothing to measure progress by
        return (
            "baseline",
            "基期值与目标值相同，无法计算完成进度",
            "在“指标绑定”页核对基期值和目标值",
        )
    return (
        "baseline",
        "无基期值：规划未列基期值，平台也没有基期年份的数据，无法计算完成进度",
        "在“指标绑定”页填写基期值和基期年份，或在“指标填报”页补录基期年份的数据",
    )
