"""Typed errors of 区划地名 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class PlacenameError(MinzhengError):
    """Base of every expected error of the 区划地名 domain."""


class InvalidPlacenameInput(PlacenameError):
    """A field the rules refuse (a 界桩编号 of the wrong shape, a missing report, no override reason …)."""

    code = "invalid_placename_input"


class PlacenameConflict(PlacenameError):
    """The state does not allow the action (already decided, one's own application, filed twice …)."""

    status_code = 409
    code = "placename_conflict"
