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


# A raise “由X元提高到Y元”: the figure after the raise verb is the target, the one before it the old level.
RAISE = re.compile(r"(?:提高|提升|增加|增长|扩大|上调)(?:到|至)")
CLAUSE_END = re.compile(r"[，,；;]")


def text_targets(paragraph: str, chapter: str, section: str) -> list[TextTarget]:
    """Every forward-looking quantity of the paragraph, one per clause group: a sentence stating several
    targets (“探访率达到100%，…集中供养率100%”) yields each of them with its own quote."""
    found = []
    for sentence in SENTENCE.findall(paragraph):
        quote = sentence.strip().rstrip("。；;！？").strip()
        if not quote or PAST.search(quote) or not CUE.search(quote):
            continue
        year = YEAR.search(quote)
        year_text = re.sub(r"\s+", "", year.group(0)) if year else ""
        pieces = _target_pieces(quote)
        if not pieces:
            m = COVERAGE.search(quote)
            if m is None and year is not None and DEADLINE_VERB.search(quote):
                m = year  # a dated deliverable (“2023年前完成…勘定工作”): the date is the target
            if m is not None:
                pieces = [(quote, m)]
        names: dict[str, str] = {}
        previous = ""
        for piece, m in pieces:
            # Figures sharing a clause (“分别由…扩大到150家和300家”) share the name before the first.
            name = names.setdefault(piece, _name_before(piece, m.start()) or _name_after(piece, m.end()))
            if not name and previous:
                # “…不低于55%的资金用于支持发展养老服务,到2025年达到60%”: the same measure, a later year.
                name = previous
            previous = name
            found.append(
                TextTarget(
                    value=re.sub(r"\s+", "", m.group(0)),
                    quote=piece,
                    name=name,
                    year=year_text,
                    chapter=chapter,
                    section=section,
                )
            )
    return found


def _target_pieces(quote: str) -> list[tuple[str, re.Match[str]]]:
    """(quote, quantity) per target. One quantity: the whole sentence. Several: the sentence is cut after
    the clause holding each quantity (a comma, or an enumeration mark right after the figure), and a clause
    giving an old and a new level keeps the new one. Figures of one clause share its quote (“分别…和…”)."""
    matches = [m for m in QUANTITY.finditer(quote) if not _is_before_raise(quote, m)]
    if len(matches) <= 1:
        return [(quote, matches[0])] if matches else []
    pieces = []
    start = 0
    piece = ""
    for m in matches:
        if m.start() >= start:
            if m.end() < len(quote) and quote[m.end()] == "、":
                end = m.end()
            else:
                end_match = CLAUSE_END.search(quote, m.end())
                end = end_match.start() if end_match else len(quote)
            piece = quote[start:end].strip("，,；;、 ")
            offset = quote.index(piece, start) if piece else start
            start = end + 1
        local = QUANTITY.search(piece, max(0, m.start() - offset))
        if local is not None:
            pieces.append((piece, local))
    return pieces


def _is_before_raise(quote: str, m: re.Match[str]) -> bool:
    """The X of “由X提高到Y” (“分别由83家和200家扩大到150家和300家”) is the level before the raise."""
    clause_start = max(quote.rfind(c, 0, m.start()) for c in "，,；;") + 1
    end_match = CLAUSE_END.search(quote, m.end())
    after = quote[m.end() : end_match.start() if end_match else len(quote)]
    return "由" in quote[clause_start : m.start()] and bool(RAISE.search(after))


NAMELESS = r"(?:将|对|使|让|把|按|发展|新建|建设|建立|推进|推动|培训|培育|打造|实现|新增)?"


def _name_after(quote: str, start: int) -> str:
    """When nothing but a verb precedes the figure (“发展5名党员”, “将不低于55%的资金用于…”), the thing
    counted follows it."""
    rest = re.split(r"[，,；;、]", quote[start:])[0]
    return re.sub(r"^的", "", rest).strip()


def _name_before(quote: str, end: int) -> str:
    """The clause before the value, stripped of the time phrase and verbs: the thing measured."""
    clause = re.split(r"[，,：:]", quote[:end])[-1]
    clause = re.sub(r"^(?:到|至)?\s*(?:20\d\d\s*年(?:底|前|末)?|“十四五”末期?)\s*", "", clause)
    clause = re.sub(
        r"(?:力争|确保|推动|实现|总体)?(?:达到|达|不低于|不少于|不高于|不超过|超过|均)?\s*$", "", clause
    )
    # “低保标准由每人每月600元提高到每人每月”: the thing measured is what comes before the raise.
    clause = re.sub(r"由[^由]*?(?:提高|提升|增加|增长|扩大|上调)(?:到|至).*$", "", clause)
    clause = re.sub(r"分别$", "", clause.strip())
    clause = re.sub(r"^(?:力争|确保|推动)?(?:对于|对|将|使|让)?(?=[\u4e00-\u9fff]{3})", "", clause)
    # A verb or a particle alone names nothing (发展5名党员, 到2022年将不低于55%的资金…).
    clause = clause.strip().rstrip('“"')
    return "" if re.fullmatch(NAMELESS, clause) else clause
