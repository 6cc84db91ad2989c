"""婚姻状况 on a day from a person's registrations (GB/T 2261.2-2003 codes: 10 未婚, 20 已婚, 30 丧偶, 40 离婚).

A marriage counts from its registration day (民法典 第一千零四十九条: 完成结婚登记，即确立婚姻关系) until the day
it ended (离婚登记 — 第一千零八十条 — or death), that day excluded. No record at all answers 10 "未婚（无登记记录）":
the platform knows only its own registrations.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

NEVER, MARRIED, WIDOWED, DIVORCED = "10", "20", "30", "40"
LABELS = {NEVER: "未婚（无登记记录）", MARRIED: "已婚", WIDOWED: "丧偶", DIVORCED: "离婚"}


@dataclass(frozen=True)
class Registration:
    key: str  # the certificate number
    registered_on: date
    ended_on: date | None
    ended_by_death: bool
    void: bool = False  # 宣告无效/撤销: 民法典 第一千零五十四条 — 自始没有法律约束力


def marital_status_code(registrations: Iterable[Registration], on: date) -> tuple[str, Registration | None]:
    """(GB/T 2261.2 code, the registration it rests on) on ``on``."""
    before = sorted(
        (r for r in registrations if r.registered_on <= on and not r.void),
        key=lambda r: (r.registered_on, r.key),
    )
    current = [r for r in before if r.ended_on is None or r.ended_on > on]
    if current:
        return MARRIED, current[-1]
    if not before:
        return NEVER, None
    last = max(before, key=lambda r: (r.ended_on, r.registered_on))
    return (WIDOWED if last.ended_by_death else DIVORCED), last
