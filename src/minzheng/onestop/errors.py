"""Typed errors of 全市通办 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class OnestopError(MinzhengError):
    """Base of every expected error of 全市通办."""


class InvalidOnestopInput(OnestopError):
    """A field the rules refuse (an ID number that fails its check, a missing reason …); names it."""

    code = "invalid_onestop_input"


class OnestopConflict(OnestopError):
    """The state does not allow the action (already accepted, not completed yet, rated already …)."""

    status_code = 409
    code = "onestop_conflict"


class ResidentLoginFailed(OnestopError):
    """Wrong ID number or password, or the account is locked: one message whichever it was."""

    status_code = 401
    code = "resident_login_failed"
