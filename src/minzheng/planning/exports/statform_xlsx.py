"""A 民政报表 as .xlsx in the form's printed layout (openpyxl, as the template-shaped forms are): title,
header block (表号 / 填报单位 / 制表机关 / 编制单位 / 批准机关 / 地区编码 / 报告期 / 批准文号), the column heads
of the report's layout with their number row (甲 乙 丙 1 2 3 …), rows indented by level, numbers as the form
prints them, then 单位负责人 / 填表人 / 报出日期 and the 注. Prints A4 landscape, one page wide."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from minzheng.core.jurisdiction import full_code
from minzheng.core.spreadsheets import neutralise_formula

from ..periods import Period
from ..statform_rules import printed_decimals, rounded

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _number_format(unit: str) -> str:
    decimals = printed_decimals(unit)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _printed(value, unit: str) -> float | None:
    """As printed: rounded to the unit's decimals; zero and no data stay blank."""
    shown = rounded(value, unit)
    return None if shown is None or shown == 0 else float(shown)


_MARKS = ("甲", "乙", "丙")


def footnotes(lines, columns) -> list[str]:
    """注 printed under the form: what the figures are and how the comparison columns are worked."""
    keys = {c.key for c in columns}
    notes = ["累计支出各行为本年1月至报告期末的累计数，其余各行为报告期末数；数量为零或无数据的不填。"]
    if "yoy" in keys:
        notes.append("同比＝（数量－上年数据）÷上年数据×100，按打印数值计算，保留两位小数。")
    else:
        notes.append("环比＝（数量－上期）÷上期×100，按打印数值计算，保留两位小数；上期为空或为零的不填。")
    if "last_month" in keys:
        notes.append("上月为报告期最后一个月的前一个月的数值。")
    notes.append("表内审核：合计行等于其下各项之和，“其中”各项之和不大于所属行。")
    if any(not line.row.confirmed for line in lines):
        notes.append("标注“（未核实）”的行：公开报表未能核实其代码或顺序。")
    return [f"{k}.{text}" for k, text in enumerate(notes, start=1)]


def report_workbook(report, lines, division_name: str, columns, office: str = "") -> bytes:
    """The form on one sheet, printed A4 landscape, one page wide (as many pages tall as the rows need), the
    column heads repeated on every page."""
    form = report.form
    period = Period.parse(report.period)
    width = 3 + len(columns)
    last = get_column_letter(width)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = form.code[:31]
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = neutralise_formula(form.name)
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    approver_label = "批转机关" if "批转" in form.approver else "批准机关"
    header = [
        ("", f"表    号：{form.code}"),
        (f"填报单位：{office}" if office else "", f"制表机关：{form.issuer}"),
        (f"编制单位：{division_name}", f"{approver_label}：{form.approver.replace('（批转）', '')}"),
        (f"地区编码：{full_code(report.division_code)}    {period.year}年{period.last_month}月",
         f"批准文号：{form.approval_no}" if form.approval_no else ""),
    ]  # fmt: skip
    right = max(width - 1, 4)
    for k, (left, right_text) in enumerate(header, start=2):
        sheet.cell(row=k, column=1, value=neutralise_formula(left))
        sheet.cell(row=k, column=right, value=neutralise_formula(right_text))
    head_row = len(header) + 3
    heads = ["指标名称", "单位", "代码", *(c.head for c in columns)]
    numbers = [*_MARKS, *(str(k) for k in range(1, len(columns) + 1))]
    for column, (head, mark) in enumerate(zip(heads, numbers, strict=True), start=1):
        for row, text in ((head_row, head), (head_row + 1, mark)):
            cell = sheet.cell(row=row, column=column, value=text)
            cell.font, cell.border = Font(bold=True), _BOX
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
    offset = head_row + 1
    for offset, line in enumerate(lines, start=head_row + 2):
        row = line.row
        label = "\u3000" * row.level + row.label + ("（未核实）" if not row.confirmed else "")
        for column, value in enumerate([label, row.unit, row.code], start=1):
            sheet.cell(row=offset, column=column, value=neutralise_formula(value)).border = _BOX
        for column, spec in enumerate(columns, start=4):
            amount = line.amount(spec.key)
            ratio = spec.key in ("ratio", "yoy")
            shown = (None if amount is None else float(amount)) if ratio else _printed(amount, row.unit)
            cell = sheet.cell(row=offset, column=column, value=shown)
            cell.border = _BOX
            cell.number_format = "#,##0.00" if ratio else _number_format(row.unit)
    footer = offset + 2
    signed = (
        f"单位负责人：{report.principal}　　　填表人：{report.preparer}　　　报出日期："
        + (f"{report.reported_on.year}年{report.reported_on.month}月{report.reported_on.day}日" if report.reported_on else "")
    )  # fmt: skip
    sheet.cell(row=footer, column=1, value=neutralise_formula(signed))
    notes = footnotes(lines, columns)
    if report.explanation:
        notes.append(f"审核说明：{report.explanation}")
    sheet.cell(row=footer + 1, column=1, value="注：")
    for k, note in enumerate(notes, start=footer + 2):
        sheet.merge_cells(start_row=k, start_column=1, end_row=k, end_column=width)
        cell = sheet.cell(row=k, column=1, value=neutralise_formula(note))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, size in enumerate((44, 8, 16, *([13] * len(columns))), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = size
    # Print: A4 landscape, fit to one page wide (any number tall), heads repeated on every page.
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.print_title_rows = f"{head_row}:{head_row + 1}"
    sheet.print_area = f"A1:{last}{footer + 1 + len(notes)}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
