"""Ratios the plans monitor, as pure functions of counts (numerator, denominator → value or None).

A ratio with a zero denominator is undefined (``None``), never 0: a county with no institutions has no
护理型床位占比, it does not have 0%.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percentage(numerator: int | Decimal, denominator: int | Decimal, places: int = 1) -> Decimal | None:
    """numerator / denominator × 100, rounded half-up to ``places`` decimals; ``None`` when undefined."""
    if not denominator:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(quantum, rounding=ROUND_HALF_UP)


def per(numerator: int | Decimal, denominator: int | Decimal, base: int, places: int = 2) -> Decimal | None:
    """numerator per ``base`` of denominator (每千名老年人 …, 每百张床位 …); ``None`` when undefined."""
    if not denominator:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(numerator) * base / Decimal(denominator)).quantize(quantum, rounding=ROUND_HALF_UP)


def free_beds(total_beds: int, occupied: int) -> int:
    """空余床位: never negative (an over-full house shows 0 free, the excess is reported elsewhere)."""
    return max(total_beds - occupied, 0)
