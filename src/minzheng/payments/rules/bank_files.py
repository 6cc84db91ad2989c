"""银行代发文件: the field catalogue a bank format may use, column checks and how each value is written.

Pure functions: a bank format is data (header, field, format per column; amount unit; encoding), so a new
bank is configuration. Amounts leave as 元 with two decimals or as integer 分 — never through float.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Payment:
    """One transfer in a bank file: a payee's net amount in one roster (regular + adjustments)."""

    seq: int
    enrolment_id: int
    household_number: str
    division_code: str
    division_name: str
    township_name: str
    payee_name: str
    payee_id_number: str
    bank_name: str
    bank_account: str
    persons: int
    amount: Decimal


@dataclass(frozen=True)
class FileContext:
    """What every row of one file shares: the roster's month, program and the file's amount unit."""

    month: date
    program_name: str
    amount_unit: str  # "yuan" | "fen"


FIELDS: dict[str, str] = {
    "seq": "序号",
    "account": "银行账号",
    "payee_name": "户名（领款人）",
    "id_number": "证件号码",
    "amount": "金额",
    "persons": "保障人数",
    "household_number": "户编号",
    "division_code": "区划代码",
    "division_name": "村（社区）",
    "township_name": "乡镇（街道）",
    "bank_name": "开户银行",
    "program_name": "救助项目",
    "month": "发放月份",
    "remark": "摘要",
    "literal": "固定值",
}

_DEFAULT_MONTH_FORMAT = "%Y%m"


def validate_columns(columns: Sequence[Mapping]) -> list[str]:
    """Chinese messages for every problem in a format's column list (empty when valid)."""
    problems = []
    if not columns:
        return ["至少需要一列"]
    for number, column in enumerate(columns, start=1):
        header = str(column.get("header", "")).strip()
        field = column.get("field", "")
        if not header:
            problems.append(f"第{number}列：表头不能为空")
        if field not in FIELDS:
            problems.append(f"第{number}列（{header}）：字段“{field}”无效，可用：{'、'.join(FIELDS)}")
        fmt = str(column.get("format", "") or "")
        if field == "amount" and fmt not in ("", "yuan", "fen"):
            problems.append(f"第{number}列（{header}）：金额格式只能是 yuan（元）或 fen（分）")
        if field == "month" and fmt and "%" not in fmt:
            problems.append(f"第{number}列（{header}）：月份格式应为 strftime 格式，如 %Y%m")
    if not any(c.get("field") == "account" for c in columns):
        problems.append("代发文件必须包含银行账号列")
    if not any(c.get("field") == "amount" for c in columns):
        problems.append("代发文件必须包含金额列")
    return problems


def yuan_to_fen(amount: Decimal) -> int:
    return int((Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP) * 100).to_integral_value())


def format_amount(amount: Decimal, unit: str) -> str:
    if unit == "fen":
        return str(yuan_to_fen(amount))
    return f"{Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP):.2f}"


def cell_value(payment: Payment, column: Mapping, context: FileContext) -> str:
    """The text one column holds for one payment (files carry text, so accounts keep leading zeros)."""
    field, fmt = column["field"], str(column.get("format", "") or "")
    if field == "amount":
        return format_amount(payment.amount, fmt or context.amount_unit)
    if field == "month":
        return context.month.strftime(fmt or _DEFAULT_MONTH_FORMAT)
    if field == "literal":
        return fmt
    if field == "remark":
        return fmt or f"{context.month:%Y年%m月}{context.program_name}"
    if field == "program_name":
        return context.program_name
    if field == "account":
        return payment.bank_account
    if field == "id_number":
        return payment.payee_id_number
    return str(getattr(payment, field))


def file_rows(
    payments: Sequence[Payment], columns: Sequence[Mapping], context: FileContext
) -> list[list[str]]:
    return [[cell_value(p, column, context) for column in columns] for p in payments]


def keywords(text: str) -> list[str]:
    """“农商、信用社, 农村商业” → ["农商", "信用社", "农村商业"]."""
    return [k.strip() for k in re.split(r"[、,，;；\s]+", text or "") if k.strip()]


def bank_matches(bank_name: str, bank_keywords: Sequence[str]) -> bool:
    return not bank_keywords or any(k in (bank_name or "") for k in bank_keywords)
