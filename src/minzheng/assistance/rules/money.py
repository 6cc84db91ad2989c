"""Money in 元 as ``Decimal``, rounded to 分 half-up (never float)."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def round_yuan(amount: Decimal) -> Decimal:
    """Round an amount in 元 to 分, half-up, as payment lists and 公示 show it."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def yuan_to_fen(amount: Decimal) -> int:
    """Integer 分 for bank files: the amount rounded to 分 first."""
    return int(round_yuan(amount) * 100)


def fen_to_yuan(fen: int) -> Decimal:
    """Integer 分 back to 元 with two decimal places."""
    return (Decimal(fen) / 100).quantize(CENT)
