"""办理时限: due dates of the 低保 and 特困 procedures, 公示 periods, and whether an item is overdue.

All periods are parameters (``DibaoTimeLimits``, ``TekunTimeLimits``) read from the division's dated
records; the national figures are in ``defaults``.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from minzheng.policy.rules import WorkingCalendar, add_working_days, working_days_between

from .errors import AssistanceRuleError


class DayKind(StrEnum):
    """How a period is counted: calendar days (天/日) or working days (工作日)."""

    CALENDAR = "自然日"
    WORKING = "工作日"


class DecidingLevel(StrEnum):
    """Who confirms: the county 民政部门, or the township where 审核确认权限 has been delegated (下放)."""

    COUNTY = "县级民政部门"
    TOWNSHIP = "乡镇(街道)"


class DeadlineStatus(StrEnum):
    """The badge a 待办 shows."""

    ON_TIME = "正常"
    DUE_SOON = "即将到期"
    OVERDUE = "已超期"


@dataclass(frozen=True)
class DibaoTimeLimits:
    """低保 审核确认 time limits in working days (民政部《最低生活保障审核确认办法》, 民发〔2021〕57号)."""

    confirmation_after_township_opinion: int
    whole_procedure_county: int
    whole_procedure_township: int
    whole_procedure_extended: int


@dataclass(frozen=True)
class TekunTimeLimits:
    """特困 认定 time limits in working days (民政部《特困人员认定办法》, 2021)."""

    township_review: int
    county_decision: int


def dibao_confirmation_due(
    township_opinion_received_on: date, limits: DibaoTimeLimits, calendar: WorkingCalendar
) -> date:
    """Last day for the county to confirm (审核确认) after receiving the township's 审核意见.

    Source: 民发〔2021〕57号 — within 10 working days of receiving the township's opinion and materials.
    """
    return add_working_days(
        township_opinion_received_on, limits.confirmation_after_township_opinion, calendar
    )


def dibao_procedure_due(
    accepted_on: date,
    limits: DibaoTimeLimits,
    calendar: WorkingCalendar,
    *,
    deciding_level: DecidingLevel,
    extended: bool = False,
    suspended_working_days: int = 0,
) -> date:
    """Last day of the whole 低保 procedure, counted from 受理.

    Source: 民发〔2021〕57号 — 30 working days (20 where the township confirms), extendable to 45 in special
    cases. ``suspended_working_days`` adds periods a local rule excludes (e.g. 公示, awaiting materials).
    """
    if suspended_working_days < 0:
        raise AssistanceRuleError("a suspension cannot be negative")
    if extended:
        period = limits.whole_procedure_extended
    elif deciding_level is DecidingLevel.TOWNSHIP:
        period = limits.whole_procedure_township
    else:
        period = limits.whole_procedure_county
    return add_working_days(accepted_on, period + suspended_working_days, calendar)


def tekun_township_review_due(accepted_on: date, limits: TekunTimeLimits, calendar: WorkingCalendar) -> date:
    """Last day for the township to finish its 审核 of a 特困 application, counted from 受理.

    Source: 民政部《特困人员认定办法》(2021) — 15 working days.
    """
    return add_working_days(accepted_on, limits.township_review, calendar)


def tekun_county_decision_due(
    materials_received_on: date, limits: TekunTimeLimits, calendar: WorkingCalendar
) -> date:
    """Last day for the county to decide (确认) a 特困 application after receiving the township's materials.

    Source: 民政部《特困人员认定办法》(2021) — 15 working days.
    """
    return add_working_days(materials_received_on, limits.county_decision, calendar)


def publicity_end(posted_on: date, length: int, day_kind: DayKind, calendar: WorkingCalendar) -> date:
    """Last day of a 公示 posted on ``posted_on`` (the posting day not counted).

    Source: 民发〔2021〕57号 and 《特困人员认定办法》(2021) — 公示 7 days; some provinces publish for 7
    working days, so the day kind is a parameter.
    """
    if length < 0:
        raise AssistanceRuleError("a publicity period cannot be negative")
    if day_kind is DayKind.WORKING:
        return add_working_days(posted_on, length, calendar)
    return posted_on + timedelta(days=length)


def deadline_status(
    due_on: date,
    today: date,
    calendar: WorkingCalendar,
    *,
    due_soon_within_working_days: int,
    completed_on: date | None = None,
) -> DeadlineStatus:
    """已超期 after the due day (or finished after it); 即将到期 when at most N working days remain; else 正常."""
    if completed_on is not None:
        return DeadlineStatus.OVERDUE if completed_on > due_on else DeadlineStatus.ON_TIME
    if today > due_on:
        return DeadlineStatus.OVERDUE
    if working_days_between(today, due_on, calendar) <= due_soon_within_working_days:
        return DeadlineStatus.DUE_SOON
    return DeadlineStatus.ON_TIME
