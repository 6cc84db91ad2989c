"""The 办件's state table: which step may follow which (the window's 受理, 补正, 转办; the domain's result).

Source: 国务院令第716号 (在线政务服务) and the 社会救助 rule of the 一次性告知; a 办件 handed to its domain
follows that domain's case and is 已办结 / 不予批准 when the case closes. A resident may withdraw (撤回) until
the matter is decided.
"""

from enum import StrEnum


class St(StrEnum):
    SUBMITTED = "submitted"
    MATERIALS_PENDING = "materials_pending"
    FORWARDED = "forwarded"
    HANDLING = "handling"
    COMPLETED = "completed"
    REFUSED = "refused"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


FINAL = frozenset({St.COMPLETED, St.REFUSED, St.REJECTED, St.WITHDRAWN})

MOVES: dict[str, tuple[frozenset[St], St]] = {
    "notify_missing": (frozenset({St.SUBMITTED, St.FORWARDED}), St.MATERIALS_PENDING),
    "supplement": (frozenset({St.MATERIALS_PENDING}), St.SUBMITTED),
    "forward": (frozenset({St.SUBMITTED}), St.FORWARDED),
    "accept": (frozenset({St.SUBMITTED, St.FORWARDED}), St.HANDLING),
    "refuse": (frozenset({St.SUBMITTED, St.MATERIALS_PENDING, St.FORWARDED}), St.REFUSED),
    "complete": (frozenset({St.HANDLING}), St.COMPLETED),
    "reject": (frozenset({St.HANDLING}), St.REJECTED),
    "withdraw": (frozenset({St.SUBMITTED, St.MATERIALS_PENDING, St.FORWARDED, St.HANDLING}), St.WITHDRAWN),
}


def next_status(status: str, move: str) -> str | None:
    """The status ``move`` leads to from ``status``, or None when the table does not allow it."""
    sources, target = MOVES[move]
    return target.value if status in sources else None


def is_final(status: str) -> bool:
    return status in FINAL
