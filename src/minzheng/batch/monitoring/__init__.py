"""低收入人口动态监测预警: the monitoring job's risk rules over department events (DuckDB or Spark)."""

from .contracts import MONITORING_DATASETS, MONITORING_POPULATION_SCHEMA
from .job import (
    FULL_RUN_INCOME_MONTHS,
    MonitoringResult,
    RuleVersion,
    income_calendar,
    rules_table,
    run_monitoring,
)
from .late_events import changed_datasets, late_events_since

__all__ = [
    "FULL_RUN_INCOME_MONTHS",
    "MONITORING_DATASETS",
    "MONITORING_POPULATION_SCHEMA",
    "MonitoringResult",
    "RuleVersion",
    "changed_datasets",
    "income_calendar",
    "late_events_since",
    "rules_table",
    "run_monitoring",
]
