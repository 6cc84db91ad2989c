"""Shared reads for a pass over many cases: inside ``shared_reads()``, lookups that are the same for every
case of a run (a program's setting for a division and day, who is 特困 on a day) are read once.

A list such as 规则修订影响清单 judges hundreds of enrolments with the same functions that judge one case; the
memo lets those functions stay as they are for one case and still read set-based over a county. Outside the
block nothing is kept, so a single case always sees the database as it is now.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_memo: ContextVar[dict | None] = ContextVar("assistance_shared_reads", default=None)


@contextmanager
def shared_reads() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def active() -> bool:
    return _memo.get() is not None


def memoised(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per key inside ``shared_reads()``; every time outside it."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
