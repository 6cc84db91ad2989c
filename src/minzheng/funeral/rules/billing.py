"""The bill of a funeral order: line amounts, 惠民殡葬 waivers of 基本殡葬服务, totals.

Sources: 民政部等《关于推行惠民殡葬政策的指导意见》(民发〔2012〕211号): 基本殡葬服务 (遗体接运、暂存、火化、骨灰寄存)
reduced or waived for 城乡低保对象、特困人员 and others, with local scope and caps (km, days, years) set by each
province or city; the revised 《殡葬管理条例》(2026-03-30) — 殡葬服务清单化管理, nothing charged outside the list.
The rule (item, cap, categories) arrives as arguments from the dated per-division waiver table.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    """数量 × 单价, rounded to the fen (half up, as a cash register)."""
    return (quantity * unit_price).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Waiver:
    quantity: Decimal
    amount: Decimal


NO_WAIVER = Waiver(Decimal(0), Decimal("0.00"))


def waiver_for_line(
    *,
    quantity: Decimal,
    unit_price: Decimal,
    eligible_categories: frozenset[str],
    rule_categories: frozenset[str],
    cap_quantity: Decimal | None,
) -> Waiver:
    """惠民殡葬: the part of one line the bureau pays instead of the family.

    The deceased qualifies when one of their categories at the date of death is among the rule's; the waived
    quantity is the line's quantity up to the rule's cap (none: all of it); the amount is that quantity at the
    line's price."""
    if not (eligible_categories & rule_categories) or quantity <= 0:
        return NO_WAIVER
    waived = quantity if cap_quantity is None else min(quantity, cap_quantity)
    return Waiver(waived, line_amount(waived, unit_price))


def bill_totals(lines: list[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal, Decimal]:
    """(合计, 减免, 应付) over (amount, waived amount) pairs."""
    total = sum((amount for amount, _ in lines), Decimal("0.00"))
    waived = sum((w for _, w in lines), Decimal("0.00"))
    return total, waived, total - waived
