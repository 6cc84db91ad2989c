"""Tables of the 社会救助 domain: programs as data, dated policy parameters, 保障标准 and the holiday calendar."""

from .calendar import HolidayCalendarDay
from .choices import Area, BenefitFormula, DecidingLevel, ProgramCategory, StandardKind, StandardPeriod
from .parameters import PolicyParameter
from .programs import AssistanceProgram
from .standards import AssistanceStandard

__all__ = [
    "Area",
    "AssistanceProgram",
    "AssistanceStandard",
    "BenefitFormula",
    "DecidingLevel",
    "HolidayCalendarDay",
    "PolicyParameter",
    "ProgramCategory",
    "StandardKind",
    "StandardPeriod",
]
