"""Typed errors of the 社会救助 domain (one base class; the API maps them to the RFC 7807 body)."""

from minzheng.core.errors import MinzhengError


class AssistanceError(MinzhengError):
    """Base of every expected error of the 社会救助 domain."""


class StandardNotFound(AssistanceError):
    """No 保障标准 covers the division on the date asked (nothing to compute a benefit from)."""

    status_code = 404
    code = "standard_not_found"


class ParameterNotSet(AssistanceError):
    """No version of a policy parameter covers the division on the date asked."""

    status_code = 404
    code = "parameter_not_set"


class VersionConflict(AssistanceError):
    """A version with the same effective date exists: history is never overwritten."""

    status_code = 409
    code = "version_conflict"


class InvalidPolicyValue(AssistanceError):
    """A standard, parameter or calendar day that policy does not allow (negative amount, unknown name…)."""

    code = "invalid_policy_value"


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
