"""Cut cleaned lines into document units, in order: tables and logical paragraphs.

A logical paragraph is one line in Word-like text, and a run of wrapped lines in PDF text. Headings
split over two lines (“第二章 全面提高…，/推动困难群众…”) are joined back into one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import CleanText, display_width
from .headings import match_heading
from .tables import Table, is_table_start, read_table

SENTENCE_END = tuple("。！？；：!?;:")
HEADING_KINDS_THAT_WRAP = ("part", "chapter", "section", "cn", "paren_cn", "box")


@dataclass
class Paragraph:
    """A logical paragraph; ``standalone`` when blank lines surround it (bare headings need that)."""

    text: str
    standalone: bool = False


Unit = Paragraph | Table


def segment(clean: CleanText) -> list[Unit]:
    """Tables where a header is found, paragraphs everywhere else."""
    lines = clean.lines
    units: list[Unit] = []
    pending: list[str] = []
    i = 0
    while i < len(lines):
        if is_table_start(lines[i]):
            table = read_table(lines, i, clean.pdf_layout)
            if table is not None and table.rows:
                _drop_caption(pending, table)
                units.extend(_paragraphs(pending, clean))
                pending = []
                units.append(table)
                i = table.end
                continue
        pending.append(lines[i])
        i += 1
    units.extend(_paragraphs(pending, clean))
    return units


def _drop_caption(pending: list[str], table: Table) -> None:
    """The caption and 单位 line belong to the table; a 专栏 heading caption stays as a heading."""
    while pending and (
        not pending[-1].strip() or pending[-1].strip().startswith(("单位", "（单位", "(单位"))
    ):
        pending.pop()
    if pending and pending[-1].strip() == table.title and match_heading(table.title) is None:
        pending.pop()


def _paragraphs(lines: list[str], clean: CleanText) -> list[Paragraph]:
    if clean.pdf_layout:
        return _pdf_paragraphs(lines, clean.line_width)
    return _plain_paragraphs(lines)


def _flat(line: str) -> str:
    return line.replace("\t", " ").strip()


def _wrapping_heading(text: str) -> bool:
    heading = match_heading(text)
    return heading is not None and not heading.is_item and heading.kind in HEADING_KINDS_THAT_WRAP


def _heading_tail(line: str) -> bool:
    """Could this line finish a heading broken over two lines?"""
    text = _flat(line)
    return bool(text) and len(text) <= 30 and "。" not in text and match_heading(text) is None


def _plain_paragraphs(lines: list[str]) -> list[Paragraph]:
    result: list[Paragraph] = []
    blank_before = True
    i = 0
    while i < len(lines):
        text = _flat(lines[i])
        if not text:
            blank_before = True
            i += 1
            continue
        if _wrapping_heading(text):
            nxt = i + 1
            comma_end = text.endswith(("，", ","))
            if comma_end:
                while nxt < len(lines) and not lines[nxt].strip():
                    nxt += 1
            if nxt < len(lines) and _heading_tail(lines[nxt]) and (comma_end or nxt == i + 1):
                text += _flat(lines[nxt])
                i = nxt
        blank_after = i + 1 >= len(lines) or not lines[i + 1].strip()
        result.append(Paragraph(text, standalone=blank_before and blank_after))
        blank_before = False
        i += 1
    return result


def _pdf_paragraphs(lines: list[str], width: int) -> list[Paragraph]:
    """Rejoin wrapped lines: a paragraph ends at a short line ending a sentence, or before an indented one."""
    texts = [_flat(ln) for ln in lines if ln.strip()]
    result: list[Paragraph] = []
    current: list[str] = []
    for text in texts:
        if current and not _continues(current[-1], text, width, is_heading=_wrapping_heading(current[0])):
            result.append(_pdf_paragraph(current, width))
            current = []
        current.append(text)
    if current:
        result.append(_pdf_paragraph(current, width))
    return result


def _pdf_paragraph(lines: list[str], width: int) -> Paragraph:
    # A lone short line stands apart as a Word paragraph between blank lines does (a bare 发展基础).
    alone = len(lines) == 1 and display_width(lines[0]) < width * 0.6
    return Paragraph("".join(lines), standalone=alone)


def _continues(last: str, nxt: str, width: int, *, is_heading: bool) -> bool:
    if match_heading(nxt) is not None:
        return False
    last_w, next_w = display_width(last), display_width(nxt)
    if is_heading:
        # The tail of a wrapped heading is a short line; a near-full line is the first body line.
        return (
            (last_w >= width * 0.85 or last.endswith(("，", ",")))
            and _heading_tail(nxt)
            and next_w <= width * 0.8
        )
    if re.match(r"^[—－\-]{2,}", nxt):
        return False
    if last_w < width * 0.6 and not last.endswith(("，", ",", "、")):
        # Only a paragraph's last line falls short of the wrap width: a short line is a paragraph of its
        # own (“1.完善社会救助相关机制” above its text), even without a full stop.
        return False
    if not last.endswith(SENTENCE_END):
        return True
    # A sentence ended: a short line closes the paragraph; a full one continues unless the next line
    # is indented (paragraph first lines lose two characters to the indent).
    return last_w >= width - 2 and next_w > width - 3
