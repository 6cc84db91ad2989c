"""补发/扣发 from retroactive changes: what a month should have paid against what was booked for it.

The documented rule (README): a roster is regenerated freely while 草稿/退回; once approved it never
changes. A 增保/减保/停保/新增 recorded later but effective in an already-approved month shows up here as
the difference between the amount in force for that month now and the lines booked for it (failed
payments excluded — those go through the follow-up queue instead, never both).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Adjustment:
    enrolment_id: int
    for_month: date
    amount: Decimal  # positive: 补发; negative: 扣发

    @property
    def kind(self) -> str:
        return "arrears" if self.amount > 0 else "deduction"


def retroactive_adjustments(
    month: date,
    entitled: Mapping[int, Decimal],
    booked: Mapping[int, Decimal],
    skip: frozenset[int] = frozenset(),
) -> list[Adjustment]:
    """One adjustment per enrolment whose entitlement for ``month`` differs from what was booked for it.

    ``entitled``: enrolment → amount in force for the month now; ``booked``: enrolment → sum of lines booked
    for the month (any roster); ``skip``: enrolments with a failed payment that month (follow-up decides).
    """
    adjustments = []
    for enrolment_id in sorted(set(entitled) | set(booked)):
        if enrolment_id in skip:
            continue
        difference = entitled.get(enrolment_id, Decimal(0)) - booked.get(enrolment_id, Decimal(0))
        if difference:
            adjustments.append(Adjustment(enrolment_id, month, difference))
    return adjustments
