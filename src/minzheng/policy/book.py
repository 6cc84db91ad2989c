"""参数台账: the parameters in force for a division on a day, from loaded versions.

Pure Python over plain copies of rows (no ORM), so a page can load the versions of all its divisions in one
query and resolve every line in memory. Resolution: the most specific division wins, then the latest version
effective on or before the day (``rules.dated_records``), skipping versions whose validity has ended.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from .rules.dated_records import record_in_force


class Dated(Protocol):
    @property
    def valid_to(self) -> date | None: ...


@dataclass(frozen=True)
class ParameterVersion:
    """One 政策参数 version as read from the table."""

    id: int
    name: str
    division_code: str
    effective_from: date
    valid_to: date | None
    value: Decimal | None
    text_value: str = ""
    unit: str = ""
    source_note: str = ""


def not_ended(version: Dated, on: date) -> bool:
    """False once a version's validity has ended: closed by a successor, or set for a limited period (e.g. a
    plan's 2021–2025 target) — then a higher division's version applies again."""
    return version.valid_to is None or version.valid_to >= on


class ParameterBook:
    """Versions of parameters for a set of divisions, answering "what is in force"."""

    def __init__(self, parameters: Iterable[ParameterVersion]):
        self._parameters: dict[str, list[ParameterVersion]] = defaultdict(list)
        for version in parameters:
            self._parameters[version.name].append(version)

    def parameter(self, name: str, division_code: str, on: date) -> ParameterVersion | None:
        return record_in_force([v for v in self._parameters[name] if not_ended(v, on)], division_code, on)

    def value(self, name: str, division_code: str, on: date) -> Decimal | None:
        found = self.parameter(name, division_code, on)
        return found.value if found is not None else None
