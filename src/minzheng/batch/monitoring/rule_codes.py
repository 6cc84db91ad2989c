"""The monitoring job's rule codes (预警规则代码): the names rules carry from the catalogue to the warnings."""

from __future__ import annotations

MEDICAL_EXPENSE = "medical_expense"
SEVERE_DISABILITY = "severe_disability"
WORKING_AGE_DEATH = "working_age_death"
UNEMPLOYMENT = "unemployment"
DISASTER_LOSS = "disaster_loss"
INCOME_BELOW_LINE = "income_below_line"
INCOME_ABOVE_LINE = "income_above_line"
RULE_CODES: tuple[str, ...] = (
    MEDICAL_EXPENSE,
    SEVERE_DISABILITY,
    WORKING_AGE_DEATH,
    UNEMPLOYMENT,
    DISASTER_LOSS,
    INCOME_BELOW_LINE,
    INCOME_ABOVE_LINE,
)
INCOME_RULES: tuple[str, ...] = (INCOME_BELOW_LINE, INCOME_ABOVE_LINE)
