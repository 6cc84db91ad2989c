"""核对名单: the list of households a caseworker uploads for a batch verification (.xlsx or .csv).

Reading the file into rows and judging each row against what the registry says about the households it
names. No database access here — the service passes in the lookup, scoped to the user's jurisdiction — but not
pure either: it raises the platform's typed import errors and uses core's registry and row-error types. A row names a household by 户编号, by its
户主公民身份号码, or by both (then both must name the same household). Any row error rejects the whole list —
the caseworker corrects the file and uploads it again, as with every import in the platform.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass

from minzheng.core.errors import ImportRejected, InvalidIdNumber
from minzheng.core.identity import mask_id_number, parse_resident_id
from minzheng.core.person_rules import as_text
from minzheng.core.selectors.registry import HouseholdLocation as Location
from minzheng.core.services.roster_import import RowError
from minzheng.core.spreadsheets import XLSX_MAGIC, read_first_sheet

NUMBER, HEAD_ID = "户编号", "户主公民身份号码"
#: headers accepted for each column (the template's first; what people commonly type after it)
HEADERS = {
    NUMBER: (NUMBER, "家庭编号", "户号"),
    HEAD_ID: (HEAD_ID, "户主身份证号", "户主身份证号码", "户主公民身份证号码"),
}
MAX_ROWS = 200_000


@dataclass(frozen=True)
class ListRow:
    row: int  # the row number in the spreadsheet (header included), as the caseworker sees it
    number: str
    head_id: str


def read_list(data: bytes, file_name: str) -> list[ListRow]:
    """The rows of an uploaded list; whole-file problems raise ``ImportRejected`` in Chinese."""
    if not data.strip():
        raise ImportRejected("上传的名单是空文件")
    if data.startswith(XLSX_MAGIC):
        table = read_first_sheet(data)
    elif file_name.lower().endswith(".csv"):
        table = list(csv.reader(io.StringIO(_decode(data))))
    else:
        raise ImportRejected("名单应为 .xlsx 或 .csv 文件，请使用下载的模板")
    header_index, positions = _header(table)
    rows = []
    for offset, raw in enumerate(table[header_index + 1 :]):
        if not any(as_text(c) for c in raw):
            continue
        rows.append(
            ListRow(
                row=header_index + 2 + offset,
                number=_cell(raw, positions.get(NUMBER)),
                head_id=_cell(raw, positions.get(HEAD_ID)),
            )
        )
    if not rows:
        raise ImportRejected("名单中没有数据行")
    if len(rows) > MAX_ROWS:
        raise ImportRejected(f"一份名单最多{MAX_ROWS}户，本名单{len(rows)}行，请分批核对")
    return rows


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel in Chinese Windows saves "CSV" in the ANSI code page (GBK); GB 18030 is its superset
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportRejected("CSV 文件编码无法识别，请另存为 UTF-8 或使用 .xlsx 模板") from None


def _header(table: list[list]) -> tuple[int, dict[str, int]]:
    by_alias = {alias: column for column, aliases in HEADERS.items() for alias in aliases}
    for index, raw in enumerate(table[:10]):
        positions = {}
        for position, cell in enumerate(raw):
            column = by_alias.get(as_text(cell).replace("*", "").replace(" ", ""))
            if column and column not in positions:
                positions[column] = position
        if positions:
            return index, positions
    raise ImportRejected(f"未找到表头：名单应有“{NUMBER}”或“{HEAD_ID}”列（可两列都填），请使用下载的模板")


def _cell(raw: list, position: int | None) -> str:
    if position is None or position >= len(raw):
        return ""
    value = raw[position]
    if isinstance(value, float) and not value.is_integer():
        return str(value)
    return as_text(value)


def check_rows(
    rows: list[ListRow],
    by_number: dict[str, Location],
    by_head: dict[str, Location],
    *,
    id_check: Callable[[str], str] = lambda raw: parse_resident_id(raw).number,
) -> tuple[list[int], list[RowError]]:
    """Household ids in list order, and every row's problems (empty when the list can be verified)."""
    households: list[int] = []
    errors: list[RowError] = []
    first_row_of: dict[int, int] = {}
    for row in rows:
        found, problem = _locate(row, by_number, by_head, id_check)
        if problem is not None:
            errors.append(problem)
            continue
        assert found is not None
        if found.household_id in first_row_of:
            errors.append(
                RowError(
                    row.row,
                    NUMBER if row.number else HEAD_ID,
                    f"与第{first_row_of[found.household_id]}行为同一家庭（重复）",
                )
            )
            continue
        first_row_of[found.household_id] = row.row
        households.append(found.household_id)
    return households, errors


def _locate(
    row: ListRow, by_number: dict[str, Location], by_head: dict[str, Location], id_check: Callable[[str], str]
) -> tuple[Location | None, RowError | None]:
    if not row.number and not row.head_id:
        return None, RowError(row.row, NUMBER, f"{NUMBER}和{HEAD_ID}至少填写一项")
    found_by_number = found_by_head = None
    if row.number:
        found_by_number = by_number.get(row.number)
        if found_by_number is None:
            return None, RowError(row.row, NUMBER, f"本辖区未找到户编号为 {row.number} 的家庭")
    if row.head_id:
        try:
            head_id = id_check(row.head_id)
        except InvalidIdNumber as exc:
            return None, RowError(row.row, HEAD_ID, exc.message)
        found_by_head = by_head.get(head_id)
        if found_by_head is None:
            return None, RowError(
                row.row, HEAD_ID, f"本辖区未找到户主公民身份号码为 {mask_id_number(head_id)} 的家庭"
            )
    found = found_by_number or found_by_head
    column = NUMBER if found_by_number else HEAD_ID
    assert found is not None
    if found_by_number and found_by_head and found_by_number != found_by_head:
        return None, RowError(row.row, HEAD_ID, f"户编号与{HEAD_ID}不属于同一家庭")
    if found.dissolved:
        return None, RowError(row.row, column, "该家庭已销户，无需核对")
    return found, None
