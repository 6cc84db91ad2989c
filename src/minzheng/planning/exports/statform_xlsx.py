"""A 民政报表 as .xlsx in the form's printed layout (openpyxl, as the template-shaped forms are): title,
header block (表号 / 制表机关 / 编制单位 / 批准机关 / 地区编码 / 报告期 / 批准文号), the column heads with
their number row (甲 乙 丙 1 2 3), rows indented by level, numbers as the form prints them."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

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


def report_workbook(report, lines, division_name: str) -> bytes:
    form = report.form
    period = Period.parse(report.period)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = form.code[:31]
    sheet.merge_cells("A1:F1")
    sheet["A1"] = neutralise_formula(form.name)
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    approver_label = "批转机关" if "批转" in form.approver else "批准机关"
    header = [
        ("", f"表    号：{form.code}"),
        ("", f"制表机关：{form.issuer}"),
        (f"编制单位：{division_name}", f"{approver_label}：{form.approver.replace('（批转）', '')}"),
        (f"地区编码：{full_code(report.division_code)}    {period.year}年{period.last_month}月",
         f"批准文号：{form.approval_no}" if form.approval_no else ""),
    ]  # fmt: skip
    for k, (left, right) in enumerate(header, start=2):
        sheet.cell(row=k, column=1, value=neutralise_formula(left))
        sheet.cell(row=k, column=5, value=neutralise_formula(right))
    head_row = len(header) + 3
    heads = ["指标名称", "单位", "代码", "数量", form.previous_label, "环比"]
    numbers = ["甲", "乙", "丙", "1", "2", "3"]
    for column, (head, mark) in enumerate(zip(heads, numbers, strict=True), start=1):
        for row, text in ((head_row, head), (head_row + 1, mark)):
            cell = sheet.cell(row=row, column=column, value=text)
            cell.font, cell.border = Font(bold=True), _BOX
            cell.alignment = Alignment(horizontal="center")
    for offset, line in enumerate(lines, start=head_row + 2):
        row = line.row
        values = [
            "\u3000" * row.level + row.label + ("（未核实）" if not row.confirmed else ""),
            row.unit,
            row.code,
            None if row.is_heading else _printed(line.value, row.unit),
            None if row.is_heading else _printed(line.previous, row.unit),
            None if line.ratio is None else float(line.ratio),
        ]  # fmt: skip
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=offset, column=column, value=neutralise_formula(value))
            cell.border = _BOX
            if column in (4, 5):
                cell.number_format = _number_format(row.unit)
            elif column == 6:
                cell.number_format = "#,##0.00"
    for column, width in zip("ABCDEF", (44, 8, 16, 14, 14, 10), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
