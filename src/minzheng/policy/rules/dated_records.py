"""Dated, per-division policy records: which version is in force for a division on a day.

A parameter or standard set for a province covers its cities, counties and villages unless one of them
sets its own (the longest division prefix wins); among one division's versions the latest one effective on
or before the day is in force. ``resolve_dibao_standard`` applies the same rule to 低保标准 records.
"""

from collections.abc import Iterable
from datetime import date
from typing import Protocol, TypeVar

from .divisions import division_covers, significant_division_prefix


class DatedRecord(Protocol):
    """Anything with a division code and the day it takes effect (parameter and standard versions)."""

    @property
    def division_code(self) -> str: ...

    @property
    def effective_from(self) -> date: ...


RecordT = TypeVar("RecordT", bound=DatedRecord)


def record_in_force(records: Iterable[RecordT], division_code: str, on: date) -> RecordT | None:
    """The version in force for ``division_code`` on ``on``: most specific division first, then latest date.

    Source: 《社会救助暂行办法》(国务院令第649号) — standards are set by provincial or 设区的市 governments, and
    a lower level may set its own within them; parameters follow the same rule. ``None`` when nothing covers.
    """
    candidates = [
        record
        for record in records
        if record.effective_from <= on and division_covers(record.division_code, division_code)
    ]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda record: (len(significant_division_prefix(record.division_code)), record.effective_from),
    )


def ancestor_division_codes(division_code: str) -> list[str]:
    """Full 12-digit codes of the whole country, the division's ancestors and the division itself.

    These are the only divisions whose records can be in force for it (``000000000000`` = national).
    """
    prefix = significant_division_prefix(division_code)
    lengths = [n for n in (2, 4, 6, 9, 12) if n <= len(prefix)]
    return ["0" * 12, *(prefix[:n].ljust(12, "0") for n in lengths)]
