"""PDF documents in Chinese (决定书, 核对报告, 花名册, 评估报告): one builder every domain uses.

fpdf2 embeds a subset of Debian's Noto CJK fonts (``fonts-noto-cjk``, installed by
scripts/install-system-packages.sh), so a PDF opens the same on any machine of the bureau's intranet.
"""

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from fpdf import FPDF

from .errors import MinzhengError

FONT_DIR = Path(os.environ.get("MINZHENG_CJK_FONT_DIR", "/usr/share/fonts/opentype/noto"))
# In Noto's .ttc collections the fonts are ordered JP, KR, SC, TC, HK: index 2 is Simplified Chinese.
_SIMPLIFIED_CHINESE = 2


class ChineseDocument(FPDF):
    """A4 document (portrait, or landscape for wide tables such as a 花名册) with a bureau heading,
    label/value blocks, tables and a page footer."""

    def __init__(self, *, bureau: str, title: str, orientation: str = "P", number: str = ""):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        regular, bold = FONT_DIR / "NotoSansCJK-Regular.ttc", FONT_DIR / "NotoSansCJK-Bold.ttc"
        if not regular.exists():
            raise MinzhengError(f"缺少中文字体（{regular}），请安装 fonts-noto-cjk 后重试")
        self.add_font("cjk", "", str(regular), collection_font_number=_SIMPLIFIED_CHINESE)
        self.add_font(
            "cjk", "B", str(bold if bold.exists() else regular), collection_font_number=_SIMPLIFIED_CHINESE
        )
        self.bureau, self.doc_title = bureau, title
        self.set_title(title)
        self.set_author(bureau)
        self.set_auto_page_break(auto=True, margin=18)
        self.add_page()
        self.set_font("cjk", "B", 16)
        self.cell(0, 10, bureau, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_font("cjk", "B", 14)
        self.cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
        if number:  # 发文字号, centred under the title (GB/T 9704)
            self.set_font("cjk", "", 11)
            self.cell(0, 7, number, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("cjk", "", 8)
        self.cell(
            0,
            6,
            f"{self.bureau} · {self.doc_title} · 第 {self.page_no()} 页 · 生成于 {date.today():%Y-%m-%d}",
            align="C",
        )

    def section(self, heading: str) -> None:
        self.ln(2)
        self.set_font("cjk", "B", 11)
        self.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")

    def fields(self, pairs: Sequence[tuple[str, str]], columns: int = 2) -> None:
        """Label: value pairs laid out in ``columns`` columns."""
        self.set_font("cjk", "", 10)
        width = (self.w - self.l_margin - self.r_margin) / columns
        for start in range(0, len(pairs), columns):
            for label, value in pairs[start : start + columns]:
                self.cell(width, 7, f"{label}：{value}")
            self.ln(7)

    def paragraph(self, text: str) -> None:
        self.set_font("cjk", "", 10)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")

    def table(
        self, headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int] | None = None
    ) -> None:
        self.set_font("cjk", "", 9)
        with super().table(col_widths=widths, text_align="LEFT", line_height=6) as table:
            header = table.row()
            for h in headers:
                header.cell(h)
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell("" if value is None else str(value))

    def to_bytes(self) -> bytes:
        return bytes(self.output())
