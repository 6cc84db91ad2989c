"""Typed errors of 养老服务 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class EldercareError(MinzhengError):
    """Base of every expected error of the 养老服务 domain."""


class InvalidEldercareInput(EldercareError):
    """A field the rules refuse (bad 统一社会信用代码, score out of range, date order …); names the field."""

    code = "invalid_eldercare_input"


class EldercareConflict(EldercareError):
    """The state does not allow the action (bed full, already resident, hazard already closed …)."""

    status_code = 409
    code = "eldercare_conflict"
