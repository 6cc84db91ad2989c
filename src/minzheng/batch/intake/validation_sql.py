"""Per-column validity checks for intake, as DuckDB SQL fragments over trimmed text values.

Every delivered value is first cast to text (Parquet-typed values too), so one set of checks covers CSV and
Parquet alike: ``12.3000`` from a DECIMAL(18,4) column is fine, ``12.345`` is rejected rather than rounded.
"""

from __future__ import annotations

import datetime as dt

from .contracts import Column, Kind

_PATTERNS: dict[Kind, tuple[str, str]] = {
    Kind.DATE: (r"\d{4}-\d{2}-\d{2}", "日期格式错误（应为 YYYY-MM-DD）"),
    Kind.MONTH: (r"\d{4}-(0[1-9]|1[0-2])", "月份格式错误（应为 YYYY-MM）"),
    # at most 16 integer digits and 2 decimals (trailing zeros allowed): DECIMAL(18,2)
    Kind.MONEY: (r"-?\d{1,16}(\.\d{0,2}0*)?", "金额格式错误（应为最多两位小数的数字）"),
    Kind.SHARE: (r"(0(\.\d{0,4}0*)?|1(\.0*)?|\.\d{1,4}0*)", "份额应为 0 至 1 之间、最多四位小数的数字"),
    Kind.INTEGER: (r"-?\d{1,9}", "应为整数"),
    Kind.BOOLEAN: (r"(?i)(true|false|1|0)", "应为 true 或 false"),
    Kind.DIVISION: (r"\d{12}", "应为12位区划代码"),
}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def row_problem_sql(column: Column, value: str, as_of: dt.date | None = None) -> str:
    """A SQL expression that is NULL when ``value`` is valid for ``column``, else a Chinese reason.

    With the delivery's ``as_of``, a date or month after it is a problem: an extract cannot hold a record
    from its future (exchange-formats.md, precise readings)."""
    label = f"列 {column.name} "
    shown = f"'：' || {value}"
    whens: list[str] = []
    if not column.nullable:
        whens.append(f"WHEN {value} IS NULL THEN {_quote(label + '为空')}")
    if column.kind is Kind.CHOICE:
        allowed = ", ".join(_quote(c) for c in column.choices)
        whens.append(
            f"WHEN {value} NOT IN ({allowed}) THEN {_quote(label + '的值不在允许范围（' + '/'.join(column.choices) + '）')} || {shown}"
        )
    if column.kind in _PATTERNS:
        pattern, message = _PATTERNS[column.kind]
        whens.append(
            f"WHEN NOT regexp_full_match({value}, {_quote(pattern)}) THEN {_quote(label + message)} || {shown}"
        )
    if column.kind is Kind.DATE:
        whens.append(
            f"WHEN TRY_CAST({value} AS DATE) IS NULL THEN {_quote(label + '不是有效日期')} || {shown}"
        )
    if as_of is not None and column.kind is Kind.DATE:
        whens.append(
            f"WHEN CAST({value} AS DATE) > DATE '{as_of.isoformat()}' "
            f"THEN {_quote(label + f'晚于交付基准日 {as_of.isoformat()}')} || {shown}"
        )
    if as_of is not None and column.kind is Kind.MONTH:
        whens.append(
            f"WHEN {value} > '{as_of:%Y-%m}' THEN {_quote(label + f'晚于交付基准日所在月份 {as_of:%Y-%m}')} || {shown}"
        )
    if column.non_negative:
        whens.append(
            f"WHEN CAST({value} AS DECIMAL(38,10)) < 0 THEN {_quote(label + '不得为负数')} || {shown}"
        )
    if column.int_range is not None:
        low, high = column.int_range
        whens.append(
            f"WHEN CAST({value} AS BIGINT) NOT BETWEEN {low} AND {high} "
            f"THEN {_quote(label + f'应在 {low} 至 {high} 之间')} || {shown}"
        )
    if not whens:
        return "NULL"
    # CASE stops at the first failing check, so later casts only see values that passed the format checks
    return f"CASE {' '.join(whens)} END"


def accepted_value_sql(column: Column, value: str) -> str:
    """Cast a validated text value to the column's storage type."""
    kind = column.kind
    if kind is Kind.ID_NUMBER:
        return f"UPPER({value})"
    if kind is Kind.DATE:
        return f"CAST({value} AS DATE)"
    if kind is Kind.MONEY:
        return f"CAST({value} AS DECIMAL(18,2))"
    if kind is Kind.SHARE:
        return f"CAST({value} AS DECIMAL(9,4))"
    if kind is Kind.INTEGER:
        return f"CAST({value} AS INTEGER)"
    if kind is Kind.BOOLEAN:
        return f"LOWER({value}) IN ('true', '1')"
    if column.optional:
        return f"COALESCE({value}, {_quote(column.default)})"
    return value
