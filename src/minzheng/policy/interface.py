"""The policy store's published interface: what every other app may use (functions and plain dataclasses).

- parameters in force: ``parameter_value``, ``parameter_in_force``, ``parameters_in_force``, and a loaded
  ``ParameterBook`` for resolving many divisions at once (``parameter_book``);
- working days: ``working_day_deadline``, ``working_calendar``, ``with_calendar`` (法定节假日 and 调休 as data);
- month and division-code arithmetic (pure, from ``policy.rules``);
- for domains that keep their own dated tables (社会救助's 保障标准): ``DatedVersion``, ``insert_version``,
  ``normalise_division_code``, ``parse_decimal``, ``require_in_jurisdiction``, policy-record visibility;
- ``load_policy``: ship every domain's declared values (idempotent);
- documents: ``issuing_office`` (文书机关: heading, seal, 机关代字, 监督电话 of a division's office, defaults
  filled in), ``bureau_code``/``township_code``, ``issue_document_number`` (文号 per office, kind and year).

Domains declare their parameters in their own ``policy_parameters`` module (``policy.specs``), never here.
"""

from .book import ParameterBook, ParameterVersion, not_ended
from .catalogue import parameters, spec_for
from .errors import InvalidPolicyValue, ParameterNotSet, PolicyError, VersionConflict
from .models import NATIONAL, DatedVersion
from .rules import (
    CalendarNotCoveredError,
    WorkingCalendar,
    add_months,
    add_working_days,
    ancestor_division_codes,
    division_covers,
    month_start,
    months_between,
    next_month_start,
    record_in_force,
    significant_division_prefix,
    working_days_between,
)
from .selectors.books import division_and_ancestor_codes, parameter_book
from .selectors.offices import OfficeProfile, bureau_code, issuing_office, township_code
from .selectors.parameters import division_names
from .selectors.visibility import division_visible_to, visible, visible_division_q, visible_or_404
from .services.calendar import with_calendar, working_calendar, working_day_deadline
from .services.documents import issue_document_number
from .services.in_force import ParameterInForce, parameter_in_force, parameter_value, parameters_in_force
from .services.parameters import normalise_division_code, parse_decimal, require_in_jurisdiction
from .services.seed import ensure_parameter, load_policy
from .services.versions import insert_version

__all__ = [
    "NATIONAL",
    "CalendarNotCoveredError",
    "DatedVersion",
    "InvalidPolicyValue",
    "OfficeProfile",
    "ParameterBook",
    "ParameterInForce",
    "ParameterNotSet",
    "ParameterVersion",
    "PolicyError",
    "VersionConflict",
    "WorkingCalendar",
    "add_months",
    "add_working_days",
    "ancestor_division_codes",
    "bureau_code",
    "division_and_ancestor_codes",
    "division_covers",
    "division_names",
    "division_visible_to",
    "ensure_parameter",
    "insert_version",
    "issue_document_number",
    "issuing_office",
    "load_policy",
    "month_start",
    "months_between",
    "next_month_start",
    "normalise_division_code",
    "not_ended",
    "parameter_book",
    "parameter_in_force",
    "parameter_value",
    "parameters",
    "parameters_in_force",
    "parse_decimal",
    "record_in_force",
    "require_in_jurisdiction",
    "significant_division_prefix",
    "spec_for",
    "township_code",
    "visible",
    "visible_division_q",
    "visible_or_404",
    "with_calendar",
    "working_calendar",
    "working_day_deadline",
    "working_days_between",
]
