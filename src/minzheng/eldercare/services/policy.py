"""The 养老服务 figures that are policy (dated, per division) — read from assistance's parameter store."""

from datetime import date

from minzheng.assistance.rules.errors import CalendarNotCoveredError
from minzheng.assistance.rules.working_calendar import add_working_days  # pure rule, no Django
from minzheng.assistance.services.calendar import working_calendar
from minzheng.assistance.services.in_force import parameter_value

from ..errors import InvalidEldercareInput
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


def working_day_deadline(start: date, working_days: int) -> date:
    """The day ``working_days`` working days after ``start`` (法定节假日 and 调休 from the calendar table)."""
    try:
        return add_working_days(start, working_days, working_calendar())
    except CalendarNotCoveredError:
        raise InvalidEldercareInput(
            "节假日安排尚未录入到整改期限所在年份，无法计算工作日期限；请系统管理员在“节假日”页录入后再登记",
            field="working_days",
        ) from None
