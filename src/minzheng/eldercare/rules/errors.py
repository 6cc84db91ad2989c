"""Errors the pure rules raise; services translate them into the app's typed errors with field names."""


class EldercareRuleError(ValueError):
    """Input that the rule cannot score or decide (unknown item, score out of range, empty pool …)."""
