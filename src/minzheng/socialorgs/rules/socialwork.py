"""社会工作 (pure): the “六有” standard of a 社工站 and the figures the plans monitor.

丹东市民政事业发展第十四个五年规划: 按照“有场地、有设备、有人员、有服务功能、有工作流程、有规章制度”的标准……实现乡镇
（街道）社会工作和社会救助服务站建设全覆盖. A station counts towards coverage on a day when it is open that day and
its latest “六有” check on or before the day found all six.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# (field, label) of the six requirements, in the order the plan lists them.
SIX_STANDARDS: tuple[tuple[str, str], ...] = (
    ("has_site", "有场地"),
    ("has_equipment", "有设备"),
    ("has_staff", "有人员"),
    ("has_services", "有服务功能"),
    ("has_workflow", "有工作流程"),
    ("has_rules", "有规章制度"),
)


def missing_standards(flags: dict[str, bool]) -> list[str]:
    """The requirements a check found unmet, by their labels."""
    return [label for field, label in SIX_STANDARDS if not flags.get(field)]


@dataclass(frozen=True)
class StationState:
    township: str
    opened_on: date
    closed_on: date | None
    checks: tuple[tuple[date, bool], ...]  # (checked_on, met all six)


def meets_standard_on(station: StationState, day: date) -> bool:
    """Open that day and the latest check on or before it met all six."""
    if station.opened_on > day or (station.closed_on is not None and station.closed_on <= day):
        return False
    earlier = [(on, met) for on, met in station.checks if on <= day]
    return bool(earlier) and max(earlier)[1]


def covered_townships(stations: list[StationState], day: date) -> set[str]:
    return {s.township for s in stations if meets_standard_on(s, day)}


def coverage_percent(covered: int, townships: int) -> Decimal | None:
    """乡镇（街道）社会工作和社会救助服务站覆盖率 (×100, two places); undefined when there is no township."""
    if not townships:
        return None
    return (Decimal(100) * covered / townships).quantize(Decimal("0.01"))


def holds_certificate_on(certified_on: date, joined_on: date, left_on: date | None, day: date) -> bool:
    """社会工作专业人才 counted on a day: certified and working in the division that day."""
    return certified_on <= day and joined_on <= day and (left_on is None or left_on > day)


def in_ten_thousands(count: int) -> Decimal:
    """The plans state 社会工作专业人才总量 in 万人."""
    return (Decimal(count) / Decimal(10000)).quantize(Decimal("0.0001"))
