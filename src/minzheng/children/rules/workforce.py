"""未成年人保护 workforce (未保法 Art 81; 民发〔2019〕34号): a 未成年人保护工作站 (or a designated officer) per
乡镇（街道）, one 儿童督导员 per 乡镇（街道） and one 儿童主任 per 村（居）; what is missing where, and 参训率."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

SUPERVISOR = "supervisor"
DIRECTOR = "director"
ROLE_LEVEL = {SUPERVISOR: 4, DIRECTOR: 5}  # 乡级 / 村级 (行政区划 levels)
ROLE_LABELS = {SUPERVISOR: "儿童督导员", DIRECTOR: "儿童主任"}


def level_error(role: str, level: int) -> str | None:
    """儿童督导员 sit in a 乡镇（街道）, 儿童主任 in a 村（居） (民发〔2019〕34号)."""
    if ROLE_LEVEL.get(role) == level:
        return None
    return "儿童督导员须选择乡镇（街道）" if role == SUPERVISOR else "儿童主任须选择村（居）委会"


@dataclass(frozen=True)
class TownshipGap:
    code: str
    station: bool
    supervisor: bool
    villages: int
    villages_with_director: int
    villages_without: tuple[str, ...]


def township_gaps(
    townships: list[str],
    villages_of: dict[str, list[str]],
    stations: set[str],
    supervisors: set[str],
    directors: set[str],
) -> list[TownshipGap]:
    """Per township: is there a station, a 督导员, and which villages lack a 儿童主任."""
    rows = []
    for code in townships:
        villages = villages_of.get(code, [])
        without = tuple(v for v in villages if v not in directors)
        rows.append(
            TownshipGap(
                code,
                code in stations,
                code in supervisors,
                len(villages),
                len(villages) - len(without),
                without,
            )
        )
    return rows


def percentage(numerator: int, denominator: int) -> Decimal | None:
    """A percentage to one decimal, undefined (None) on an empty denominator."""
    if denominator == 0:
        return None
    return (Decimal(100) * numerator / denominator).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def trained_in_year(training_days: list[date], year: int) -> bool:
    """参训: at least one training in the year (儿童主任参训率, LN plan 100 %)."""
    return any(day.year == year for day in training_days)
