"""Reading and writing .xlsx: python-calamine reads (fast, Rust), xlsxwriter writes (streaming,
constant memory). Every import, export, template and error report in the platform goes through here."""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import xlsxwriter
from python_calamine import CalamineError, CalamineWorkbook

from .errors import ImportRejected

XLSX_MAGIC = b"PK\x03\x04"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def read_first_sheet(data: bytes) -> list[list]:
    """All rows of the first worksheet as Python values; a clear Chinese error for anything else."""
    if not data:
        raise ImportRejected("上传的文件是空文件")
    if not data.startswith(XLSX_MAGIC):
        raise ImportRejected("文件不是有效的 Excel 文件，请使用下载的模板另存为 .xlsx 格式后上传")
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            raise ImportRejected("Excel 文件中没有工作表")
        return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except CalamineError as exc:
        raise ImportRejected(f"无法读取 Excel 文件（文件可能已损坏）：{exc}") from None


@dataclass
class Sheet:
    name: str
    headers: Sequence[str]
    rows: Iterable[Sequence] = ()
    column_widths: Sequence[int] = ()
    notes: Sequence[str] = ()  # lines written above the table (e.g. 填写说明)
    text_columns: Sequence[int] = field(default_factory=tuple)  # formatted as text so IDs stay strings


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        out, {"constant_memory": True, "in_memory": True, "strings_to_numbers": False}
    )
    header_format = workbook.add_format({"bold": True, "bg_color": "#E8F0FE", "border": 1})
    text_format = workbook.add_format({"num_format": "@"})
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for sheet in sheets:
        ws = workbook.add_worksheet(sheet.name)
        row_no = 0
        for note in sheet.notes:
            ws.write_string(row_no, 0, note)
            row_no += 1
        for col, width in enumerate(sheet.column_widths):
            ws.set_column(col, col, width, text_format if col in sheet.text_columns else None)
        for col, header in enumerate(sheet.headers):
            ws.write_string(row_no, col, header, header_format)
        ws.freeze_panes(row_no + 1, 0)
        for values in sheet.rows:
            row_no += 1
            for col, value in enumerate(values):
                if value is None or value == "":
                    continue
                if isinstance(value, date):  # datetime is a date too
                    ws.write_datetime(row_no, col, value, date_format)
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    ws.write_number(row_no, col, value)
                else:
                    ws.write_string(row_no, col, str(value))
    workbook.close()
    return out.getvalue()


def error_report(errors: Sequence[dict]) -> bytes:
    """导入错误报告: one line per problem — row, column, Chinese message."""
    return write_workbook(
        [
            Sheet(
                "错误明细",
                ["行号", "列", "错误说明"],
                ([e.get("row") or "", e.get("column", ""), e["message"]] for e in errors),
                column_widths=(8, 20, 80),
            )
        ]
    )
