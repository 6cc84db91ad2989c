"""残疾人两项补贴's published interface (other apps import only this).

- ``coverage``: 两项补贴覆盖率's counts for a division on a day (covered, eligible), for a domain that reports it;
- ``receiving_person_ids``: who of the given persons is paid a subsidy in that month (e.g. 补差 elsewhere).
"""

from dataclasses import dataclass
from datetime import date

from minzheng.core.jurisdiction import division_prefix
from minzheng.policy.interface import month_start

from .figures import eligible_and_covered
from .selectors import paying_person_ids


@dataclass(frozen=True)
class Coverage:
    covered: int
    eligible: int


def coverage(division_code: str, on: date) -> Coverage:
    covered, eligible, _ = eligible_and_covered(division_prefix(division_code), on)
    return Coverage(covered, eligible)


def receiving_person_ids(person_ids: list[int], month: date) -> dict[int, set[str]]:
    """person id → the subsidy kinds (``living``/``care``) paid for ``month``."""
    return paying_person_ids(person_ids, month_start(month))


__all__ = ["Coverage", "coverage", "receiving_person_ids"]
