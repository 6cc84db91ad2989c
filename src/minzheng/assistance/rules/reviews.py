"""动态管理: 分类复核 cycles, and the month benefits start, stop or change.

Source: 民政部《最低生活保障审核确认办法》(民发〔2021〕57号) — 分类动态管理, payment from the month after
confirmation, and changes from the month after the change in the household.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from minzheng.policy.rules import add_months, next_month_start

from .benefits import MemberCategory
from .errors import AssistanceRuleError


class ReviewCategory(StrEnum):
    """分类复核 group of a 低保 household (民发〔2021〕57号 第三十一条)."""

    STABLE_SPECIAL = "收入稳定的家庭"
    """短期内经济状况变化不大: reviewed yearly, whoever the members are (the stored name is historical: the
    group once required an elderly, severely disabled or seriously ill member — the article does not)."""
    OTHER = "收入来源不固定的家庭"
    """收入来源不固定、家庭成员有劳动能力: reviewed half-yearly."""
    CLOSE_WATCH = "重点关注家庭"
    """A local tier (e.g. quarterly) for households whose income changes often; not in the 2021 national rules."""


@dataclass(frozen=True)
class ReviewCycle:
    """复核周期 in months per category, from the division's parameter record (nationally 12 and 6)."""

    stable_special_months: int
    other_months: int
    close_watch_months: int | None = None

    def months_for(self, category: ReviewCategory) -> int:
        months = {
            ReviewCategory.STABLE_SPECIAL: self.stable_special_months,
            ReviewCategory.OTHER: self.other_months,
            ReviewCategory.CLOSE_WATCH: self.close_watch_months,
        }[category]
        if months is None:
            raise AssistanceRuleError(f"this division has no review cycle for {category.value}")
        if months < 1:
            raise AssistanceRuleError("a review cycle is at least one month")
        return months


def review_category(
    member_categories: Collection[MemberCategory], *, income_stable: bool, close_watch: bool = False
) -> ReviewCategory:
    """The 分类复核 group (民发〔2021〕57号 第三十一条): a household whose economic situation changes little in
    the short term (stable income) is reviewed yearly; one with an irregular income (members able to work)
    half-yearly; a locally flagged household goes on the close-watch tier.

    ``member_categories`` is kept for the caller's record but no longer decides the group: the article asks
    about income stability only.
    """
    if close_watch:
        return ReviewCategory.CLOSE_WATCH
    return ReviewCategory.STABLE_SPECIAL if income_stable else ReviewCategory.OTHER


def next_review_date(last_reviewed_on: date, category: ReviewCategory, cycle: ReviewCycle) -> date:
    """The date the next 复核 falls due: the last review (or confirmation) plus the category's cycle."""
    return add_months(last_reviewed_on, cycle.months_for(category))


def benefit_start_month(confirmed_on: date) -> date:
    """First month of payment: the month after 审核确认 (民发〔2021〕57号: 自确认同意之日下月起发放)."""
    return next_month_start(confirmed_on)


def benefit_change_month(event_on: date) -> date:
    """First month a 停发 or 调整 takes effect after a member's death, moving away or a household split:
    the month after the event (民发〔2021〕57号, 动态管理: 次月起停发或调整)."""
    return next_month_start(event_on)
