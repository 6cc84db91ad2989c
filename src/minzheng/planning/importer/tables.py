"""Table reading: find a table in the cleaned lines and cut it into a header and rows of cell tokens.

Three layouts occur and are read by the same token model:
* tab-separated rows (Word/docx export): ``1\\t城乡低保标准年度增速\\t%\\t…``;
* one cell per line, rows separated by blank lines, a cell sometimes wrapped onto a second line;
* PDF extraction: cells separated by spaces, long cells wrapped over several lines.
A row starts with its 序号 at the start of a line; the next expected number closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .headings import match_heading

HEADER_START = re.compile(r"^\s*(序\s*号|编\s*号)")
TAB_HEADER_WORDS = re.compile(r"指标|项目|名称|单位|目标|属性|投资")
ROLE_PATTERNS: list[tuple[str, list[str]]] = [
    ("attribute", ["指标属性", "指标性质", "指标类型", "属性", "性质"]),
    ("no", ["序号", "编号"]),
    ("unit", ["计量单位", "单位"]),
    ("location", ["项目建设地址", "建设地址", "建设地点", "所在地", "地址", "地点", "位置"]),
    ("scale", ["建设规模及内容", "建设规模和内容", "主要建设内容", "建设内容", "建设规模", "规模"]),
    ("deadline", ["完成时限", "建设期限", "建设年限", "起止年限", "建设周期", "时限", "年限"]),
    ("investment", ["计划总投资", "估算总投资", "总投资", "投资额", "投资"]),
    (
        "baseline",
        [r"20(?:1\d|20)年?(?:基期值|基数|现状值|实际值|完成值|值)?", "基期值", "现状值", "基数", "十三五末"],
    ),
    (
        "target",
        [r"20(?:2[1-9]|[3-9]\d)年?(?:目标值|目标|预期值|规划值|值)?", "目标值", "预期值", "规划值", "目标"],
    ),
    ("name", ["主要指标", "指标名称", "项目名称", "指标", "项目", "名称", "内容"]),
]
_ROLE_REGEXES = [(role, re.compile(alt)) for role, alts in ROLE_PATTERNS for alt in alts]
ATTRIBUTE_VALUE = re.compile(r"^(预期性|约束性|预期|约束)$")


@dataclass
class Table:
    """A table cut into tokens: ``rows[i]`` holds the cell tokens of one row, 序号 first."""

    title: str
    unit_note: str
    roles: list[str]
    rows: list[list[str]] = field(default_factory=list)
    start: int = 0
    end: int = 0

    @property
    def kind(self) -> str:
        if {"location", "investment", "scale"} & set(self.roles):
            return "project"
        if {"target", "attribute"} & set(self.roles):
            return "indicator"
        return "other"


def header_roles(header: str) -> list[str]:
    """Column roles in printed order, read from the joined header text (longest keyword wins)."""
    text = re.sub(r"\s+", "", header)
    roles: list[str] = []
    pos = 0
    while pos < len(text):
        best: tuple[int, str] | None = None
        for role, regex in _ROLE_REGEXES:
            m = regex.match(text, pos)
            if m and m.end() > pos and (best is None or m.end() > best[0]):
                best = (m.end(), role)
        if best is None:
            pos += 1
            continue
        pos = best[0]
        if best[1] not in roles:
            roles.append(best[1])
    return roles


def is_table_start(line: str) -> bool:
    """A header line: starts with 序号, or a tab-separated line of header words."""
    if HEADER_START.match(line):
        return True
    cells = [c for c in line.split("\t") if c.strip()]
    return (
        len(cells) >= 3 and all(len(c.strip()) <= 12 for c in cells) and bool(TAB_HEADER_WORDS.search(line))
    )


def line_tokens(line: str) -> list[str]:
    """Cell tokens of one raw line: tabs always separate; spaces separate only in tab-free lines."""
    if "\t" in line.strip("\t "):
        return [c.strip() for c in line.split("\t") if c.strip()]
    return [t for t in re.split(r"\s+", line.strip()) if t]


def _first_token(line: str) -> str:
    tokens = line_tokens(line)
    return tokens[0] if tokens else ""


def _title_before(lines: list[str], start: int) -> tuple[str, str]:
    """Caption and unit note (单位：亿元) from the few lines above the header."""
    title, unit = "", ""
    seen = 0
    for j in range(start - 1, max(start - 6, -1), -1):
        text = lines[j].strip()
        if not text:
            continue
        seen += 1
        m = re.match(r"^[（(]?单位\s*[:：]\s*([^）)]+)[）)]?$", text)
        if m and not unit:
            unit = m.group(1).strip()
            continue
        if len(text) <= 50 and "。" not in text:
            title = text
        break
    return title, unit


def _row_starts(lines: list[str], j: int, expected: int) -> bool:
    return _first_token(lines[j]) == str(expected)


def _is_boundary(line: str) -> bool:
    heading = match_heading(line)
    return heading is not None and heading.kind in ("part", "chapter", "section", "box")


def read_table(lines: list[str], start: int, pdf_layout: bool) -> Table | None:
    """Read the table whose header starts at ``lines[start]``; None if no numbered row follows."""
    j = start
    header_parts: list[str] = []
    limit = min(len(lines), start + 40)
    while j < limit and not _row_starts(lines, j, 1):
        header_parts.append(lines[j].strip())
        j += 1
    if j >= limit or not header_parts:
        return None
    roles = header_roles(" ".join(header_parts))
    if len(roles) < 3:
        return None
    title, unit = _title_before(lines, start)
    has_attribute = "attribute" in roles
    rows: list[list[str]] = []  # raw lines of each row
    expected = 1
    blank_run = 0
    max_blank = 3 if pdf_layout else 2
    end = j
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            # A lone tab is an empty cell marker of the one-cell-per-line layout, not a gap.
            if "\t" not in line:
                blank_run += 1
            if (
                blank_run >= max_blank
                and rows
                and _row_complete(rows[-1], roles, has_attribute)
                and not _next_row_near(lines, j, expected, window=3)
            ):
                break
            j += 1
            continue
        blank_run = 0
        complete = bool(rows) and _row_complete(rows[-1], roles, has_attribute)
        if _row_starts(lines, j, expected) and (not rows or complete or len(line_tokens(line)) > 1):
            rows.append([line])
            expected += 1
            end = j + 1
            j += 1
            continue
        if _is_boundary(line) or not rows:
            break
        if complete and (len(line.strip()) > 40 or not _next_row_near(lines, j, expected)):
            break
        rows[-1].append(line)
        end = j + 1
        j += 1
    token_rows = [_row_tokens(row) for row in rows]
    return Table(title=title, unit_note=unit, roles=roles, rows=token_rows, start=start, end=end)


def _next_row_near(lines: list[str], j: int, expected: int, window: int = 8) -> bool:
    """Is the next row's 序号 within a few non-blank lines (past stray notes)? Rows and cells split by
    runs of blank lines stay one table as long as the next row follows."""
    seen = 0
    for k in range(j, len(lines)):
        if not lines[k].strip():
            continue
        if _row_starts(lines, k, expected):
            return True
        seen += 1
        if seen >= window:
            return False
    return False


def _row_complete(row: list[str], roles: list[str], has_attribute: bool) -> bool:
    tokens = _row_tokens(row)
    if has_attribute:
        return any(ATTRIBUTE_VALUE.match(t) for t in tokens[1:]) or "".join(tokens[-2:]) in (
            "预期性",
            "约束性",
        )
    return len(tokens) >= len(roles)


def _row_tokens(raw_lines: list[str]) -> list[str]:
    """Tokens of a row; a wrapped cell line (no leading tab among tab-led cells) is glued back on."""
    tabbed = sum(1 for ln in raw_lines if ln.startswith("\t"))
    tokens: list[str] = []
    for line in raw_lines:
        parts = line_tokens(line)
        if not parts:
            continue
        continuation = tabbed >= 2 and not line.startswith("\t") and tokens
        if continuation and len(parts) == 1:
            tokens[-1] = join_fragments([tokens[-1], parts[0]])
        else:
            tokens.extend(parts)
    return tokens


def join_fragments(parts: list[str]) -> str:
    """Join wrapped pieces of one cell: no space, except between two Latin/digit characters."""
    out = ""
    for part in parts:
        if out and re.match(r"[A-Za-z0-9]", out[-1]) and re.match(r"[A-Za-z0-9]", part[0]):
            out += " "
        out += part
    return out
