"""Typed errors of the policy store (one base class; the API maps them to the RFC 7807 body)."""

from minzheng.core.errors import MinzhengError


class PolicyError(MinzhengError):
    """Base of every expected error of the policy store."""


class ParameterNotSet(PolicyError):
    """No version of a policy parameter covers the division on the date asked."""

    status_code = 404
    code = "parameter_not_set"


class VersionConflict(PolicyError):
    """A version with the same effective date exists: history is never overwritten."""

    status_code = 409
    code = "version_conflict"


class InvalidPolicyValue(PolicyError):
    """A standard, parameter or calendar day that policy does not allow (negative amount, unknown name…)."""

    code = "invalid_policy_value"
