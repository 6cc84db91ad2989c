"""Pure rules of the policy store: no Django, no ORM, no I/O.

divisions         division-code prefixes: how a version set for a province reaches its villages
dated_records     which dated version is in force for a division on a day
months            calendar-month arithmetic
working_calendar  工作日 arithmetic over holiday data;  holiday_data: seed from chinese-calendar
"""

from .dated_records import DatedRecord, ancestor_division_codes, record_in_force
from .divisions import division_covers, significant_division_prefix
from .errors import CalendarNotCoveredError, PolicyRuleError
from .months import add_months, month_start, months_between, next_month_start
from .working_calendar import WorkingCalendar, add_working_days, working_days_between

__all__ = [
    "CalendarNotCoveredError",
    "DatedRecord",
    "PolicyRuleError",
    "WorkingCalendar",
    "add_months",
    "add_working_days",
    "ancestor_division_codes",
    "division_covers",
    "month_start",
    "months_between",
    "next_month_start",
    "record_in_force",
    "significant_division_prefix",
    "working_days_between",
]
