"""Tables of the platform's policy store: dated per-division parameters, the holiday calendar,
and the offices that issue documents with their 文号."""

from .calendar import HolidayCalendarDay
from .documents import DocumentNumber, IssuingOffice
from .parameters import PolicyParameter
from .versions import NATIONAL, DatedVersion

__all__ = [
    "NATIONAL",
    "DatedVersion",
    "DocumentNumber",
    "HolidayCalendarDay",
    "IssuingOffice",
    "PolicyParameter",
]
