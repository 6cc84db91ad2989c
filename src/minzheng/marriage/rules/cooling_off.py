"""离婚冷静期: the two periods of a divorce by agreement and what may happen on a given day.

- 《中华人民共和国民法典》第一千零七十七条: within **30 days** from the registry's receipt of the application
  either party may withdraw it; within the **30 days after** that period ends both must appear in person to
  ask for the certificate, otherwise the application is deemed withdrawn.
- Counting (民法典 第二百零一条 and 民发〔2020〕116号 practice, domain-rules §7): the day of receipt is not
  counted — the first day is the next day; 第二百零三条: when a period's last day is a 法定休假日, the day after
  the holiday is the last day. The appearance period starts the day after the withdrawal period ends.

"法定休假日" is read as a non-working day of the working calendar (statutory holidays and weekends that are
not 调休 working days), so the last day moves to the next working day. Periods arrive as arguments (policy
parameters); the calendar as a predicate, so these functions stay pure.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

IsWorkingDay = Callable[[date], bool]


class Phase(StrEnum):
    WITHDRAWAL = "withdrawal"  # 冷静期内：可撤回
    APPEARANCE = "appearance"  # 冷静期届满：双方到场申请发证
    LAPSED = "lapsed"  # 期满未到场：视为撤回


@dataclass(frozen=True)
class CoolingOffWindows:
    received_on: date  # T0, the day the registry received (受理) the application
    withdrawal_end: date  # last day a party may withdraw (T0+30, moved past a holiday)
    appearance_start: date  # first day both may appear (the day after withdrawal_end)
    appearance_end: date  # last day both may appear (withdrawal_end+30, moved past a holiday)


def period_end(start_after: date, days: int, is_working_day: IsWorkingDay) -> date:
    """The last day of a period of ``days`` days counted from the day after ``start_after`` (民法典 第二百零一条),
    moved to the next working day when it falls on a rest day (第二百零三条)."""
    if days < 1:
        raise ValueError("a period has at least one day")
    last = start_after + timedelta(days=days)
    while not is_working_day(last):
        last += timedelta(days=1)
    return last


def cooling_off_windows(
    received_on: date, *, withdrawal_days: int, appearance_days: int, is_working_day: IsWorkingDay
) -> CoolingOffWindows:
    """民法典 第一千零七十七条: the withdrawal period after receipt, then the appearance period after it."""
    withdrawal_end = period_end(received_on, withdrawal_days, is_working_day)
    return CoolingOffWindows(
        received_on=received_on,
        withdrawal_end=withdrawal_end,
        appearance_start=withdrawal_end + timedelta(days=1),
        appearance_end=period_end(withdrawal_end, appearance_days, is_working_day),
    )


def phase_on(windows: CoolingOffWindows, day: date) -> Phase:
    """Which period ``day`` lies in (the day of receipt itself belongs to the withdrawal period: a party may
    change their mind at once)."""
    if day < windows.received_on:
        raise ValueError("the application was not yet received on that day")
    if day <= windows.withdrawal_end:
        return Phase.WITHDRAWAL
    if day <= windows.appearance_end:
        return Phase.APPEARANCE
    return Phase.LAPSED


def may_withdraw(windows: CoolingOffWindows, day: date) -> bool:
    """民法典 第一千零七十七条第一款: either party may withdraw until the withdrawal period's last day."""
    return phase_on(windows, day) is Phase.WITHDRAWAL


def may_register(windows: CoolingOffWindows, day: date) -> bool:
    """民法典 第一千零七十七条第二款、第一千零七十八条: the certificate is issued only in the appearance period."""
    return phase_on(windows, day) is Phase.APPEARANCE


def deemed_withdrawn(windows: CoolingOffWindows, day: date) -> bool:
    """民法典 第一千零七十七条第二款: nobody appeared by the appearance period's last day → 视为撤回."""
    return phase_on(windows, day) is Phase.LAPSED
