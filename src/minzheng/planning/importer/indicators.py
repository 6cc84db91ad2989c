"""Indicator rows (主要指标表): map a row's cell tokens onto 名称/单位/基期值/目标值/属性.

Tokens of a PDF-wrapped cell arrive separately (“平方”, “米”), so the unit is found by vocabulary
rather than by position, and the name and target are whatever lies on either side of it.
"""

from __future__ import annotations

import re

from .model import Indicator
from .tables import ATTRIBUTE_VALUE, Table, join_fragments

_UNIT_BASE = (
    "%|％|‰|个百分点|百分点|倍数|倍|万人次|人次|万人|万户|万张|万个|万元|亿元|元|个|家|所|张|床|户|人|名|位|次|项|处|"
    "平方米|平米|㎡|m²|m2|公顷|亩|岁|年|天|日|小时|分钟|公里|千米|米|辆|台|套|座|间|对|件|册|条|部|支|批|元/人|比例"
)
UNIT = re.compile(
    rf"^(?:万|亿|千|百)?(?:{_UNIT_BASE})(?:/[\u4e00-\u9fff·•a-zA-Z0-9²]{{1,6}})?$|^[—\-－/／无]$"
)
ATTRIBUTE_WORDS = {"预期": "预期性", "约束": "约束性"}


def indicators_from_table(table: Table) -> list[Indicator]:
    """One Indicator per numbered row; rows whose name cannot be found are skipped."""
    roles = [r for r in table.roles if r != "no"]
    result: list[Indicator] = []
    for row in table.rows:
        if not row or not row[0].isdigit():
            continue
        indicator = _row_to_indicator(int(row[0]), row[1:], roles)
        if indicator is not None:
            indicator.table = table.title
            result.append(indicator)
    return result


def _take_attribute(tokens: list[str]) -> tuple[list[str], str]:
    """Split off 预期性/约束性 (possibly wrapped as 预期 + 性); anything after it is stray text."""
    for i in range(len(tokens) - 1, 0, -1):
        if ATTRIBUTE_VALUE.match(tokens[i]):
            return tokens[:i], ATTRIBUTE_WORDS.get(tokens[i], tokens[i])
        if i + 1 < len(tokens) and tokens[i] in ATTRIBUTE_WORDS and tokens[i + 1] == "性":
            return tokens[:i], ATTRIBUTE_WORDS[tokens[i]]
    return tokens, ""


def _find_unit(tokens: list[str]) -> tuple[int, int]:
    """(start, end) of the unit tokens: the first run of 1-3 tokens after the name forming a unit."""
    for i in range(1, len(tokens)):
        for k in (3, 2, 1):
            if i + k <= len(tokens) and UNIT.match("".join(tokens[i : i + k])):
                return i, i + k
    return -1, -1


def _row_to_indicator(no: int, tokens: list[str], roles: list[str]) -> Indicator | None:
    indicator = Indicator(no=no, name="")
    if "attribute" in roles:
        tokens, indicator.attribute = _take_attribute(tokens)
    value_roles = [r for r in roles if r in ("baseline", "target")]
    if not tokens:
        return None
    if "unit" in roles:
        start, end = _find_unit(tokens)
        if start < 0:
            # No unit word: the name is the first token and values fill the rest.
            start = end = 1
        indicator.name = join_fragments(tokens[:start])
        indicator.unit = "".join(tokens[start:end])
        values = tokens[end:]
    else:
        split = max(1, len(tokens) - len(value_roles))
        indicator.name = join_fragments(tokens[:split])
        values = tokens[split:]
    _assign_values(indicator, values, value_roles)
    return indicator if indicator.name else None


def _assign_values(indicator: Indicator, values: list[str], value_roles: list[str]) -> None:
    if not value_roles or not values:
        return
    if len(value_roles) == 1:
        setattr(indicator, value_roles[0], join_fragments(values))
        return
    # Two value columns: the first token fills the first; a wrapped remainder belongs to the second.
    setattr(indicator, value_roles[0], values[0])
    setattr(indicator, value_roles[1], join_fragments(values[1:]))
