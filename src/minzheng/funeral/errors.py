"""Typed errors of 殡葬管理 (one base class; the API maps them to the RFC 7807 body, pages to messages)."""

from minzheng.core.errors import MinzhengError


class FuneralError(MinzhengError):
    """Base of every expected error of the 殡葬 domain."""


class InvalidFuneralInput(FuneralError):
    """A field the rules refuse (issuer not allowed for the place of death, item not on the service list …)."""

    code = "invalid_funeral_input"


class FuneralConflict(FuneralError):
    """The state does not allow the action (death already recorded, order already billed …)."""

    status_code = 409
    code = "funeral_conflict"
