"""办理时限 of a case's steps, in working days from the division's dated parameters and the holiday calendar."""

from datetime import date

from minzheng.policy.interface import working_calendar

from ..models import AssistanceCase
from ..policy_book import PolicyBook
from ..rules import (
    DayKind,
    DecidingLevel,
    DibaoTimeLimits,
    TekunTimeLimits,
    WorkingCalendar,
    add_working_days,
    dibao_confirmation_due,
    dibao_procedure_due,
    publicity_end,
    tekun_county_decision_due,
    tekun_township_review_due,
)
from ..rules import defaults as national
from ..selectors.books import policy_book

TEKUN_PROGRAMS = frozenset({"tekun_centralised", "tekun_dispersed"})


def _int(book: PolicyBook, name: str, division: str, on: date, default: int) -> int:
    value = book.value(name, division, on)
    return int(value) if value is not None else default


def dibao_limits(book: PolicyBook, division: str, on: date) -> DibaoTimeLimits:
    limits = national.DIBAO_TIME_LIMITS
    return DibaoTimeLimits(
        _int(book, "dibao_decision_working_days", division, on, limits.confirmation_after_township_opinion),
        _int(book, "dibao_procedure_working_days", division, on, limits.whole_procedure_county),
        _int(book, "dibao_procedure_township_working_days", division, on, limits.whole_procedure_township),
        _int(book, "dibao_procedure_extended_working_days", division, on, limits.whole_procedure_extended),
    )


def tekun_limits(book: PolicyBook, division: str, on: date) -> TekunTimeLimits:
    limits = national.TEKUN_TIME_LIMITS
    return TekunTimeLimits(
        _int(book, "tekun_township_review_working_days", division, on, limits.township_review),
        _int(book, "tekun_county_decision_working_days", division, on, limits.county_decision),
    )


def _level(case: AssistanceCase) -> DecidingLevel:
    return DecidingLevel.TOWNSHIP if case.deciding_level == "township" else DecidingLevel.COUNTY


def on_acceptance(
    case: AssistanceCase, accepted_on: date, calendar: WorkingCalendar | None = None
) -> tuple[date, date]:
    """(township steps due, whole procedure due) from 受理.

    低保: the whole procedure is 30 working days (20 where the township decides); the township's part ends
    when the county still has its confirmation period left. 特困: 15 working days for the township, then 15
    for the county.
    """
    calendar = calendar or working_calendar()
    book = policy_book([case.division_code])
    if case.program.code in TEKUN_PROGRAMS:
        limits = tekun_limits(book, case.division_code, accepted_on)
        township_due = tekun_township_review_due(accepted_on, limits, calendar)
        return township_due, tekun_county_decision_due(township_due, limits, calendar)
    limits = dibao_limits(book, case.division_code, accepted_on)
    whole = dibao_procedure_due(accepted_on, limits, calendar, deciding_level=_level(case))
    if _level(case) is DecidingLevel.TOWNSHIP:
        return whole, whole
    township_days = limits.whole_procedure_county - limits.confirmation_after_township_opinion
    return add_working_days(accepted_on, township_days, calendar), whole


def publicity_period(case: AssistanceCase, posted_on: date, calendar: WorkingCalendar | None = None) -> date:
    """Last day of the case's 公示 (7 days nationally; calendar or working days as the division counts)."""
    book = policy_book([case.division_code])
    length = _int(book, "publicity_days", case.division_code, posted_on, national.PUBLICITY_DAYS)
    kind_version = book.parameter("publicity_day_kind", case.division_code, posted_on)
    day_kind = (
        DayKind(kind_version.text_value) if kind_version and kind_version.text_value else DayKind.CALENDAR
    )
    return publicity_end(posted_on, length, day_kind, calendar or working_calendar())


def decision_due(case: AssistanceCase, submitted_on: date, calendar: WorkingCalendar | None = None) -> date:
    """Last day for the deciding level after the township's opinion reaches it."""
    calendar = calendar or working_calendar()
    book = policy_book([case.division_code])
    if case.program.code in TEKUN_PROGRAMS:
        return tekun_county_decision_due(
            submitted_on, tekun_limits(book, case.division_code, submitted_on), calendar
        )
    return dibao_confirmation_due(
        submitted_on, dibao_limits(book, case.division_code, submitted_on), calendar
    )


def due_soon_days(division_code: str, on: date) -> int:
    return _int(policy_book([division_code]), "due_soon_working_days", division_code, on, 3)
