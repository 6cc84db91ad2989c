"""Division history, pure: which code is in force on a day for a code written earlier, and back.

Remapping without rewriting (行政区划管理条例 2018): a record keeps the division code it was written with; a
reader that asks "as of a date" follows the successions that took effect by then. A change of a whole
division (rename, 撤县设市, new code, 变更隶属, merge into another) carries its sub-divisions along: their codes
keep their own digits under the successor's prefix. A split cannot say where a sub-division went, so its
resolution lists every successor and is marked ambiguous — callers must not guess.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

LEVEL_LENGTHS = (2, 4, 6, 9, 12)


def _prefix(code: str) -> str:
    code = code.ljust(12, "0")
    for length in LEVEL_LENGTHS:
        if set(code[length:]) <= {"0"}:
            return code[:length]
    return code


@dataclass(frozen=True)
class Succession:
    """One link: ``predecessor`` superseded by ``successor`` ('' = abolished) from ``effective_on``."""

    predecessor: str
    successor: str
    effective_on: date
    whole_area: bool = True  # False for a split: sub-divisions do not follow by prefix


@dataclass(frozen=True)
class Resolution:
    code: str
    day: date
    codes: tuple[str, ...]
    steps: tuple[Succession, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.codes) > 1

    @property
    def abolished(self) -> bool:
        return not self.codes

    @property
    def changed(self) -> bool:
        return self.codes != (self.code,)


def _follow(code: str, link: Succession, split_successors: tuple[str, ...]) -> tuple[str, ...] | None:
    """Where ``code`` goes under ``link``; None when the link does not concern it."""
    if code == link.predecessor:
        return split_successors if split_successors else ((link.successor,) if link.successor else ())
    old = _prefix(link.predecessor)
    if (
        not link.whole_area
        or not link.successor
        or not code.startswith(old)
        or len(_prefix(code)) <= len(old)
    ):
        return None
    new = _prefix(link.successor)
    if len(new) != len(old):
        return None  # a change of level: the sub-divisions' digits mean nothing under the new prefix
    return (new + code[len(old) :],)


def resolve(code: str, day: date, successions: Iterable[Succession]) -> Resolution:
    """The code(s) in force on ``day`` for a record written with ``code`` (12 digits). Successions apply in
    the order they took effect; those after ``day`` do not apply (the record is read as it was then)."""
    code = code.ljust(12, "0")
    links = sorted((s for s in successions if s.effective_on <= day), key=lambda s: s.effective_on)
    splits: dict[tuple[str, date], list[str]] = {}
    for s in links:
        if not s.whole_area and s.successor:
            splits.setdefault((s.predecessor, s.effective_on), []).append(s.successor)
    current: tuple[str, ...] = (code,)
    steps: list[Succession] = []
    for s in links:
        if s.predecessor == s.successor:
            if s.predecessor in current:
                steps.append(s)  # a rename keeping its code: a step of the lineage, no new code
            continue
        split = tuple(splits.get((s.predecessor, s.effective_on), ())) if not s.whole_area else ()
        moved: list[str] = []
        touched = False
        for c in current:
            target = _follow(c, s, split)
            if target is None:
                moved.append(c)
            else:
                touched = True
                moved.extend(target)
        if touched:
            steps.append(s)
            current = tuple(dict.fromkeys(moved))
    return Resolution(code=code, day=day, codes=current, steps=tuple(steps))


def predecessors(code: str, day: date, successions: Iterable[Succession]) -> tuple[str, ...]:
    """Every earlier code whose records resolve (unambiguously) to ``code`` on ``day``: the codes a reader
    must also look under to find the whole history of a division (a 12-digit ``code`` and its ancestors)."""
    code = code.ljust(12, "0")
    links = list(successions)
    candidates = {s.predecessor for s in links if s.effective_on <= day}
    found = []
    for old in sorted(candidates - {code}):
        r = resolve(old, day, links)
        if r.codes == (code,):
            found.append(old)
    return tuple(found)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of a shorter month)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(day.day, last))


def implementation_due(approved_on: date, months: int, extension_months: int, extended: bool) -> date:
    """实施期限: a change is implemented within ``months`` (12) of approval, ``extension_months`` (6) more when
    an extension was approved (行政区划管理条例 第十五条)."""
    return add_months(approved_on, months + (extension_months if extended else 0))


def code_publication_due(approved_on: date, months: int) -> date:
    """新的行政区划代码 fixed and published by 民政 within ``months`` (1) of approval (行政区划管理条例 第十七条)."""
    return add_months(approved_on, months)
