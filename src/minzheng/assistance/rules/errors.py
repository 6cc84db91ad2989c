"""Typed errors raised by the 社会救助 policy rules (working-day errors: ``policy.rules.errors``).

The app's own ``errors.py`` (when it exists) should subclass or re-export these so the API and UI map
them to one error format.
"""


class AssistanceRuleError(ValueError):
    """Base class: a rule was called with inputs the policy does not allow."""


class StandardNotFoundError(AssistanceRuleError):
    """No 低保标准 record covers the division on the date asked."""
