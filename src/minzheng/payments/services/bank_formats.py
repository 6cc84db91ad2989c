"""Maintaining 银行代发格式: a bureau adds its bank or changes a column without code. Columns are entered one
per line as ``表头|字段|格式`` (e.g. ``金额（分）|amount|fen``), checked by ``rules.bank_files``, audited."""

from dataclasses import dataclass

from django.db import transaction

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from ..errors import InvalidBankFormat
from ..models import BankFormat
from ..rules.bank_files import validate_columns

_FIELDS = [
    "code",
    "name",
    "bank_keywords",
    "amount_unit",
    "csv_encoding",
    "csv_delimiter",
    "csv_header",
    "enabled",
    "note",
]


@dataclass(frozen=True)
class FormatInput:
    code: str
    name: str
    columns_text: str
    bank_keywords: str = ""
    amount_unit: str = BankFormat.YUAN
    csv_encoding: str = "gbk"
    csv_delimiter: str = ","
    csv_header: bool = True
    enabled: bool = True
    note: str = ""


def parse_columns(text: str) -> list[dict]:
    columns = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        column = {"header": parts[0], "field": parts[1] if len(parts) > 1 else ""}
        if len(parts) > 2 and parts[2]:
            column["format"] = parts[2]
        columns.append(column)
    return columns


def columns_text(columns: list[dict]) -> str:
    return "\n".join(
        "|".join([c["header"], c["field"], *([c["format"]] if c.get("format") else [])]) for c in columns
    )


@transaction.atomic
def save_bank_format(user, data: FormatInput, existing: BankFormat | None = None) -> BankFormat:
    require(user, Capability.MANAGE_POLICY)
    columns = parse_columns(data.columns_text)
    problems = validate_columns(columns)
    if not data.code.strip() or not data.name.strip():
        problems.insert(0, "格式代码和格式名称不能为空")
    if data.amount_unit not in dict(BankFormat.AMOUNT_UNITS):
        problems.append("金额单位只能是元或分")
    if data.csv_encoding not in dict(BankFormat.ENCODINGS):
        problems.append("CSV 编码无效")
    if len(data.csv_delimiter or "") != 1:
        problems.append("CSV 分隔符须为一个字符")
    duplicate = BankFormat.objects.filter(code=data.code.strip()).exclude(pk=getattr(existing, "pk", None))
    if duplicate.exists():
        problems.append(f"格式代码“{data.code}”已存在")
    if problems:
        raise InvalidBankFormat(
            "；".join(problems), errors=[{"field": "columns", "message": p} for p in problems]
        )
    bank_format = existing or BankFormat()
    before = {f: getattr(bank_format, f) for f in [*_FIELDS, "columns"]} if existing else None
    for name in _FIELDS:
        value = getattr(data, name)
        setattr(
            bank_format, name, value.strip() if isinstance(value, str) and name != "csv_delimiter" else value
        )
    bank_format.columns = columns
    bank_format.save()
    record_event(
        user,
        AuditEvent.UPDATE if existing else AuditEvent.CREATE,
        object_type="bank_format",
        object_id=bank_format.pk,
        summary=f"{'修改' if existing else '新增'}银行代发格式：{bank_format.name}（{len(columns)}列）",
        before=before,
        after={f: getattr(bank_format, f) for f in [*_FIELDS, "columns"]},
    )
    return bank_format
