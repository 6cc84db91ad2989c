"""Pure rules of indicator monitoring: formulas, validation of entered values, aggregation, linear projection
and the progress status (达标 / 进度正常 / 滞后 / 预警). No Django; thresholds come in as arguments from the
dated ``StatusRule`` records.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, DivisionByZero, InvalidOperation

# ---------------------------------------------------------------------------------------------- formulas

_REFERENCE = re.compile(r"\{([a-z0-9_.]+)\}")


class FormulaError(ValueError):
    """A formula that is not arithmetic over {indicator.code} references."""


def formula_references(expression: str) -> list[str]:
    """The indicator codes a formula refers to, in order of first appearance."""
    return list(dict.fromkeys(_REFERENCE.findall(expression or "")))


def check_formula(expression: str) -> list[str]:
    """Parse a formula (+ − × ÷, brackets, numbers, {code}); its references, or ``FormulaError``."""
    _parse(expression)
    return formula_references(expression)


def _parse(expression: str) -> ast.Expression:
    names = {code: f"_v{k}" for k, code in enumerate(formula_references(expression))}
    python = _REFERENCE.sub(lambda m: names[m.group(1)], expression or "")
    try:
        tree = ast.parse(python, mode="eval")
    except SyntaxError:
        raise FormulaError("公式无法解析，只能包含数字、{指标编码}、+ - * / 和括号") from None
    for node in ast.walk(tree):
        if not isinstance(
            node, ast.Expression | ast.BinOp | ast.UnaryOp | ast.Constant | ast.Name | ast.Load | ast.operator
        ) and not isinstance(node, ast.unaryop):
            raise FormulaError("公式只能包含数字、{指标编码}、+ - * / 和括号")
        if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
            raise FormulaError("公式只能使用 + - * /")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
            raise FormulaError("公式中的常数必须是数字")
    if not formula_references(expression):
        raise FormulaError("公式至少要引用一个指标，如 {eldercare.nursing_beds}")
    return tree


def evaluate_formula(expression: str, values: Mapping[str, Decimal | None]) -> Decimal | None:
    """The formula's value; None when a referenced value is missing or a denominator is 0."""
    tree = _parse(expression)
    names = {f"_v{k}": code for k, code in enumerate(formula_references(expression))}

    def walk(node) -> Decimal | None:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant):
            return Decimal(str(node.value))
        if isinstance(node, ast.Name):
            return values.get(names[node.id])
        if isinstance(node, ast.UnaryOp):
            inner = walk(node.operand)
            return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
        left, right = walk(node.left), walk(node.right)
        if left is None or right is None:
            return None
        operations: dict[type, Callable[[Decimal, Decimal], Decimal]] = {
            ast.Add: lambda a, b: a + b,
            ast.Sub: lambda a, b: a - b,
            ast.Mult: lambda a, b: a * b,
            ast.Div: lambda a, b: a / b,
        }
        try:
            return operations[type(node.op)](left, right)
        except (DivisionByZero, InvalidOperation):
            return None

    return walk(tree)


# ------------------------------------------------------------------------------------- entered values


@dataclass(frozen=True)
class EntryRules:
    """A definition's validation rules for entered values."""

    value_type: str = "decimal"  # "integer" | "decimal"
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    change_comment_percent: Decimal | None = None
    needs_fraction: bool = False  # ratio indicators are entered as numerator and denominator
    factor: Decimal = Decimal(1)


@dataclass(frozen=True)
class CheckedEntry:
    value: Decimal
    numerator: Decimal | None
    denominator: Decimal | None


class EntryRejected(ValueError):
    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.message, self.field = message, field


def check_entry(
    rules: EntryRules,
    *,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    comment: str,
    previous: Decimal | None,
) -> CheckedEntry:
    """Validate an entered value: ratio indicators from numerator/denominator, range, integer type, and a
    comment required when the change against the previous period exceeds the definition's threshold."""
    if rules.needs_fraction:
        if numerator is None or denominator is None:
            raise EntryRejected("该指标按分子、分母填报，请填写分子和分母", "numerator")
        if numerator < 0 or denominator <= 0:
            raise EntryRejected("分子不能为负数，分母必须大于0", "denominator")
        value = numerator / denominator * rules.factor
    if value is None:
        raise EntryRejected("请填写数值", "value")
    if rules.value_type == "integer" and value != value.to_integral_value():
        raise EntryRejected("该指标只能填写整数", "value")
    if rules.min_value is not None and value < rules.min_value:
        raise EntryRejected(f"数值不能小于 {rules.min_value.normalize():f}", "value")
    if rules.max_value is not None and value > rules.max_value:
        raise EntryRejected(f"数值不能大于 {rules.max_value.normalize():f}", "value")
    change = percent_change(value, previous)
    if (
        rules.change_comment_percent is not None
        and change is not None
        and abs(change) > rules.change_comment_percent
        and not comment.strip()
    ):
        raise EntryRejected(
            f"与上期相比变动 {change:.2f}%，超过 {rules.change_comment_percent.normalize():f}%，请填写变动原因",
            "comment",
        )
    return CheckedEntry(value, numerator, denominator)


def percent_change(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) / abs(previous) * 100


def aggregate(
    aggregation: str, rows: Sequence[tuple[Decimal, Decimal | None, Decimal | None]], factor: Decimal
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, numerator, denominator) of a division from its divisions' (value, numerator, denominator).

    Ratios are re-computed from summed numerators and denominators (never an average of percentages)."""
    if not rows:
        return None, None, None
    if aggregation == "ratio":
        parts = [(n, d) for _, n, d in rows if n is not None and d is not None]
        if not parts:
            return None, None, None
        numerator, denominator = sum(n for n, _ in parts), sum(d for _, d in parts)
        return (numerator / denominator * factor if denominator else None), numerator, denominator
    values = [value for value, _, _ in rows]
    if aggregation == "average":
        return sum(values) / len(values), None, None
    return sum(values), None, None


# -------------------------------------------------------------------------------- projection and status


def linear_projection(points: Sequence[tuple[int, Decimal]], year: int) -> Decimal | None:
    """Least-squares line through (year, value) points, read at ``year``; None with fewer than 2 years."""
    if len({x for x, _ in points}) < 2:
        return None
    n = Decimal(len(points))
    mean_x = sum(Decimal(x) for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((Decimal(x) - mean_x) ** 2 for x, _ in points)
    sxy = sum((Decimal(x) - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return mean_y + slope * (Decimal(year) - mean_x)


def meets_target(actual: Decimal, comparison: str, target: Decimal, direction: str) -> bool:
    """Whether a value satisfies a plan's target: ≥ / > / ≤ / < as printed; '=' (a bare figure) and '≈' read
    in the indicator's direction — reaching 100 of a higher-is-better indicator means ≥ 100."""
    if comparison == "≥":
        return actual >= target
    if comparison == ">":
        return actual > target
    if comparison == "≤":
        return actual <= target
    if comparison == "<":
        return actual < target
    if comparison == "≈":
        tolerance = abs(target) * Decimal("0.05")
        return actual >= target - tolerance if direction == "higher" else actual <= target + tolerance
    return actual >= target if direction == "higher" else actual <= target


@dataclass(frozen=True)
class StatusThresholds:
    normal_ratio: Decimal
    lagging_ratio: Decimal
    use_projection: bool = True
    binding_escalates: bool = True


@dataclass(frozen=True)
class Progress:
    status: str  # achieved | normal | lagging | warning | unknown
    completion: Decimal | None  # share of the way from baseline to target, 0–1 (may exceed 1)
    elapsed: Decimal  # share of the plan period gone
    reason: str


STATUS_LABELS = {
    "achieved": "达标",
    "normal": "进度正常",
    "lagging": "滞后",
    "warning": "预警",
    "unknown": "无法评估",
}


def progress_status(
    *,
    actual: Decimal | None,
    comparison: str,
    target: Decimal | None,
    direction: str,
    baseline: Decimal | None,
    baseline_year: int,
    target_year: int,
    year: int,
    projected: Decimal | None,
    binding: bool,
    thresholds: StatusThresholds,
) -> Progress:
    """达标 when the target is met; otherwise completion (actual − baseline) ÷ (target − baseline) against the
    time gone (year − baseline year) ÷ (target year − baseline year): ≥ normal_ratio × time → 进度正常 (also
    when the linear projection meets the target, if the rule says so), ≥ lagging_ratio × time → 滞后,
    else 预警; a 约束性 indicator that lags is 预警 when the rule escalates."""
    span = max(target_year - baseline_year, 1)
    elapsed = Decimal(min(max(year - baseline_year, 0), span)) / Decimal(span)
    if actual is None:
        return Progress("unknown", None, elapsed, "无本期数据")
    if target is None or not comparison:
        return Progress("unknown", None, elapsed, "目标未量化，请在指标绑定中设定目标值")
    if meets_target(actual, comparison, target, direction):
        return Progress("achieved", Decimal(1), elapsed, "已达到目标值")
    completion = None
    if baseline is not None and target != baseline:
        completion = (actual - baseline) / (target - baseline)
    if (
        thresholds.use_projection
        and projected is not None
        and meets_target(projected, comparison, target, direction)
    ):
        return Progress("normal", completion, elapsed, f"按线性趋势预计{target_year}年可达到目标")
    if completion is None:
        status, reason = "lagging", "未达到目标值（无基期值，无法计算完成进度）"
    elif completion >= elapsed * thresholds.normal_ratio:
        status, reason = "normal", "完成进度不低于时间进度"
    elif completion >= elapsed * thresholds.lagging_ratio:
        status, reason = "lagging", "完成进度落后于时间进度"
    else:
        status, reason = "warning", "完成进度明显落后于时间进度"
    if status == "lagging" and binding and thresholds.binding_escalates:
        status, reason = "warning", reason + "（约束性指标）"
    return Progress(status, completion, elapsed, reason)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------------------------------- precision

# How a unit's figures are printed (统计报表的惯例, stat-forms.md §3: 万元 1 decimal, 个/人/户/张/件/对/具
# integers): percentages with 1 decimal, money in 元 with 2, counts as whole numbers, anything else with 2.
COUNT_UNITS = frozenset(
    {"个", "人", "户", "张", "件", "对", "具", "家", "所", "处", "名", "座", "人次", "床"}
)
_UNIT_DECIMALS = {"%": 1, "‰": 1, "万元": 1, "亿元": 2}


def unit_decimals(unit: str, value_type: str = "decimal") -> int:
    """The decimals a new indicator definition prints with, from its unit (an integer value: 0)."""
    unit = (unit or "").strip()
    if value_type == "integer" or unit in COUNT_UNITS:
        return 0
    if unit in _UNIT_DECIMALS:
        return _UNIT_DECIMALS[unit]
    return 2  # 元, 元/人/月, 万人, 倍数, 平方米 …


def gap_unit(unit: str) -> str:
    """How a difference of two figures is named: percentages differ by 个百分点, a 倍数 by nothing."""
    return {"%": "个百分点", "倍数": "", "倍": ""}.get((unit or "").strip(), (unit or "").strip())
