"""社会救助's published interface: the only module other apps import (the boundary test holds this).

Reads for other domains:
- who is in 低保/特困 and with which amounts: ``in_force_members``, ``enrolment_rows_in_force`` (数据中心), ``tekun_person_ids``, ``person_benefits``,
  ``program_categories_on``,
  ``enrolments_in_force``, ``entitlements_for_month``, ``entitlement_rows``, ``payable_amounts``;
- programs: ``programs`` (``ProgramInfo``);
- standards: ``standard_in_force``, ``standard_in_force_for_each``, ``verification_policies``;
- casework seen from elsewhere: ``case_progress`` (全市通办's 办理进度), ``monitoring_cases``, ``queue_counts``, ``stale_standards``;
- 全局检索: ``search_cases`` and ``search_enrolments`` (``SearchHit`` lines, jurisdiction-scoped, masked).
Writes other domains may start:
- ``enrol_decided_elsewhere`` / ``end_decided_elsewhere``: a 孤儿/事实无人抚养 allowance confirmed by 儿童福利,
  paid on this domain's rosters from the month given (one enrolment per child, no 社会救助 case), and its 停发;
- ``open_case`` (a 救助申请 opened by 主动发现 or a monitoring warning, ``CaseSource``; answers ``OpenedCase``),
  ``enrol_case`` with ``NewEnrolment`` (demo and migration tooling).

Payroll works set-based over hundreds of thousands of rows, so the entitlement reads return querysets of
values (never model instances) rather than lists of dataclasses.
"""

from datetime import date
from decimal import Decimal

from .interface_types import CaseProgress, OpenedCase, ProgramInfo
from .models import CaseSource
from .selectors.cases import case_detail
from .selectors.entitlements import Entitlement, enrolments_in_force, entitlements_for_month
from .selectors.low_income import InForceMember, in_force_members, monitoring_cases
from .selectors.payable_amounts import entitlement_rows, payable_amounts
from .selectors.person_benefits import PersonBenefit, person_benefits
from .selectors.programs import pays_money, program_list
from .selectors.progress import case_progress
from .selectors.queue import queue_counts
from .selectors.search import search_cases, search_enrolments
from .selectors.standards import StaleStandard, stale_standards
from .services import cases, decided_elsewhere, enrolments
from .services.beneficiaries import program_categories_on, tekun_person_ids
from .services.enrolments import NewEnrolment
from .services.in_force import (
    StandardInForce,
    standard_in_force,
    standard_in_force_for_each,
    verification_policies,
)


def programs(user, *, enabled_only: bool = False) -> list[ProgramInfo]:
    """救助项目 in the user's divisions (national ones and those set inside or above), in display order."""
    found = (
        ProgramInfo(program.code, program.name, program.enabled, pays_money(program))
        for program in program_list(user)
    )
    return [program for program in found if program.enabled or not enabled_only]


def open_case(
    user,
    *,
    household_id: int,
    program_code: str,
    source: str = CaseSource.SELF,
    applied_on: date | None = None,
    reason: str = "",
    prefill: dict | None = None,
    source_reference: str = "",
) -> OpenedCase:
    """A new 救助申请 (已申请) through 社会救助's one door: jurisdiction, capability and duplicates checked, audited."""
    case = cases.open_case(
        user, household_id=household_id, program_code=program_code, source=source, applied_on=applied_on,
        reason=reason, prefill=prefill, source_reference=source_reference,
    )  # fmt: skip
    return OpenedCase(case.pk, case.number)


def enrol_case(user, case_id: int, terms: NewEnrolment) -> int:
    """Enrol an opened case's household (demo and migration tooling); the enrolment's id. The case is looked up
    in the user's jurisdiction: another region's case answers like a missing one."""
    case = case_detail(user, case_id)
    return enrolments.enrol_from_case(user, case, terms).pk


def enrol_decided_elsewhere(
    user,
    *,
    household_id: int,
    program_code: str,
    start_month: date,
    monthly_amount: Decimal,
    payee_id: int,
    reason: str,
) -> int:
    """Pay a child allowance decided by 儿童福利 (孤儿/事实无人抚养 programs only) from ``start_month`` on the
    regular rosters; the enrolment's id. The household is looked up in the user's jurisdiction; the caller has
    checked its own capability (its 县级确认)."""
    return decided_elsewhere.enrol_decided_elsewhere(
        user, household_id=household_id, program_code=program_code, start_month=start_month,
        monthly_amount=monthly_amount, payee_id=payee_id, reason=reason,
    ).pk  # fmt: skip


def end_decided_elsewhere(user, enrolment_id: int, *, last_month: date, reason: str) -> None:
    """Stop such an enrolment after ``last_month`` (the last month paid); a stopped one is left unchanged."""
    decided_elsewhere.end_decided_elsewhere(user, enrolment_id, last_month=last_month, reason=reason)


__all__ = [
    "CaseProgress",
    "CaseSource",
    "Entitlement",
    "InForceMember",
    "NewEnrolment",
    "OpenedCase",
    "PersonBenefit",
    "ProgramInfo",
    "StaleStandard",
    "StandardInForce",
    "case_progress",
    "end_decided_elsewhere",
    "enrol_case",
    "enrol_decided_elsewhere",
    "enrolment_rows_in_force",
    "enrolments_in_force",
    "entitlement_rows",
    "entitlements_for_month",
    "in_force_members",
    "monitoring_cases",
    "open_case",
    "payable_amounts",
    "person_benefits",
    "program_categories_on",
    "programs",
    "queue_counts",
    "search_cases",
    "search_enrolments",
    "stale_standards",
    "standard_in_force",
    "standard_in_force_for_each",
    "tekun_person_ids",
    "verification_policies",
]


def enrolment_rows_in_force(month: date, *, division_code: str = ""):
    """(enrolment_id, household_id, payee_id, division_code) of every enrolment paid in ``month`` — values,
    not models: 数据中心's quality rules read them set-based."""
    return enrolments_in_force(month, division_code=division_code).values_list(
        "pk", "household_id", "payee_id", "division_code"
    )
