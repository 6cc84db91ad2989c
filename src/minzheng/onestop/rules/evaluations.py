"""好差评 (国办发〔2019〕51号《关于建立政务服务“好差评”制度提高政务服务水平的意见》).

Five levels — 非常满意、满意、基本满意、不满意、非常不满意; 不满意 and 非常不满意 are 差评, which must say why
and are answered (整改反馈) within a working-day clock (15 WD for a complex matter in the 意见; a parameter).
"""

LEVELS: dict[int, str] = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}

BAD_REASONS: dict[str, str] = {
    "slow": "办理超时或进度慢",
    "repeat": "要求重复提交材料",
    "attitude": "服务态度不好",
    "unclear": "办事指南不清楚",
    "result": "对办理结果不满意",
    "other": "其他",
}


def is_bad(level: int) -> bool:
    return level <= 2


def evaluation_problem(level: int, reasons: list[str]) -> str:
    """'' when the evaluation may be saved, else why not (a 差评 names at least one listed reason)."""
    if level not in LEVELS:
        return "请选择五个评价等级之一"
    if unknown := [r for r in reasons if r not in BAD_REASONS]:
        return f"差评原因不在清单中：{'、'.join(unknown)}"
    if is_bad(level) and not reasons:
        return "差评须选择至少一项原因"
    return ""


def satisfaction_rate(levels: list[int]) -> float | None:
    """满意率: the share of 非常满意/满意/基本满意 among all ratings (None when there are none)."""
    if not levels:
        return None
    return sum(1 for level in levels if level >= 3) / len(levels)
