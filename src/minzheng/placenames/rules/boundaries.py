"""界线 and 界桩 rules, pure.

- 界桩编号 (GB/T 17796-2009 行政区域界线测绘规范, as taught in surveying exams [W13]): 8 characters = the
  boundary line's 4-digit code + a 3-digit sequence along the line from 001 (west→east or north→south) + the
  type: Q 单立; A/B 同号双立 (A on the side with the smaller division code); C/D/E 同号三立.
- 《行政区域界线管理条例》(国务院令第353号) 第十二条: 联合检查 every 5 years; 第六条: repairs by the assigned side
  in the presence of the neighbour, moving or adding a 界桩 needs agreement, a joint survey and filing.
"""

import re
from dataclasses import dataclass
from datetime import date

from minzheng.core.division_history import add_months

MARKER_TYPES = {
    "Q": "单立",
    "A": "同号双立（代码较小一侧）",
    "B": "同号双立（代码较大一侧）",
    "C": "同号三立",
    "D": "同号三立",
    "E": "同号三立",
}
_NUMBER = re.compile(r"^(\d{4})(\d{3})([QABCDE])$")


@dataclass(frozen=True)
class MarkerNumber:
    line_code: str
    sequence: int
    type_code: str


def parse_marker_number(text: str) -> MarkerNumber | None:
    match = _NUMBER.match((text or "").strip().upper())
    if not match or match.group(2) == "000":
        return None
    return MarkerNumber(match.group(1), int(match.group(2)), match.group(3))


def marker_number_problems(text: str, line_code: str, *, on_smaller_side: bool | None = None) -> list[str]:
    """What is wrong with a 界桩编号 on the line ``line_code`` (empty: nothing). ``on_smaller_side`` says, for a
    同号双立 pair, whether this 桩 stands on the side with the smaller division code (A) or not (B)."""
    number = parse_marker_number(text)
    if number is None:
        return ["界桩编号应为8位：4位界线代码＋3位序号（从001起）＋1位类型码（Q/A/B/C/D/E）"]
    problems = []
    if number.line_code != line_code:
        problems.append(f"界桩编号的前4位应为本界线代码{line_code}")
    if on_smaller_side is not None and number.type_code in ("A", "B"):
        expected = "A" if on_smaller_side else "B"
        if number.type_code != expected:
            problems.append(f"同号双立界桩在代码较{'小' if on_smaller_side else '大'}一侧应为{expected}")
    return problems


def line_code_for(code_a: str, code_b: str) -> str:
    """A 4-digit line code from the two sides' codes at their level (provinces: 2+2 digits; counties inside
    a city: the last 2 digits of each county code), smaller first — the platform's convention where the
    national catalogue gives no code."""
    a, b = sorted((code_a, code_b))
    if a[:2] != b[:2]:
        return a[:2] + b[:2]
    return a[4:6] + b[4:6]


def joint_inspection_due(last: date, years: int) -> date:
    """第十二条: the next 联合检查 ``years`` (5) after the last one (or after the agreement, if none yet)."""
    return add_months(last, 12 * years)


def repair_problems(
    kind: str, neighbour_present: bool, filing_reference: str, agreement_reference: str
) -> list[str]:
    """第六条: a repair needs the neighbour present; a move or an added 界桩 also an agreement and a filing."""
    problems = []
    if not neighbour_present:
        problems.append("界桩维修、移动须在相邻方人员在场的情况下进行（《行政区域界线管理条例》第六条）")
    if kind in ("move", "add"):
        if not agreement_reference:
            problems.append("移动或增设界桩须经相邻双方协商同意，请填写协议文号")
        if not filing_reference:
            problems.append("移动或增设界桩须联合测绘并备案，请填写备案文号")
    return problems
