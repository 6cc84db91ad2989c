"""资金台账 rules: a fund's allocations never exceed its budget, a disbursement never exceeds what was
allocated (财政资金 “专款专用”: 《中华人民共和国预算法》第十三条 — 经人民代表大会批准的预算，非经法定程序不得调整；
各级政府、各部门、各单位的支出必须以经批准的预算为依据), and the monthly 执行率."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
RATE = Decimal("0.0001")


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f}"


def allocation_problem(budget: Decimal, allocated: Decimal, amount: Decimal) -> str | None:
    """The Chinese refusal when allocating ``amount`` on top of ``allocated`` would exceed ``budget``."""
    if amount <= 0:
        return "下达金额应大于0"
    if allocated + amount > budget:
        return f"下达金额合计 {_yuan(allocated + amount)} 元超出预算 {_yuan(budget)} 元（尚可下达 {_yuan(budget - allocated)} 元）"
    return None


def disbursement_problem(allocated: Decimal, disbursed: Decimal, amount: Decimal) -> str | None:
    """The Chinese refusal when paying ``amount`` on top of ``disbursed`` would exceed ``allocated``."""
    if disbursed + amount > allocated:
        return f"支出合计 {_yuan(disbursed + amount)} 元超出下达额度 {_yuan(allocated)} 元（尚余 {_yuan(allocated - disbursed)} 元）"
    return None


def execution_rate(allocated: Decimal, disbursed: Decimal) -> Decimal | None:
    """执行率 = 已支出 ÷ 已下达, to 0.01 %; None when nothing was allocated."""
    if allocated <= 0:
        return None
    return (disbursed / allocated).quantize(RATE, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class MonthExecution:
    month: date
    disbursed: Decimal
    cumulative: Decimal
    balance: Decimal
    rate: Decimal | None


def monthly_execution(allocated: Decimal, by_month: dict[date, Decimal]) -> list[MonthExecution]:
    """Each month's 支出, 累计支出, 结余 and 累计执行率, in month order."""
    rows, cumulative = [], Decimal("0.00")
    for month in sorted(by_month):
        cumulative += by_month[month]
        rows.append(
            MonthExecution(
                month,
                by_month[month],
                cumulative,
                allocated - cumulative,
                execution_rate(allocated, cumulative),
            )
        )
    return rows


def balanced(budget: Decimal, allocated: Decimal) -> bool:
    """预算全部下达: the allocations sum to the budget."""
    return allocated == budget


def recovery_problem(confirmed: bool, recovered: Decimal | None, paid: Decimal) -> str | None:
    """A confirmed finding records the 追回 amount (0 … the payment); an explained one records none."""
    if not confirmed:
        return None if not recovered else "核实无问题的疑点不登记追回金额"
    if recovered is None:
        return "确认问题须填写追回金额"
    if recovered > paid:
        return f"追回金额 {_yuan(recovered)} 元不能超过该笔发放金额 {_yuan(paid)} 元"
    return None
