"""资金监督 大数据比对 — the anomaly checks over payments (``run_fund_checks``), on DuckDB or Spark."""

from .contracts import (
    CHECK_CODES,
    EXCLUSIONS_SCHEMA,
    FINDINGS_SCHEMA,
    FUND_CHECK_DATASETS,
    LIMITS_SCHEMA,
    PAYMENTS_SCHEMA,
    REGISTRY_DEATHS_SCHEMA,
)
from .job import CheckLimits, FundCheckResult, run_fund_checks

__all__ = [
    "CHECK_CODES",
    "EXCLUSIONS_SCHEMA",
    "FINDINGS_SCHEMA",
    "FUND_CHECK_DATASETS",
    "LIMITS_SCHEMA",
    "PAYMENTS_SCHEMA",
    "REGISTRY_DEATHS_SCHEMA",
    "CheckLimits",
    "FundCheckResult",
    "run_fund_checks",
]
