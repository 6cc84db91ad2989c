"""Tables of the 社会救助 domain: programs as data, 保障标准 (parameters and holidays: the ``policy`` app),
cases (救助案件) and enrolments (在保记录) with their dated amounts."""

from .cases import CLOSED_STATUSES, AssistanceCase, CaseSource, CaseStatus
from .casework import CaseAttachment, CaseEvent, HomeVisit, Objection
from .choices import Area, BenefitFormula, DecidingLevel, ProgramCategory, StandardKind, StandardPeriod
from .enrolments import Enrolment, EnrolmentAmount
from .program_settings import ProgramSetting
from .programs import AssistanceProgram
from .spot_checks import TekunSpotCheck
from .standards import AssistanceStandard
from .work_tasks import ConsumerCursor, WorkTask

__all__ = [
    "CLOSED_STATUSES",
    "Area",
    "AssistanceCase",
    "AssistanceProgram",
    "AssistanceStandard",
    "BenefitFormula",
    "CaseAttachment",
    "CaseEvent",
    "CaseSource",
    "CaseStatus",
    "ConsumerCursor",
    "DecidingLevel",
    "Enrolment",
    "EnrolmentAmount",
    "HomeVisit",
    "Objection",
    "ProgramCategory",
    "ProgramSetting",
    "StandardKind",
    "StandardPeriod",
    "TekunSpotCheck",
    "WorkTask",
]
