"""Typed errors of 残疾人两项补贴 (one base class; the API maps them to RFC 7807, pages to messages)."""

from minzheng.core.errors import MinzhengError


class DisabilityError(MinzhengError):
    """Base of every expected error of the 两项补贴 domain."""


class InvalidDisabilityInput(DisabilityError):
    """A field the rules refuse; names the field."""

    code = "invalid_disability_input"


class DisabilityConflict(DisabilityError):
    """The state does not allow the action (not at this step, already receiving …)."""

    status_code = 409
    code = "disability_conflict"
