"""The 养老服务 figures that are policy (dated, per division) — read from assistance's parameter store."""

from datetime import date

from minzheng.assistance.services import calendar as assistance_calendar
from minzheng.assistance.services.in_force import parameter_value

from ..rules.assessment import CapabilityLevel


def reassessment_months(division_code: str, on: date) -> int:
    return int(parameter_value("eldercare_reassessment_months", division_code, on))


def rectification_working_days(division_code: str, on: date, severity: str) -> int:
    name = (
        "eldercare_rectify_major_working_days"
        if severity == "major"
        else "eldercare_rectify_general_working_days"
    )
    return int(parameter_value(name, division_code, on))


def disabled_from_level(division_code: str, on: date) -> CapabilityLevel:
    return CapabilityLevel(int(parameter_value("eldercare_disabled_from_level", division_code, on)))


def working_day_deadline(start: date, working_days: int) -> tuple[date, bool]:
    """(deadline, provisional): 法定节假日 and 调休 from the calendar table; a year not loaded yet counts weekends
    only (provisional) rather than refusing the hazard — see ``assistance.services.calendar``."""
    return assistance_calendar.working_day_deadline(start, working_days)
