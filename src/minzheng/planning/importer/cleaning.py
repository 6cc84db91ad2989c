"""Raw-text clean-up: line endings, page numbers, reviewer comments, footnote marks; layout detection.

Plans arrive as Word exports (one paragraph per line), as PDF extractions (a hard break every ~30
characters with blank lines between them) or as web copies. Everything downstream works on the
cleaned list of lines this module returns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Page numbers as PDF extraction leaves them: —17—, - 17 -, 第 17 页, 17/120.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[—–\-－]+\s*\d{1,4}\s*[—–\-－]+|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
# Footnote marks glued to text (①, [1], ¹) carry no content for extraction.
# Superscript digits are left alone: ² is part of the unit m².
FOOTNOTE_MARK = re.compile(r"[\u2460-\u2473]|\[\d{1,2}\]")
# A reviewer name as Word's comment export writes it: Latin letters only (e.g. HUAWEI, admin).
LATIN_AUTHOR = re.compile(r"^[A-Za-z][A-Za-z0-9_.\- ]{3,19}$")
TABLE_WORD = re.compile(r"指标|目标|单位|属性|序号|名称|数值|合计|年")
SHORT_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
SENTENCE_PUNCT = set('。！？；：，、,.;:!?“”"')


@dataclass
class CleanText:
    """Cleaned lines plus what was learnt about the layout."""

    lines: list[str]
    pdf_layout: bool
    line_width: int
    removed: list[str]


def display_width(text: str) -> int:
    """Width in half-width cells: a CJK character counts 2, as PDF line filling does."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def detect_pdf_layout(lines: list[str]) -> tuple[bool, int]:
    """Is the text hard-wrapped at a fixed width (PDF extraction, a copy from a PDF viewer)?

    Wrapped text has many lines filling a narrow band just under the wrap width (punctuation of mixed
    width moves the last character a little) and almost none beyond it; a Word export has one line per
    paragraph, of every length. Blank lines between lines are common in extractions but not required:
    a copy at 30, 40 or 60 characters a line has none.
    """
    nonblank = [ln.strip() for ln in lines if ln.strip()]
    if len(nonblank) < 10:
        return False, 0
    long_widths = [display_width(ln) for ln in nonblank if display_width(ln) >= 40]
    if len(long_widths) < 10:
        return False, 0
    counts: dict[int, int] = {}
    for w in long_widths:
        counts[w] = counts.get(w, 0) + 1

    def band(w: int) -> int:
        return sum(counts.get(k, 0) for k in range(w - 5, w + 1))

    width = max(counts, key=lambda w: (band(w), counts[w]))
    in_band = band(width)
    beyond = sum(1 for w in long_widths if w > width + 10)
    wrapped = in_band >= 10 and in_band >= 0.4 * len(long_widths) and beyond <= 0.1 * len(nonblank)
    # The most common width in the band is the wrap width the paragraph logic measures against.
    width = max(range(width - 5, width + 1), key=lambda w: (counts.get(w, 0), w))
    return wrapped, width


def _is_comment_author(lines: list[str], i: int, pdf_layout: bool) -> bool:
    """A comment block is an author line immediately followed (no blank) by one comment line."""
    text = lines[i].strip()
    if lines[i].startswith("\t"):
        return False  # a table cell, not a comment author
    # Comments are phrases (省政府规划, 按省发改委意见修改); a 2-3 character line is a wrapped cell.
    if i + 1 >= len(lines) or len(lines[i + 1].strip()) < 4:
        return False
    comment = lines[i + 1].strip()
    if (
        lines[i + 1].startswith("\t")
        or TABLE_WORD.search(text)
        or len(re.findall(r"[\u4e00-\u9fff]", comment)) < 2
    ):
        # A wrapped header cell (目标值 above 指标属性) or a unit above its value (万人, 1.25): table cells,
        # not a reviewer and a comment.
        return False
    if LATIN_AUTHOR.match(text) and not re.search(r"\d", text):
        return True
    # Chinese author names are only told apart from short headings in PDF layout, where real
    # text lines are always separated by blank lines and a comment hugs its author.
    return pdf_layout and bool(SHORT_NAME.match(text)) and not re.match(r"^第.+[章节]", text)


def clean_text(text: str) -> CleanText:
    """Normalise line endings and drop page numbers, reviewer comments and footnote marks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\ufeff", "")
    text = text.replace("\xa0", " ").replace("\f", "\n")
    raw = text.split("\n")
    pdf_layout, width = detect_pdf_layout(raw)
    lines: list[str] = []
    removed: list[str] = []
    i = 0
    while i < len(raw):
        line = raw[i]
        if PAGE_NUMBER.match(line):
            removed.append(line.strip())
            # Drop the blank run around the page number so the broken paragraph rejoins.
            while lines and not lines[-1].strip():
                lines.pop()
            i += 1
            while i < len(raw) and not raw[i].strip():
                i += 1
            if pdf_layout:
                lines.append("")
            continue
        if line.strip() and _is_comment_author(raw, i, pdf_layout):
            removed.append(f"{line.strip()}: {raw[i + 1].strip()}")
            i += 2
            continue
        # A lone tab marks an empty cell in one-cell-per-line tables; keep it distinct from a blank.
        lines.append("\t" if not line.strip() and "\t" in line else FOOTNOTE_MARK.sub("", line.rstrip()))
        i += 1
    return CleanText(lines=lines, pdf_layout=pdf_layout, line_width=width, removed=removed)
