"""Clocks of 全市通办, counted in working days by a calendar function handed in (the policy store's).

- 办件: the promised and the statutory limit from 受理 (the 事项清单's 承诺/法定办结时限).
- 跨县/跨省通办 (两项补贴 practice, domain-rules-2 §9): the receiving window pushes the file within 3 WD of
  complete materials, the competent authority decides within 10 WD, the applicant is told within 3 WD.
- 12345 工单: 济南 (2018) Art 24 / 潍坊 (2021) Art 20 — finish (reply) within 5 WD of receipt unless a law
  sets a longer period; the number is a parameter per category and division.
- 好差评 (国办发〔2019〕51号): a 差评 is answered (整改反馈) within 15 WD for a complex matter.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

AddWorkingDays = Callable[[date, int], date]


@dataclass(frozen=True)
class ForwardClocks:
    push_due: date
    decide_due: date
    inform_due: date


def forward_clocks(
    complete_on: date, push: int, decide: int, inform: int, add: AddWorkingDays
) -> ForwardClocks:
    """The three 跨县通办 deadlines, each counted from the end of the previous step's period."""
    push_due = add(complete_on, push)
    decide_due = add(push_due, decide)
    return ForwardClocks(push_due, decide_due, add(decide_due, inform))


def is_overdue(due_on: date | None, done_on: date | None, today: date) -> bool:
    """Overdue: the last day has passed and the work is not done — or it was done after the last day.

    A reply sent before closure stops the clock (the helpdesk bug of counting a replied ticket as overdue
    until it is closed is avoided by passing the reply date as ``done_on``)."""
    if due_on is None:
        return False
    if done_on is not None:
        return done_on > due_on
    return today > due_on
