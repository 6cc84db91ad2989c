"""老年人能力评估 per GB/T 42195-2022《老年人能力评估规范》: items, scoring and the capability level.

Structure (Appendix B of the standard, as public implementations reproduce it; the standard's text itself
was not re-read): 26 items in four parts — 自理能力 8 items (32 points), 基础运动能力 4 items (15),
精神状态 9 items (28), 感知觉与社会参与 5 items (15); total 0–90, higher is more capable.

Levels (表2): 能力完好 90; 轻度受损（轻度失能）66–89; 中度受损（中度失能）46–65; 重度受损（重度失能）
30–45; 完全丧失（完全失能）0–29.

附录C C.4 (能力等级变更): a person in a coma — the 昏迷 item of the health questions (A.5.11) — is 完全丧失
whatever the total; otherwise the level is raised one step (once, at most to 完全丧失) for a confirmed diagnosis
of dementia (ICD-10 F00–F03) or another psychiatric disease (F04–F99), or for 2 or more 照护风险事件 (跌倒、
走失、噎食、自杀、自伤) within the last 30 days. B.3.9 意识水平 = 0 (昏睡或昏迷) is an ordinary score, not an
override.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum
from fractions import Fraction

from .dates import add_months
from .errors import EldercareRuleError


class CapabilityLevel(IntEnum):
    """能力等级 (0 best … 4 worst), as the standard numbers them."""

    INTACT = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3
    TOTAL_LOSS = 4

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    CapabilityLevel.INTACT: "能力完好",
    CapabilityLevel.MILD: "能力轻度受损（轻度失能）",
    CapabilityLevel.MODERATE: "能力中度受损（中度失能）",
    CapabilityLevel.SEVERE: "能力重度受损（重度失能）",
    CapabilityLevel.TOTAL_LOSS: "能力完全丧失（完全失能）",
}

# Lowest total of each level (表2); a total below every bound is 完全丧失.
LEVEL_LOWER_BOUNDS = (
    (90, CapabilityLevel.INTACT),
    (66, CapabilityLevel.MILD),
    (46, CapabilityLevel.MODERATE),
    (30, CapabilityLevel.SEVERE),
    (0, CapabilityLevel.TOTAL_LOSS),
)


@dataclass(frozen=True)
class Item:
    """One assessment item: code (B.x.y), name, and the label of each score from the highest down."""

    code: str
    part: str
    name: str
    options: tuple[tuple[int, str], ...]

    @property
    def max_score(self) -> int:
        return max(score for score, _ in self.options)


@dataclass(frozen=True)
class Part:
    code: str
    name: str
    max_score: int


PARTS = (
    Part("self_care", "自理能力", 32),
    Part("motor", "基础运动能力", 15),
    Part("mental", "精神状态", 28),
    Part("perception", "感知觉与社会参与", 15),
)

_FOUR = "独立完成"
_ADL = (
    (4, _FOUR),
    (3, "需要他人指导或监护"),
    (2, "需要他人部分帮助"),
    (1, "需要他人大部分帮助"),
    (0, "完全依赖他人"),
)


@dataclass(frozen=True)
class ContinenceBand:
    """One scored frequency band of 小便控制 / 大便控制 (B.1.6, B.1.7): episodes of incontinence per week,
    from ``lower`` to ``upper``; the bands meet end to end and never overlap (0 points — 完全失禁 — is not a
    frequency but complete loss of control)."""

    score: int
    label: str
    lower: Fraction
    upper: Fraction | None
    lower_inclusive: bool = True
    upper_inclusive: bool = False

    def holds(self, per_week) -> bool:
        above = per_week > self.lower or (self.lower_inclusive and per_week == self.lower)
        below = (
            self.upper is None or per_week < self.upper or (self.upper_inclusive and per_week == self.upper)
        )
        return above and below


CONTINENCE_BANDS = (
    ContinenceBand(4, "可自行控制", Fraction(0), Fraction(0), upper_inclusive=True),
    ContinenceBand(
        3,
        "偶尔失禁（每周少于1次），或自行使用尿垫等辅助用品",
        Fraction(0),
        Fraction(1),
        lower_inclusive=False,
    ),
    ContinenceBand(2, "经常失禁（每周1次及以上，但每天少于1次）", Fraction(1), Fraction(7)),
    ContinenceBand(1, "大部分时间失禁（每天1次及以上，但尚未完全失控）", Fraction(7), None),
)
_CONTINENCE = (
    *((band.score, band.label) for band in CONTINENCE_BANDS),
    (0, "完全失禁，或留置导尿管、造瘘"),
)
_ORIENTATION = (
    (4, "定向完全正确"),
    (3, "偶有错误"),
    (2, "经常错误"),
    (1, "大部分错误"),
    (0, "无定向能力"),
)

ITEMS: tuple[Item, ...] = (
    Item("B.1.1", "self_care", "进食", _ADL),
    Item("B.1.2", "self_care", "修饰", _ADL),
    Item("B.1.3", "self_care", "洗澡", _ADL),
    Item("B.1.4", "self_care", "穿/脱上衣", _ADL),
    Item("B.1.5", "self_care", "穿/脱裤子和鞋袜", _ADL),
    Item("B.1.6", "self_care", "小便控制", _CONTINENCE),
    Item("B.1.7", "self_care", "大便控制", _CONTINENCE),
    Item("B.1.8", "self_care", "如厕", _ADL),
    Item("B.2.1", "motor", "床上体位转移", _ADL),
    Item("B.2.2", "motor", "床椅转移", _ADL),
    Item("B.2.3", "motor", "平地行走", _ADL),
    Item(
        "B.2.4",
        "motor",
        "上下楼梯",
        (
            (3, "可独立上下楼梯"),
            (2, "需要他人监护或指导"),
            (1, "需要他人部分帮助（如搀扶）"),
            (0, "主要依靠他人"),
        ),
    ),
    Item("B.3.1", "mental", "时间定向", _ORIENTATION),
    Item("B.3.2", "mental", "空间定向", _ORIENTATION),
    Item("B.3.3", "mental", "人物定向", _ORIENTATION),
    Item(
        "B.3.4",
        "mental",
        "记忆",
        (
            (4, "总是能保持与社会、年龄所适应的记忆能力"),
            (3, "出现轻度记忆紊乱或回忆不能"),
            (2, "出现中度记忆紊乱或回忆不能"),
            (1, "出现重度记忆紊乱或回忆不能"),
            (0, "记忆完全紊乱或完全不能对既往事物进行正确回忆"),
        ),
    ),
    Item(
        "B.3.5",
        "mental",
        "理解能力",
        (
            (4, "能正常理解他人的话"),
            (3, "能理解他人的话，但需要增加时间"),
            (2, "理解有困难，需频繁重复或简化口头表达"),
            (1, "理解有严重困难，需要大量他人帮助"),
            (0, "完全不能理解他人的话"),
        ),
    ),
    Item(
        "B.3.6",
        "mental",
        "表达能力",
        (
            (4, "能正常表达自己的想法"),
            (3, "能表达自己的需要，但需要增加时间"),
            (2, "表达需要有困难，需频繁重复或简化口头表达"),
            (1, "表达有严重困难，需要大量他人帮助"),
            (0, "完全不能表达需要"),
        ),
    ),
    Item("B.3.7", "mental", "攻击行为", ((1, "未出现"), (0, "近一个月内出现过攻击行为"))),
    Item("B.3.8", "mental", "抑郁症状", ((1, "未出现"), (0, "近一个月内出现过负性情绪"))),
    Item("B.3.9", "mental", "意识水平", ((2, "神志清醒"), (1, "嗜睡"), (0, "昏睡或昏迷"))),
    Item(
        "B.4.1",
        "perception",
        "视力",
        (
            (2, "视力正常或能看清书报上的标准字体"),
            (1, "能看清楚大字体，但看不清书报上的标准字体"),
            (0, "只能看到光、颜色和形状，或完全失明"),
        ),
    ),
    Item(
        "B.4.2",
        "perception",
        "听力",
        (
            (2, "听力正常或正常交谈能听到"),
            (1, "在轻声说话或说话距离超过2米时听不清"),
            (0, "讲话者大声说话或说话很慢才能部分听见，或完全失聪"),
        ),
    ),
    Item(
        "B.4.3",
        "perception",
        "执行日常事务",
        (
            (4, _FOUR),
            (3, "需要他人指导"),
            (2, "需要他人部分帮助"),
            (1, "需要他人大部分帮助"),
            (0, "完全依赖他人"),
        ),
    ),
    Item(
        "B.4.4",
        "perception",
        "使用交通工具外出",
        (
            (3, "能自己骑车或搭乘公共交通工具外出"),
            (2, "能自己搭乘出租车，但不会搭乘其他公共交通工具"),
            (1, "当有人协助或陪伴时，可搭乘公共交通工具"),
            (0, "只能在他人协助下搭乘出租车或私家车外出，或完全不能出门"),
        ),
    ),
    Item(
        "B.4.5",
        "perception",
        "社会交往能力",
        (
            (4, "参与社会，在社会环境有一定的适应能力"),
            (3, "能适应单纯环境，主动接触他人"),
            (2, "脱离社会，可被动接触，不会主动接触他人"),
            (1, "勉强可与他人接触，谈吐内容不清楚，表情不恰当"),
            (0, "不能与人交往"),
        ),
    ),
)

ITEMS_BY_CODE = {item.code: item for item in ITEMS}
MAX_TOTAL = sum(part.max_score for part in PARTS)

# 附录C C.4: "近30天内发生过2次及以上照护风险事件" — the standard's own figures, not local policy.
CARE_RISK_EVENTS_FOR_UPGRADE = 2
CARE_RISK_WINDOW_DAYS = 30


class CareRiskEvent(StrEnum):
    """照护风险事件 counted by C.4."""

    FALL = "跌倒"
    WANDERING = "走失"
    CHOKING = "噎食"
    SUICIDE = "自杀"
    SELF_HARM = "自伤"


class UpgradeReason(StrEnum):
    """Why C.4 raised the level by one step."""

    DEMENTIA = "确诊为痴呆（F00–F03）"
    PSYCHIATRIC = "确诊为精神科专科疾病（F04–F99）"
    CARE_RISK_EVENTS = "近30天内发生2次及以上照护风险事件"


@dataclass(frozen=True)
class AssessmentResult:
    """The outcome of one assessment: part scores, total and 能力等级 — ``base_level`` from the total (表2),
    ``level`` after C.4 (``by_coma``: the 昏迷 override; ``upgrade_reasons``: why it was raised)."""

    part_scores: dict[str, int]
    total: int
    level: CapabilityLevel
    by_coma: bool = False
    base_level: CapabilityLevel | None = None
    upgrade_reasons: tuple[UpgradeReason, ...] = ()


def _icd10_f_number(code: str) -> int | None:
    """The number of an ICD-10 chapter V code (``F01.1`` → 1), or None for any other code."""
    code = code.strip().upper()
    if len(code) < 3 or code[0] != "F" or not code[1:3].isdigit():
        return None
    return int(code[1:3])


def upgrade_reasons(diagnoses: Iterable[str], care_risk_events_30d: int) -> tuple[UpgradeReason, ...]:
    """The C.4 conditions met (GB/T 42195-2022 附录C)."""
    numbers = {n for n in (_icd10_f_number(code) for code in diagnoses) if n is not None}
    reasons = []
    if any(n <= 3 for n in numbers):
        reasons.append(UpgradeReason.DEMENTIA)
    if any(n >= 4 for n in numbers):
        reasons.append(UpgradeReason.PSYCHIATRIC)
    if care_risk_events_30d >= CARE_RISK_EVENTS_FOR_UPGRADE:
        reasons.append(UpgradeReason.CARE_RISK_EVENTS)
    return tuple(reasons)


def level_for_total(total: int) -> CapabilityLevel:
    """能力等级 from the total score (GB/T 42195-2022 表2)."""
    if not 0 <= total <= MAX_TOTAL:
        raise EldercareRuleError(f"total {total} outside 0..{MAX_TOTAL}")
    return next(level for lower, level in LEVEL_LOWER_BOUNDS if total >= lower)


def validate_scores(scores: Mapping[str, int]) -> list[tuple[str, str]]:
    """Every problem with a set of item scores as (item code, Chinese message); empty when complete."""
    problems = []
    for item in ITEMS:
        if item.code not in scores or scores[item.code] is None:
            problems.append((item.code, f"{item.code} {item.name}：请选择评分"))
        elif scores[item.code] not in {score for score, _ in item.options}:
            problems.append((item.code, f"{item.code} {item.name}：评分须为 0–{item.max_score} 中的选项"))
    problems.extend((code, f"未知的评估项目：{code}") for code in scores if code not in ITEMS_BY_CODE)
    return problems


def score_assessment(
    scores: Mapping[str, int],
    *,
    coma: bool = False,
    diagnoses: Iterable[str] = (),
    care_risk_events_30d: int = 0,
) -> AssessmentResult:
    """Part scores, total and level of a complete set of the 26 item scores (GB/T 42195-2022 附录B, 表2),
    then 附录C C.4: ``coma`` (A.5.11 昏迷) → 完全丧失; a listed diagnosis or ≥ 2 care-risk events in 30 days
    → one level worse."""
    problems = validate_scores(scores)
    if problems:
        raise EldercareRuleError("; ".join(message for _, message in problems))
    part_scores = {part.code: 0 for part in PARTS}
    for item in ITEMS:
        part_scores[item.part] += scores[item.code]
    total = sum(part_scores.values())
    base = level_for_total(total)
    if coma:
        return AssessmentResult(part_scores, total, CapabilityLevel.TOTAL_LOSS, True, base)
    reasons = upgrade_reasons(diagnoses, care_risk_events_30d)
    level = CapabilityLevel(min(base + 1, CapabilityLevel.TOTAL_LOSS)) if reasons else base
    return AssessmentResult(part_scores, total, level, False, base, reasons)


def is_disabled(level: CapabilityLevel, disabled_from: CapabilityLevel) -> bool:
    """失能 for counting purposes: at or beyond ``disabled_from`` (a parameter of the indicator, not fixed)."""
    return level >= disabled_from


def next_assessment_due(assessed_on: date, interval_months: int) -> date:
    """定期评估: the next routine reassessment ``interval_months`` after the last (即时评估 on any change of
    condition is not scheduled — it is triggered by the caseworker). The day is clamped to the month's end."""
    if interval_months <= 0:
        raise EldercareRuleError("reassessment interval must be positive")
    return add_months(assessed_on, interval_months)
