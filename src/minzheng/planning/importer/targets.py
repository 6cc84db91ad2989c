"""Quantified targets in running text (文中量化目标): “到2025年，…覆盖率达到60%”."""

from __future__ import annotations

import re

from .model import TextTarget

SENTENCE = re.compile(r"[^。；;！？]+[。；;！？]?")
_UNITS = r"%|％|‰|个百分点|倍|万人次|人次|万人|万户|万张|万元|亿元|元|个|家|所|张|户|人|名|处|项|平方米|平米|㎡|m²|次|件|对|座|套|床|分钟"
QUANTITY = re.compile(
    rf"(?:不低于|不少于|不高于|不超过|超过|至少|总体达到|达到|达|均)?\s*\d+(?:\.\d+)?(?:\s*[-—至~]\s*\d+(?:\.\d+)?)?\s*(?:万|亿)?\s*(?:{_UNITS})(?:以上|左右|以下|以内)?"
)
COVERAGE = re.compile(r"全覆盖|应建尽建|应保尽保|全面建立|全部实现")
CUE = re.compile(
    r"达到|达|不低于|不少于|不高于|不超过|超过|以上|提高到|提升至|增长|力争|确保|实现|建成|新建|打造|培育|"
    r"拓展|培训|配建|覆盖率|占比|每年|到\s*20\d\d|20[2-3]\d\s*年|全覆盖|支持|建立|启动|完成|人均|大于|小于|高于|低于|率\s*\d"
)
PAST = re.compile(r"十三五|累计|20[01]\d\s*年(?!.*20[2-3]\d)|已经|先后")
DEADLINE_VERB = re.compile(r"完成|建成|搭建|关闭|启动|全面实行|全面建立")
YEAR = re.compile(r"(?:到|至)?\s*(20[2-3]\d)\s*年\s*(底|前|末)?|“十四五”\s*(?:末期?|期末)")


def text_targets(paragraph: str, chapter: str, section: str) -> list[TextTarget]:
    """Every sentence of the paragraph that states a forward-looking quantity."""
    found = []
    for sentence in SENTENCE.findall(paragraph):
        quote = sentence.strip().rstrip("。；;！？").strip()
        if not quote or PAST.search(quote) or not CUE.search(quote):
            continue
        year = YEAR.search(quote)
        m = QUANTITY.search(quote) or COVERAGE.search(quote)
        if m is None and year is not None and DEADLINE_VERB.search(quote):
            m = year  # a dated deliverable (“2023年前完成…勘定工作”): the date is the target
        if m is None:
            continue
        found.append(
            TextTarget(
                value=re.sub(r"\s+", "", m.group(0)),
                quote=quote,
                name=_name_before(quote, m.start()),
                year=re.sub(r"\s+", "", year.group(0)) if year else "",
                chapter=chapter,
                section=section,
            )
        )
    return found


def _name_before(quote: str, end: int) -> str:
    """The clause before the value, stripped of the time phrase and verbs: the thing measured."""
    clause = re.split(r"[，,：:]", quote[:end])[-1]
    clause = re.sub(r"^(?:到|至)?\s*(?:20\d\d\s*年(?:底|前|末)?|“十四五”末期?)\s*", "", clause)
    clause = re.sub(
        r"(?:力争|确保|推动|实现|总体)?(?:达到|达|不低于|不少于|不高于|不超过|超过|均)?\s*$", "", clause
    )
    return clause.strip()
