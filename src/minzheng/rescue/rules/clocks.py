"""The clocks of 救助管理 (domain-rules-2 §7.3). Every limit comes in as an argument from the dated policy store
(``rescue/policy_parameters.py``); these functions only do the arithmetic, in calendar time (the texts count
hours, days and months, not working days).

- 救助期限: 《城市生活无着的流浪乞讨人员救助管理办法实施细则》（民政部令第24号）— 一般不超过10天; longer only when an
  extension is filed with the supervising 民政部门 (报备).
- 寻亲公告: 民政部 公安部 2015 意见 — within 24 hours of entry for a person whose identity cannot be found.
- DNA: the same 意见 — police collect the sample and return the result within 1 month of the station's request.
- 头条寻人: 2019 专项行动 — for persons staying more than 1 month.
- 长期滞留: the 2015 意见 — more than 3 months unidentified → 落户安置 candidate.
"""

import calendar
from datetime import date, datetime, timedelta


def add_calendar_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day (31 Jan + 1 month → 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def stay_ends_on(admitted_on: date, stay_days: int, extended_until: date | None = None) -> date:
    """Last day of the 救助期限: the day of admission counts as day 1 (一般不超过10天 → admitted on the 1st, the 10th
    is the last day), unless a filed extension runs later."""
    ends = admitted_on + timedelta(days=stay_days - 1)
    return max(ends, extended_until) if extended_until else ends


def stay_overdue(admitted_on: date, today: date, stay_days: int, extended_until: date | None = None) -> bool:
    """Still in the station after the 救助期限 without an extension covering today → alert (§7.3)."""
    return today > stay_ends_on(admitted_on, stay_days, extended_until)


def notice_due_at(admitted_at: datetime, notice_hours: int) -> datetime:
    """寻亲公告 deadline: ``notice_hours`` (24) after entry (2015 意见)."""
    return admitted_at + timedelta(hours=notice_hours)


def notice_late(admitted_at: datetime, noticed_at: datetime | None, now: datetime, notice_hours: int) -> bool:
    """Unidentified and no 公告 by the deadline (or one issued after it) → alert."""
    due = notice_due_at(admitted_at, notice_hours)
    return noticed_at > due if noticed_at else now > due


def dna_result_due_on(requested_on: date, months: int) -> date:
    """DNA result expected within ``months`` (1) of the station's request (2015 意见)."""
    return add_calendar_months(requested_on, months)


def toutiao_due_on(admitted_on: date, months: int) -> date:
    """头条寻人/人脸识别 push required once the stay passes ``months`` (1) (2019 专项行动)."""
    return add_calendar_months(admitted_on, months)


def settlement_candidate_from(admitted_on: date, months: int) -> date:
    """长期滞留: unidentified for more than ``months`` (3) → 落户安置 candidate from the day after this date."""
    return add_calendar_months(admitted_on, months)


def is_settlement_candidate(admitted_on: date, today: date, months: int, identified: bool) -> bool:
    return not identified and today > settlement_candidate_from(admitted_on, months)


def is_minor(age: int | None, adult_age: int = 18) -> bool:
    """未成年人 (民法典 第十七条: 不满十八周岁) — minors go to 儿童福利 for 落户安置 (2015 意见)."""
    return age is not None and age < adult_age
