"""Typed errors of the 社会救助 domain (one base class; the API maps them to the RFC 7807 body)."""

from minzheng.core.errors import MinzhengError
from minzheng.policy.interface import InvalidPolicyValue, ParameterNotSet, VersionConflict

__all__ = [
    "AssistanceError",
    "InvalidAttachment",
    "InvalidCase",
    "InvalidPolicyValue",
    "ParameterNotSet",
    "StandardNotFound",
    "VersionConflict",
    "WorkflowRefused",
]


class AssistanceError(MinzhengError):
    """Base of every expected error of the 社会救助 domain."""


class StandardNotFound(AssistanceError):
    """No 保障标准 covers the division on the date asked (nothing to compute a benefit from)."""

    status_code = 404
    code = "standard_not_found"


class InvalidCase(AssistanceError):
    """An application or enrolment the rules do not allow (wrong program, household outside, bad month…)."""

    code = "invalid_case"


class WorkflowRefused(AssistanceError):
    """A workflow move the rules refuse: not allowed from the case's state, by this person, or not yet."""

    status_code = 409
    code = "workflow_refused"


class InvalidAttachment(AssistanceError):
    """A file of a type or size a case does not accept."""

    code = "invalid_attachment"
