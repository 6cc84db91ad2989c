"""Typed errors raised by the pure policy rules (dated records, working days)."""


class PolicyRuleError(ValueError):
    """Base class: a rule was called with inputs the policy store does not allow."""


class CalendarNotCoveredError(PolicyRuleError):
    """A working-day question falls after the last date the holiday data covers.

    The State Council publishes each year's holiday schedule late in the previous year; until an
    administrator loads it, answers for that year would silently ignore its holidays.
    """
