"""殡葬管理's published interface: the only module other apps import (the boundary test holds this).

Deaths reach the other domains through the registry's change feed (``core.services.registry.changes_since``),
not through here; this module answers questions about the funeral records themselves.
"""

from dataclasses import dataclass
from datetime import date

from .selectors.figures import death_count, waived_orders


@dataclass(frozen=True)
class WaiverFigures:
    """惠民殡葬 in a division and period: orders with a waiver, and the amount waived (元)."""

    orders: int
    amount: str


def waiver_figures(division_code: str, start: date, end: date) -> WaiverFigures:
    orders, amount = waived_orders(division_code, start, end)
    return WaiverFigures(orders, f"{amount:.2f}")


__all__ = ["WaiverFigures", "death_count", "waiver_figures"]
