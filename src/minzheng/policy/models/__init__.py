"""Tables of the platform's policy store: dated per-division parameters and the holiday calendar."""

from .calendar import HolidayCalendarDay
from .parameters import PolicyParameter
from .versions import NATIONAL, DatedVersion

__all__ = ["NATIONAL", "DatedVersion", "HolidayCalendarDay", "PolicyParameter"]
