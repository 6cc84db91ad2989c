"""Tables of the 社会救助 domain: programs as data, dated policy parameters, 保障标准, the holiday calendar,
cases (救助案件) and enrolments (在保记录) with their dated amounts."""

from .calendar import HolidayCalendarDay
from .cases import CLOSED_STATUSES, AssistanceCase, CaseSource, CaseStatus
from .choices import Area, BenefitFormula, DecidingLevel, ProgramCategory, StandardKind, StandardPeriod
from .enrolments import Enrolment, EnrolmentAmount
from .parameters import PolicyParameter
from .programs import AssistanceProgram
from .standards import AssistanceStandard

__all__ = [
    "CLOSED_STATUSES",
    "Area",
    "AssistanceCase",
    "AssistanceProgram",
    "AssistanceStandard",
    "BenefitFormula",
    "CaseSource",
    "CaseStatus",
    "DecidingLevel",
    "Enrolment",
    "EnrolmentAmount",
    "HolidayCalendarDay",
    "PolicyParameter",
    "ProgramCategory",
    "StandardKind",
    "StandardPeriod",
]
