"""Household rosters (.xlsx in the import template's columns) of any size, for the crash tests and the
benchmark: households of three (户主, 配偶, 子) in two communities of 元宝区, valid 公民身份号码 throughout."""

from datetime import date, timedelta

from minzheng.core.identity import make_resident_id
from minzheng.core.roster_format import ROSTER_COLUMNS
from minzheng.core.spreadsheets import Sheet, write_workbook

HEADERS = [c.header for c in ROSTER_COLUMNS]
VILLAGES = ("210602002001", "210602003001")


def _row(head: str, relation: str, name: str, id_number: str, **cells) -> list:
    values = {
        "户主公民身份号码": head,
        "与户主关系": relation,
        "姓名": name,
        "公民身份号码": id_number,
        "民族": "汉族",
    }
    values.update(cells)
    return [values.get(h, "") for h in HEADERS]


def roster_rows(households: int, *, offset: int = 0) -> list[list]:
    """``households`` × 3 rows; ``offset`` shifts the birth dates so two rosters never share a person."""
    rows = []
    for n in range(offset, offset + households):
        day, seq = divmod(n, 400)  # 400 households per birth date: sequences 0–999 stay distinct
        born = date(1950, 1, 1) + timedelta(days=day)
        head = make_resident_id("210602", born, 2 * seq + 1)  # odd: male
        wife = make_resident_id("210602", born + timedelta(days=1), 2 * seq)
        child = make_resident_id("210602", date(2005, 1, 1) + timedelta(days=day), 2 * seq + 1)
        village = VILLAGES[n % 2]
        rows += [
            _row(
                head, "户主", f"赵{n}", head, 居住地区划代码=village, 详细地址=f"兴五路{n}号", 城乡类别="城市"
            ),
            _row(head, "配偶", f"钱{n}", wife),
            _row(head, "子", f"孙{n}", child),
        ]
    return rows


def roster_xlsx(households: int, *, offset: int = 0) -> bytes:
    return write_workbook([Sheet("花名册", HEADERS, roster_rows(households, offset=offset))])
