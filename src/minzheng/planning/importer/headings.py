"""Heading recognition: 第X篇/章/节, 一、, （一）, 1., （1）, 专栏N and bare short headings.

A numbered line with a full stop after a short phrase (“1.完善基本生活救助制度。健全…”) is an *item*:
its phrase is a lead, not a heading. The caller decides what to do with items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_NUM = "一二三四五六七八九十百零〇"

# Ranks decide nesting: a heading becomes the child of the nearest earlier heading of lower rank.
RANKS = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "cn": 3,
    "paren_cn": 4,
    "arabic": 5,
    "paren_arabic": 6,
    "box": 7,
}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(rf"^(第[{CN_NUM}\d]+(?:篇|部分))\s*(.*)$")),
    ("chapter", re.compile(rf"^(第[{CN_NUM}\d]+章)\s*(.*)$")),
    ("section", re.compile(rf"^(第[{CN_NUM}\d]+节)\s*(.*)$")),
    ("box", re.compile(r"^(专+\s*栏\s*[\d一二三四五六七八九十]*)\s*[:：]?\s*(.*)$")),
    ("cn", re.compile(rf"^([{CN_NUM}]+)\s*[、.．]\s*(.+)$")),
    ("paren_cn", re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*(.+)$")),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.．、](?!\d)\s*(.+)$")),
    ("paren_arabic", re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*(.+)$")),
]

MAX_HEADING_CHARS = 45
MAX_LEAD_CHARS = 60
LEAD_STOP = re.compile(r"[。:：]")
BARE_HEADING = re.compile(r"^[\u4e00-\u9fff“”\"]{2,14}$")


@dataclass
class HeadingMatch:
    """What a line is: a heading (no body) or a numbered item (lead + body)."""

    kind: str
    number: str
    title: str
    heading: str
    body: str = ""

    @property
    def rank(self) -> int:
        return RANKS[self.kind]

    @property
    def is_item(self) -> bool:
        return bool(self.body)


def match_heading(line: str) -> HeadingMatch | None:
    """Classify a logical line; None for running text."""
    text = line.strip()
    if not text:
        return None
    for kind, pattern in PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        number, rest = m.group(1), m.group(2).strip()
        if kind in ("part", "chapter", "section", "box"):
            # Chapter titles never carry a full stop; a 第X章 inside a sentence is a citation.
            if "。" in rest.rstrip("。") and kind != "box":
                return None
            return HeadingMatch(kind, re.sub(r"\s+", "", number), rest, text)
        return _numbered(kind, number, rest, text)
    return None


def _numbered(kind: str, number: str, rest: str, text: str) -> HeadingMatch | None:
    # A lead ends at the first full stop, or at a colon (阜新 专栏: “1.积极参与…试点:推进…”).
    stop_match = LEAD_STOP.search(rest)
    stop = stop_match.group(0) if stop_match else ""
    lead = rest[: stop_match.start()] if stop_match else rest
    body = rest[stop_match.end() :] if stop_match else ""
    if not stop:
        if len(rest) > MAX_HEADING_CHARS or (re.search(r"[，,；;]", rest) and len(rest) > 30):
            return None
        return HeadingMatch(kind, number, rest, text)
    if not lead or len(lead) > MAX_LEAD_CHARS:
        return None
    marker = text[: len(text) - len(rest)]
    return HeadingMatch(kind, number, lead, (marker + lead).strip(), body=body.strip() or "。")


def is_bare_heading(line: str) -> bool:
    """A short unnumbered title such as 发展基础, only trusted when it stands alone between blank lines."""
    return bool(BARE_HEADING.match(line.strip()))
