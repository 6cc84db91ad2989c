"""Typed errors of the work queue (Chinese messages naming the field)."""

from minzheng.core.errors import MinzhengError


class WorklistError(MinzhengError):
    """Base of the work queue's expected errors."""


class OwnerRefused(WorklistError):
    """The chosen person may not own the item (role, jurisdiction, already claimed by someone else)."""

    code = "owner_refused"
