"""村务公开 frequency and 民主评议 (村民委员会组织法 2018).

第三十条: 一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；涉及村民利益的重大事项
应当随时公布. 第三十三条: 民主评议每年至少进行一次 … 村民委员会成员连续两次被评议不称职的，其职务终止.
"""

from calendar import monthrange
from datetime import date, timedelta

QUARTERLY = "quarterly"
MONTHLY = "monthly"
IMMEDIATE = "immediate"

UNFIT = "unfit"


def period_end(frequency: str, year: int, number: int) -> date:
    """The last day of month ``number`` (monthly) or quarter ``number`` (quarterly) of ``year``."""
    month = number if frequency == MONTHLY else number * 3
    return date(year, month, monthrange(year, month)[1])


def disclosure_due(frequency: str, period_end_or_event: date, grace_days: int, immediate_days: int) -> date:
    """The last day to publish: ``grace_days`` after the period (monthly, quarterly), ``immediate_days`` after
    the matter for a major item (“随时公布”; both numbers are local rules kept in the policy store)."""
    days = immediate_days if frequency == IMMEDIATE else grace_days
    return period_end_or_event + timedelta(days=days)


def disclosure_overdue(due_on: date, published_on: date | None, today: date) -> bool:
    """Unpublished after its due day, or published late."""
    if published_on is None:
        return today > due_on
    return published_on > due_on


def office_ends(results: dict[int, str], consecutive: int) -> int | None:
    """The year a member's office ends by 第三十三条 (``consecutive`` successive 不称职 appraisals, years
    without an appraisal breaking nothing but years with another result breaking the run), or None."""
    run = 0
    for year in sorted(results):
        run = run + 1 if results[year] == UNFIT else 0
        if run >= consecutive:
            return year
    return None
