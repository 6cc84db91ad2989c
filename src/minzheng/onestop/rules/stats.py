"""Figures of the 总览 (pure): rates and one matter's line."""

from dataclasses import dataclass


@dataclass(frozen=True)
class MatterRow:
    name: str
    received: int
    handled: int
    overdue: int
    average_days: float | None  # working days from 受理 to 办结
    limit_days: int  # 承诺办结时限


def rate(part: int, whole: int) -> float | None:
    """part / whole, or None when nothing was counted (shown as “—”, never as 0 %)."""
    return part / whole if whole else None
