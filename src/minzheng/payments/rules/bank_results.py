"""银行回盘: reading a bank's results file (account, amount, status, failure reason) and matching each row
to a transfer of the roster. Pure: the caller passes the rows and the roster's transfers.

Every problem is collected as (row, column, Chinese message) so the whole file is refused at once with a
complete list — never half applied.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .bank_files import CENT

HEADERS: dict[str, tuple[str, ...]] = {
    "account": ("银行账号", "账号", "卡号", "收款账号", "收款人账号", "账户", "社保卡号"),
    "amount": (
        "金额",
        "发放金额",
        "实发金额",
        "交易金额",
        "金额（元）",
        "金额(元)",
        "金额（分）",
        "金额(分)",
    ),
    "status": ("状态", "处理结果", "交易结果", "结果", "处理状态"),
    "reason": ("失败原因", "原因", "备注", "错误信息", "失败说明"),
    "name": ("户名", "姓名", "收款人", "收款人姓名", "户名（领款人）"),
}
REQUIRED = ("account", "amount", "status")
LABELS = {"account": "银行账号", "amount": "金额", "status": "状态", "reason": "失败原因", "name": "户名"}

_SUCCESS = {"成功", "交易成功", "处理成功", "已入账", "入账成功", "success", "s", "ok", "0", "00"}
_FAILURE = {"失败", "交易失败", "处理失败", "退回", "退票", "入账失败", "failed", "fail", "f", "e"}


@dataclass(frozen=True)
class ResultRow:
    row: int  # the row number the user sees in the file (1-based, header included)
    key: object  # the transfer it matched (the caller's key)
    paid: bool
    reason: str


@dataclass(frozen=True)
class Transfer:
    key: object
    account: str
    amount: Decimal
    payee_name: str


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def locate_header(rows: Sequence[Sequence]) -> tuple[int, dict[str, int]] | None:
    """The first row (of the first ten) naming account, amount and status columns, and where each is."""
    for index, row in enumerate(rows[:10]):
        cells = [_text(c).replace(" ", "") for c in row]
        found = {}
        for field, names in HEADERS.items():
            for col, cell in enumerate(cells):
                if cell in names:
                    found[field] = col
                    break
        if all(f in found for f in REQUIRED):
            return index, found
    return None


def parse_amount(text: str, unit: str) -> Decimal:
    value = Decimal(text.replace(",", "").replace("¥", "").replace("，", ""))
    if unit == "fen":
        if value != value.to_integral_value():
            raise InvalidOperation
        return (value / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def match_results(
    rows: Sequence[Sequence], transfers: Sequence[Transfer], amount_unit: str
) -> tuple[list[ResultRow], list[dict]]:
    """Each data row matched to one transfer by account (and amount where an account repeats)."""
    located = locate_header(rows)
    if located is None:
        return [], [
            {"row": 1, "column": "", "message": "未找到表头：回盘文件须包含“银行账号”“金额”“状态”三列"}
        ]
    header_index, columns = located
    by_account: dict[str, list[Transfer]] = {}
    for transfer in transfers:
        by_account.setdefault(transfer.account, []).append(transfer)
    results: list[ResultRow] = []
    errors: list[dict] = []
    seen: dict[object, int] = {}
    unit_label = "分" if amount_unit == "fen" else "元"
    for index in range(header_index + 1, len(rows)):
        row, number = rows[index], index + 1

        def cell(field: str, row=row) -> str:
            col = columns.get(field)
            return _text(row[col]) if col is not None and col < len(row) else ""

        if not any(_text(c) for c in row):
            continue
        problems = []
        account = cell("account").replace(" ", "")
        if not account:
            problems.append(("account", "银行账号不能为空"))
        try:
            amount = parse_amount(cell("amount"), amount_unit)
        except (InvalidOperation, ValueError):
            amount = None
            problems.append(("amount", f"金额“{cell('amount')}”不是有效的金额（单位：{unit_label}）"))
        status = cell("status").lower()
        if status not in _SUCCESS and status not in _FAILURE:
            problems.append(("status", f"状态“{cell('status')}”无法识别，应为“成功”或“失败”"))
        reason = cell("reason")
        if status in _FAILURE and not reason:
            reason = "银行未注明原因"
        candidates = by_account.get(account, [])
        if account and not candidates:
            problems.append(("account", f"账号 {account} 不在本花名册的代发明细中"))
        elif amount is not None and candidates:
            same_amount = [t for t in candidates if t.amount == amount]
            if not same_amount:
                expected = "、".join(f"{t.amount}" for t in candidates)
                problems.append(("amount", f"金额 {amount} 元与代发金额 {expected} 元不符（账号 {account}）"))
            else:
                transfer = next((t for t in same_amount if t.key not in seen), None)
                if transfer is None:
                    first = seen[same_amount[0].key]
                    problems.append(("account", f"账号 {account} 与第{first}行重复"))
                elif not problems:
                    seen[transfer.key] = number
                    results.append(ResultRow(number, transfer.key, status in _SUCCESS, reason[:200]))
        errors.extend({"row": number, "column": LABELS[f], "message": m} for f, m in problems)
    if not results and not errors:
        errors.append({"row": header_index + 1, "column": "", "message": "回盘文件没有数据行"})
    return results, errors
