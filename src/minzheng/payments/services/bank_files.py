"""银行代发文件 export (.xlsx / .csv) in a bank's configured format. Full account numbers leave the platform
here, so only approved rosters are exported, only by the roles allowed, and every file is audited."""

import csv
import io
from dataclasses import dataclass

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import Sheet, neutralise_formula, write_workbook

from ..errors import InvalidBankFormat, PayrollError
from ..models import BankFormat, PayrollRoster
from ..rules.bank_files import FileContext, file_rows, validate_columns
from ..selectors import roster_payments


@dataclass(frozen=True)
class BankFile:
    content: bytes
    file_name: str
    content_type: str
    transfers: int
    not_payable: int


def export_bank_file(user, roster: PayrollRoster, bank_format: BankFormat, kind: str) -> BankFile:
    require(user, Capability.EXPORT_BANK_FILE)
    if not roster.is_locked:
        raise PayrollError("花名册审核通过（锁定）后才能导出银行代发文件")
    if kind not in ("xlsx", "csv"):
        raise PayrollError("文件类型只能是 xlsx 或 csv", field="kind")
    problems = validate_columns(bank_format.columns)
    if problems:
        raise InvalidBankFormat(f"代发格式“{bank_format.name}”有误：{'；'.join(problems)}")
    payments, not_payable = roster_payments(roster, bank_format.bank_keywords)
    if not payments:
        raise PayrollError(f"本花名册没有适用“{bank_format.name}”的代发明细")
    context = FileContext(roster.month, roster.program_name, bank_format.amount_unit)
    headers = [c["header"] for c in bank_format.columns]
    rows = file_rows(payments, bank_format.columns, context)
    base = (
        f"{roster.month:%Y%m}_{roster.program_code}_{roster.division_code[:9].rstrip('0')}_{bank_format.code}"
    )
    if kind == "csv":
        content = _csv(headers, rows, bank_format)
        content_type = f"text/csv; charset={bank_format.csv_encoding}"
    else:
        amount_cols = {i for i, c in enumerate(bank_format.columns) if c["field"] == "amount"}
        # Amounts as numbers (banks' import tools sum them); everything else as text so accounts keep zeros.
        typed = ([_number(v) if i in amount_cols else v for i, v in enumerate(r)] for r in rows)
        text_cols = tuple(i for i in range(len(headers)) if i not in amount_cols)
        widths = [max(10, min(30, len(h) * 2 + 4)) for h in headers]
        content = write_workbook(
            [Sheet("代发明细", headers, typed, column_widths=widths, text_columns=text_cols)]
        )
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    total = sum(p.amount for p in payments)
    record_event(
        user,
        AuditEvent.EXPORT,
        object_type="payroll_roster",
        object_id=roster.pk,
        division_code=roster.division_code,
        summary=f"导出银行代发文件（{bank_format.name}，{kind}）：{roster}，{len(payments)}笔，{total}元，含完整账号",
        after={"format": bank_format.code, "kind": kind, "transfers": len(payments), "total": str(total)},
    )
    return BankFile(content, f"{base}.{kind}", content_type, len(payments), len(not_payable))


def _number(text: str):
    # File boundary only: the amount was computed in Decimal and formatted to 2 places (or integer 分).
    return int(text) if text.isdigit() else float(text)


def _csv(headers: list[str], rows: list[list[str]], bank_format: BankFormat) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=bank_format.csv_delimiter or ",", lineterminator="\r\n")
    if bank_format.csv_header:
        writer.writerow([neutralise_formula(h) for h in headers])
    writer.writerows([neutralise_formula(cell) for cell in row] for row in rows)
    encoding = bank_format.csv_encoding
    try:
        return out.getvalue().encode(encoding)
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end]
        number = next((n for n, row in enumerate(rows, start=1) if bad in "".join(row)), 0)
        raise PayrollError(
            f"第{number}笔代发明细含“{bad}”，无法用 {encoding.upper()} 编码，请改用 GB18030 格式或 Excel 文件"
        ) from None
