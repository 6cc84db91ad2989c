"""社会救助's published interface: the only module other apps import (the boundary test holds this).

Reads for other domains:
- who is in 低保/特困 and with which amounts: ``in_force_members``, ``tekun_person_ids``,
  ``enrolments_in_force``, ``entitlements_for_month``, ``entitlement_rows``, ``payable_amounts``;
- programs: ``program_list``, ``pays_money``;
- standards: ``standard_in_force``, ``standard_in_force_for_each``, ``verification_policies``;
- casework seen from elsewhere: ``monitoring_cases``, ``queue_counts``, ``stale_standards``.
Writes other domains may start:
- ``open_case`` (a 救助申请 opened by 主动发现 or a monitoring warning, ``CaseSource``), ``enrol_from_case``
  with ``NewEnrolment`` (demo and migration tooling).

Payroll works set-based over hundreds of thousands of rows, so the entitlement reads return querysets of
values (never model instances) rather than lists of dataclasses.
"""

from .models.cases import CaseSource
from .selectors.entitlements import Entitlement, enrolments_in_force, entitlements_for_month
from .selectors.low_income import InForceMember, in_force_members, monitoring_cases
from .selectors.payable_amounts import entitlement_rows, payable_amounts
from .selectors.programs import pays_money, program_list
from .selectors.queue import queue_counts
from .selectors.standards import StaleStandard, stale_standards
from .services.beneficiaries import tekun_person_ids
from .services.cases import open_case
from .services.enrolments import NewEnrolment, enrol_from_case
from .services.in_force import (
    StandardInForce,
    standard_in_force,
    standard_in_force_for_each,
    verification_policies,
)

__all__ = [
    "CaseSource",
    "Entitlement",
    "InForceMember",
    "NewEnrolment",
    "StaleStandard",
    "StandardInForce",
    "enrol_from_case",
    "enrolments_in_force",
    "entitlement_rows",
    "entitlements_for_month",
    "in_force_members",
    "monitoring_cases",
    "open_case",
    "payable_amounts",
    "pays_money",
    "program_list",
    "queue_counts",
    "stale_standards",
    "standard_in_force",
    "standard_in_force_for_each",
    "tekun_person_ids",
    "verification_policies",
]
