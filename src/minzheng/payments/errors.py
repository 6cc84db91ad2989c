"""Typed errors of 资金发放 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class PayrollError(MinzhengError):
    """Base of every expected error of the payroll domain."""


class RosterLocked(PayrollError):
    """The roster is approved (or past the step asked): its lines can no longer change."""

    status_code = 409
    code = "roster_locked"


class RosterConflict(PayrollError):
    """Another roster already pays the same program, month and (part of the) division."""

    status_code = 409
    code = "roster_conflict"


class MakerChecker(PayrollError):
    """The person who prepared a roster may not approve it (审核与经办分离)."""

    status_code = 403
    code = "maker_checker"


class InvalidBankFormat(PayrollError):
    code = "invalid_bank_format"
