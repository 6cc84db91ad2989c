"""Reading and writing .xlsx: python-calamine reads (fast, Rust), xlsxwriter writes (streaming,
constant memory). Every import, export, template and error report in the platform goes through here."""

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import xlsxwriter
from python_calamine import CalamineError, CalamineWorkbook

from .errors import ImportRejected

XLSX_MAGIC = b"PK\x03\x04"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# A cell starting with one of these is read as a formula (or splits a cell) by Excel/WPS when a file is opened
# or re-edited: "CSV injection" (OWASP). Plain numbers such as -12.50 stay as they are.
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def neutralise_formula(value):
    """Text as it must be written to any CSV or .xlsx cell: a leading = + - @, tab or CR gets a ' before it,
    so the cell is shown as the text that was entered and never runs. Other values are returned unchanged.
    Every writer of the platform (exports, templates, error reports, bank files) passes its cells here."""
    if isinstance(value, str) and value.startswith(_FORMULA_TRIGGERS) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


# Rows any import of the platform accepts in one file (the roster's own limit is lower or equal); a sheet
# larger than this is refused while its XML is streamed, before it is parsed into memory.
MAX_SHEET_ROWS = 300_000
# <row …>, also with a namespace prefix (<x:row …>); bytes.count is C speed and allocates nothing.
_ROW_TAGS = (b"<row ", b"<row>", b":row ", b":row>")
_CHUNK = 1 << 20


def _first_sheet_member(archive: zipfile.ZipFile) -> str | None:
    """The part holding the workbook's first sheet (by workbook.xml order), or the first worksheet part."""
    names = archive.namelist()
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
        rel_id = re.search(rb"<(?:\w+:)?sheet\b[^>]*\br:id=\"([^\"]+)\"", workbook).group(1)
        target = re.search(
            rb"<Relationship\b[^>]*\bId=\"" + re.escape(rel_id) + rb"\"[^>]*\bTarget=\"([^\"]+)\"", rels
        ) or re.search(
            rb"<Relationship\b[^>]*\bTarget=\"([^\"]+)\"[^>]*\bId=\"" + re.escape(rel_id) + rb"\"", rels
        )
        path = target.group(1).decode()
        path = path.lstrip("/") if path.startswith("/") else f"xl/{path}"
        if path in names:
            return path
    except (KeyError, AttributeError):
        pass
    sheets = sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    return sheets[0] if sheets else None


def count_sheet_rows(data: bytes, limit: int) -> int:
    """Rows of the first worksheet, counted while its XML is decompressed a megabyte at a time; stops as soon
    as ``limit`` is passed (a million-row sheet is refused in a fraction of a second, in constant memory)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = _first_sheet_member(archive)
            if member is None:
                return 0
            count, carry = 0, b""
            with archive.open(member) as stream:
                while chunk := stream.read(_CHUNK):
                    # The last 4 bytes carried over hold no whole tag (each is 5 bytes), so none counts twice.
                    buffer = carry + chunk
                    count += sum(buffer.count(tag) for tag in _ROW_TAGS)
                    carry = buffer[-4:]
                    if count > limit:
                        return count
            return count
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, zlib.error):
        return 0  # calamine reports a damaged file in Chinese below


def read_first_sheet(data: bytes, *, max_rows: int = MAX_SHEET_ROWS) -> list[list]:
    """All rows of the first worksheet as Python values; a clear Chinese error for anything else, and for a
    sheet of more than ``max_rows`` rows (checked while streaming, before the sheet is loaded)."""
    if not data:
        raise ImportRejected("上传的文件是空文件")
    if not data.startswith(XLSX_MAGIC):
        raise ImportRejected("文件不是有效的 Excel 文件，请使用下载的模板另存为 .xlsx 格式后上传")
    # Header and notes above the table take a few rows more than the data limit.
    if count_sheet_rows(data, max_rows + 20) > max_rows + 20:
        raise ImportRejected(f"单个文件最多{max_rows}行，本文件超过此数，请分批导入")
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            raise ImportRejected("Excel 文件中没有工作表")
        return workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except CalamineError as exc:
        raise ImportRejected(f"无法读取 Excel 文件（文件可能已损坏）：{exc}") from None


def cell_text(cell) -> str:
    """A read cell as the text a person typed: dates as ISO dates, whole numbers without ``.0``, stripped."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def read_department_table(
    data: bytes, file_name: str, *, header: str, columns: Sequence[str]
) -> tuple[int, list[list[str]]]:
    """A department's list as sent (.xlsx, or CSV in UTF-8 or GB18030): (the header's 0-based row in the file,
    the rows from the header on as text). Notes above the table are skipped: the header is the first row with
    a cell reading ``header``. Anything unreadable is refused with a Chinese message naming what to do."""
    if data.startswith(XLSX_MAGIC) or file_name.lower().endswith(".xlsx"):
        rows = read_first_sheet(data)
    else:
        if not data:
            raise ImportRejected("上传的文件是空文件")
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ImportRejected("无法识别 CSV 文件的编码，请另存为 UTF-8 或 .xlsx")
        try:
            rows = list(csv.reader(io.StringIO(text)))
        except csv.Error as error:
            raise ImportRejected(f"CSV 文件格式错误：{error}") from None
    for index, row in enumerate(rows):
        if any(cell_text(cell) == header for cell in row):
            return index, [[cell_text(c) for c in r] for r in rows[index:]]
    raise ImportRejected("文件中没有表头（应包含：" + "、".join(columns) + "）")


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
            ws.write_string(row_no, 0, neutralise_formula(note))
            row_no += 1
        for col, width in enumerate(sheet.column_widths):
            ws.set_column(col, col, width, text_format if col in sheet.text_columns else None)
        for col, header in enumerate(sheet.headers):
            ws.write_string(row_no, col, neutralise_formula(header), header_format)
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
                    ws.write_string(row_no, col, neutralise_formula(str(value)))
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
