"""Typed errors of 救助管理 (one base class; pages show their Chinese message next to the field)."""

from minzheng.core.errors import MinzhengError


class RescueError(MinzhengError):
    """Base of every expected error of the 救助管理 domain."""


class InvalidRescueInput(RescueError):
    code = "invalid_rescue_input"


class RescueConflict(RescueError):
    status_code = 409
    code = "rescue_conflict"
