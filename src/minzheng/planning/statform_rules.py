"""Pure rules of the 民政统计报表 forms: how 环比 is computed and how values print (reference:
stat-forms.md §3). No Django."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# 万元 amounts print with 1 decimal; counts (个/人/户/张/件/对/具/人次) as integers.
_DECIMALS = {"万元": 1, "亿元": 2, "元/人·月": 2, "元/人·年": 2, "元/人/月": 2, "元/人/年": 2, "%": 2}


def printed_decimals(unit: str) -> int:
    return _DECIMALS.get(unit, 0)


def rounded(value: Decimal | None, unit: str) -> Decimal | None:
    """The value as the form prints it (half-up; no published value fell on a tie)."""
    if value is None:
        return None
    return value.quantize(Decimal(1).scaleb(-printed_decimals(unit)), rounding=ROUND_HALF_UP)


def ring_ratio(current: Decimal | None, previous: Decimal | None, unit: str) -> Decimal | None:
    """环比 = (数量 − 上期) ÷ 上期 × 100, two decimals, worked from the printed (rounded) values.

    Blank (None) when 上期 is blank or 0, and when 数量 equals 上期 (a zero change prints blank, like every
    zero). 数量 blank with 上期 non-zero never occurs in the published forms; it is left blank too."""
    current, previous = rounded(current, unit), rounded(previous, unit)
    if current is None or previous is None or previous == 0 or current == previous:
        return None
    return ((current - previous) / previous * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_value(value: Decimal | None, unit: str) -> str:
    """Thousands separators; blank for zero or no data, as the forms print them."""
    shown = rounded(value, unit)
    if shown is None or shown == 0:
        return ""
    return f"{shown:,.{printed_decimals(unit)}f}"


def format_ratio(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


# ---- 表内审核 (stat-forms.md §7): the form's arithmetic relations as data ----

ERROR, CHECK = "error", "check"  # 强制性审核 (blocks 上报) / 核实性审核 (上报 with a 审核说明)
EQUALS, AT_LEAST, IF_POSITIVE = "=", ">=", "if_positive"


@dataclass(frozen=True)
class AuditRule:
    """One 表内审核 relation between rows (rows named by their label as printed on the form).

    ``EQUALS``: the row equals the sum of ``right`` (合计 rows, §7); ``AT_LEAST``: the row is never smaller
    than the sum of ``right`` (其中 parts; persons ≥ households); ``IF_POSITIVE``: when any ``right`` row holds
    a value, the row must too. ``wording`` is the relation as the form states it."""

    left: str
    relation: str
    right: tuple[str, ...]
    severity: str = ERROR
    wording: str = ""

    @property
    def text(self) -> str:
        if self.wording:
            return self.wording
        joined = "＋".join(self.right)
        if self.relation == EQUALS:
            return f"{self.left}＝{joined}"
        if self.relation == AT_LEAST:
            return f"{self.left}≥{joined}"
        return f"{joined}有数时，{self.left}应有数"


@dataclass(frozen=True)
class AuditFinding:
    rule: AuditRule
    message: str

    @property
    def blocking(self) -> bool:
        return self.rule.severity == ERROR


def _shown(value: Decimal | None, unit: str) -> str:
    return format_value(value, unit) or "0"


def audit(
    rules: list[AuditRule], values: dict[str, Decimal | None], units: dict[str, str]
) -> list[AuditFinding]:
    """Run 表内审核 on a filled form: ``values`` by row label (None = blank). A relation whose rows are all
    blank is not checked (nothing reported); blank parts count as 0 once any part is filled."""
    findings = []
    for rule in rules:
        left = values.get(rule.left)
        parts = [values.get(label) for label in rule.right]
        known = [part for part in parts if part is not None]
        unit = units.get(rule.left, "")
        kind = "强制性审核" if rule.severity == ERROR else "核实性审核"
        total = sum(known, Decimal(0))
        if rule.relation == IF_POSITIVE:
            if total > 0 and not left:
                findings.append(AuditFinding(rule, f"{kind}：{rule.text}（“{rule.left}”为空）"))
            continue
        if not known or left is None:
            if left is None and known and total != 0 and rule.relation == EQUALS:
                findings.append(
                    AuditFinding(rule, f"{kind}：{rule.text}（本行为空，各项之和为{_shown(total, unit)}）")
                )
            continue
        broken = left != total if rule.relation == EQUALS else left < total
        if broken:
            what = "各项之和" if len(rule.right) > 1 else f"“{rule.right[0]}”"
            findings.append(
                AuditFinding(
                    rule,
                    f"{kind}：{rule.text}（本行{_shown(left, unit)}，{what}{_shown(total, unit)}）",
                )
            )
    return findings


# ---- Column layouts (stat-forms.md §3) ----

_CN_MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
RING, YEAR_ON_YEAR = "ring", "yoy"


@dataclass(frozen=True)
class Column:
    key: str  # value / previous / ratio / last_month / year_ago / yoy
    head: str


def month_column_name(month: int) -> str:
    """The comparison column of a form filled monthly is named after the previous month (S1: 九月份)."""
    return f"{_CN_MONTHS[month - 1]}月份"


def layout(
    *,
    form_period_type: str,
    period_type: str,
    previous_label: str,
    last_month: bool,
    previous_month: int,
    compare: str = RING,
) -> list[Column]:
    """The value columns after 指标名称 · 单位 · 代码, numbered 1, 2, 3 … on the form:

    - 同比 (S2): 数量 · 上年数据 · 同比;
    - a quarterly form filled for a month (湖南, S1): 数量 · <上月>份 · 环比;
    - a quarterly form with the 上月 column (2019–2023, S3–S5): 数量 · 上季度 · 环比 · 上月;
    - otherwise: 数量 · 上季度/上期 · 环比."""
    if compare == YEAR_ON_YEAR:
        return [Column("value", "数量"), Column("year_ago", "上年数据"), Column("yoy", "同比")]
    if form_period_type == "quarter" and period_type == "month":
        return [
            Column("value", "数量"),
            Column("previous", month_column_name(previous_month)),
            Column("ratio", "环比"),
        ]
    columns = [Column("value", "数量"), Column("previous", previous_label), Column("ratio", "环比")]
    if last_month and period_type == "quarter":
        columns.append(Column("last_month", "上月"))
    return columns
