"""Flatten a .docx into text lines: paragraphs and table rows in document order.

Tables become tab-separated rows framed by blank lines, the same shape a Word “save as text”
gives, so one pipeline reads both.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph


def docx_to_text(path: str | Path) -> str:
    """All paragraphs and table rows of the document body, in order."""
    document = Document(str(path))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(DocxParagraph(block, document).text)
        elif tag == "tbl":
            lines.append("")
            lines.extend(_table_lines(DocxTable(block, document)))
            lines.append("")
    return "\n".join(lines)


def _table_lines(table: DocxTable) -> list[str]:
    rows = []
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            # Merged cells repeat the same underlying element; keep one copy.
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        rows.append("\t".join(c if c else "-" for c in cells))
    return rows
