"""Pure rules for reading plan figures: a printed target as a comparison and a number; a plan's period.

No Django. The printed text is always kept as well; these only add a machine-readable form for monitoring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Words before or after the number that say how the target compares (不低于55%, 80%以上, 超过55%).
_PREFIX_WORDS = [
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("不小于", "≥"),
    ("至少", "≥"),
    ("不高于", "≤"),
    ("不超过", "≤"),
    ("不多于", "≤"),
    ("超过", ">"),
    ("高于", ">"),
    ("大于", ">"),
    ("低于", "<"),
    ("少于", "<"),
    ("小于", "<"),
    ("总体达到", "="),
    ("达到", "="),
    ("达", "="),
]
_SUFFIX_WORDS = [("以上", "≥"), ("以下", "≤"), ("左右", "≈")]
_SIGNS = {">=": "≥", "<=": "≤", "≥": "≥", "≤": "≤", ">": ">", "<": "<", "＞": ">", "＜": "<", "=": "="}
_TARGET = re.compile(
    r"^(?P<sign>>=|<=|[≥≤><＞＜=])?\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[%％‰]|[\u4e00-\u9fff²/]{1,6})?$"
)
# A year or a date is not a target figure (“2022年底”, “到2023年”).
_DATE_LIKE = re.compile(r"\d{4}\s*年")


@dataclass(frozen=True)
class ParsedTarget:
    """A printed target read as ``comparison value unit``; comparison is '' when the text is not numeric."""

    comparison: str = ""
    value: Decimal | None = None
    unit: str = ""


def parse_target(text: str) -> ParsedTarget:
    """Read ≥60, >30, 1.3, 100, 不低于55%, 80%以上, 超过55%, 18人, 10个左右; text targets give an empty result.

    A bare number means “reach this value” and is read as '='; the plan's own wording is kept elsewhere.
    """
    rest = (text or "").strip().replace(" ", "")
    if not rest or _DATE_LIKE.search(rest):
        return ParsedTarget()
    comparison = ""
    for word, sign in _PREFIX_WORDS:
        if rest.startswith(word):
            rest, comparison = rest[len(word) :], sign
            break
    for word, sign in _SUFFIX_WORDS:
        if rest.endswith(word):
            rest = rest[: -len(word)]
            comparison = sign if comparison in ("", "=") else comparison
            break
    match = _TARGET.match(rest)
    if match is None:
        return ParsedTarget()
    if match.group("sign"):
        comparison = _SIGNS[match.group("sign")]
    try:
        value = Decimal(match.group("number"))
    except InvalidOperation:
        return ParsedTarget()
    unit = (match.group("unit") or "").replace("％", "%")
    return ParsedTarget(comparison or "=", value, unit)


_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _chinese_number(text: str) -> int | None:
    """一 … 十九 as an integer (enough for five-year plan numbers)."""
    if not text:
        return None
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0) if len(text) <= 2 else None
    return _CN_DIGITS.get(text)


def plan_period(title: str, default: tuple[int, int] = (2021, 2025)) -> tuple[int, int]:
    """The years of the five-year plan named in a title: 第十四个五年 / “十四五” → 2021–2025.

    The 3rd plan began in 1966 after the 1963–65 adjustment years, so from then on plan n starts in
    1966 + 5·(n−3).
    """
    match = re.search(r"第(十?[一二三四五六七八九]|十)个五年", title) or re.search(
        r"[“\"]?(十[一二三四五六七八九]|十)五[”\"]?(?:规划|时期)", title
    )
    number = _chinese_number(match.group(1)) if match else None
    if number is None or number < 3:
        return default
    start = 1966 + 5 * (number - 3)
    return start, start + 4
