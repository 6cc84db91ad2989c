"""项目 rules: late and under-executing flags, and the performance self-assessment.

Self-assessment (财预〔2020〕10号《项目支出绩效评价管理办法》, as summarised in domain-rules-2 §8.1 ◐): weights
预算执行率 10, 产出 50, 效益 30, 满意度 10 by default — passed in as data (``SELF_ASSESSMENT_WEIGHTS``), never
literals in the score; grade bands 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (✘ unverified, data too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

#: 一级指标 → weight (分); the 预算执行率 part scores the execution rate itself
SELF_ASSESSMENT_WEIGHTS: dict[str, Decimal] = {
    "预算执行率": Decimal(10),
    "产出指标": Decimal(50),
    "效益指标": Decimal(30),
    "满意度指标": Decimal(10),
}
GRADE_BANDS: tuple[tuple[Decimal, str], ...] = (
    (Decimal(90), "优"),
    (Decimal(80), "良"),
    (Decimal(60), "中"),
    (Decimal(0), "差"),
)


@dataclass(frozen=True)
class ProjectFlags:
    late: bool
    under_executing: bool


def elapsed_share(starts_on: date, ends_on: date, on: date) -> Decimal:
    """The share of the project's period gone by on ``on`` (0–1)."""
    total = (ends_on - starts_on).days
    if total <= 0 or on >= ends_on:
        return Decimal(1)
    if on <= starts_on:
        return Decimal(0)
    return Decimal((on - starts_on).days) / Decimal(total)


def project_flags(
    *,
    starts_on: date,
    ends_on: date,
    on: date,
    percent: int,
    budget: Decimal,
    spent: Decimal,
    tolerance: Decimal,
) -> ProjectFlags:
    """滞后: past its deadline and not complete; 执行偏慢: the spent share of the budget lags the elapsed share of
    the period by more than ``tolerance`` (e.g. 0.20)."""
    late = on > ends_on and percent < 100
    spent_share = spent / budget if budget > 0 else Decimal(1)
    return ProjectFlags(late, spent_share + tolerance < elapsed_share(starts_on, ends_on, on))


def indicator_score(target: Decimal | None, actual: Decimal | None) -> Decimal:
    """完成率 of one 三级指标, capped at 1 (a missing target or value scores 0)."""
    if not target or actual is None:
        return Decimal(0)
    return min(actual / target, Decimal(1))


def self_assessment(
    execution_rate: Decimal, completion_by_group: dict[str, list[Decimal]], weights: dict[str, Decimal]
) -> Decimal:
    """自评得分 = Σ weight × (mean completion of the group's 三级指标), the 预算执行率 group scored by the rate."""
    score = Decimal(0)
    for group, weight in weights.items():
        if group == "预算执行率":
            score += weight * min(execution_rate, Decimal(1))
            continue
        values = completion_by_group.get(group) or []
        if values:
            score += weight * (sum(values) / len(values))
    return score.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def grade(score: Decimal, bands: tuple[tuple[Decimal, str], ...] = GRADE_BANDS) -> str:
    for floor, name in bands:
        if score >= floor:
            return name
    return bands[-1][1]
