"""数据质量 — the quality rules over the registry and 社会救助 enrolments (``run_quality_rules``), DuckDB or Spark."""

from .contracts import (
    ENROLMENTS_SCHEMA,
    FAILURES_SCHEMA,
    HOUSEHOLDS_SCHEMA,
    MEMBERS_SCHEMA,
    PERSONS_SCHEMA,
    RULE_CODES,
    SCORES_SCHEMA,
)
from .job import QualityInputs, QualityResult, run_quality_rules

__all__ = [
    "ENROLMENTS_SCHEMA",
    "FAILURES_SCHEMA",
    "HOUSEHOLDS_SCHEMA",
    "MEMBERS_SCHEMA",
    "PERSONS_SCHEMA",
    "RULE_CODES",
    "SCORES_SCHEMA",
    "QualityInputs",
    "QualityResult",
    "run_quality_rules",
]
