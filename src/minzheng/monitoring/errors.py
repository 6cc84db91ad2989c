"""Typed errors of 低收入人口动态监测 (Chinese messages; the API maps them to its one error format)."""

from minzheng.core.errors import MinzhengError


class MonitoringError(MinzhengError):
    """Base of the monitoring domain's expected errors."""


class InvalidRule(MonitoringError):
    code = "invalid_rule"


class InvalidTransition(MonitoringError):
    status_code = 409
    code = "invalid_transition"
