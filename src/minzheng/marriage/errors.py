"""Typed errors of 婚姻登记 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class MarriageError(MinzhengError):
    """Base of every expected error of the 婚姻登记 domain."""


class InvalidMarriageInput(MarriageError):
    """A field the rules refuse (ID number, age, declaration not signed …); names the field."""

    code = "invalid_marriage_input"


class MarriageConflict(MarriageError):
    """The state does not allow the action (a party already married, the window closed …)."""

    status_code = 409
    code = "marriage_conflict"
