"""Typed errors of 后台任务 (Chinese messages for the user)."""

from minzheng.core.errors import MinzhengError


class BackgroundJobError(MinzhengError):
    """A job that cannot be started or whose result cannot be given."""
