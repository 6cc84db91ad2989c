"""The monitoring job's contracts (低收入人口动态监测作业契约): population, rules and run window in; warnings out."""

from __future__ import annotations

import pyarrow as pa

from ..intake.contracts import MONEY, SHARE

MONITORING_INPUT_CONTRACT_VERSION = "monitoring-input/1.0"
MONITORING_OUTPUT_CONTRACT_VERSION = "monitoring-output/1.0"

#: Department datasets the monitoring rules read (events and the income feeds); none is required.
MONITORING_DATASETS: tuple[str, ...] = (
    "medical_bills",
    "disability_cert",
    "deaths",
    "unemployment",
    "disaster_loss",
    "tax_income",
    "pension",
)

MONITORING_POPULATION_SCHEMA = pa.schema(
    [
        pa.field("id_number", pa.string(), nullable=False),
        pa.field("household_id", pa.string(), nullable=False),
        pa.field("division_code", pa.string(), nullable=False),
        pa.field("birth_date", pa.date32()),
        pa.field("in_dibao", pa.bool_(), nullable=False),
        pa.field("dibao_line", MONEY),
    ]
)

MONITORING_RULES_SCHEMA = pa.schema(
    [
        pa.field("rule_id", pa.int64(), nullable=False),
        pa.field("rule_code", pa.string(), nullable=False),
        pa.field("division_prefix", pa.string(), nullable=False),
        pa.field("valid_from", pa.date32(), nullable=False),
        pa.field("valid_to", pa.date32()),
        pa.field("enabled", pa.bool_(), nullable=False),
        pa.field("severity", pa.string(), nullable=False),
        pa.field("amount", MONEY),
        pa.field("ratio", SHARE),
        pa.field("months", pa.int32()),
        pa.field("grade", pa.int32()),
        pa.field("age_from", pa.int32()),
        pa.field("age_to", pa.int32()),
    ]
)

MONITORING_WINDOW_SCHEMA = pa.schema(
    [pa.field("since", pa.date32()), pa.field("until", pa.date32(), nullable=False)]
)

WARNINGS_SCHEMA = pa.schema(
    [
        pa.field("warning_key", pa.string()),
        pa.field("rule_code", pa.string()),
        pa.field("rule_id", pa.int64()),
        pa.field("severity", pa.string()),
        pa.field("household_id", pa.string()),
        pa.field("id_number", pa.string()),
        pa.field("division_code", pa.string()),
        pa.field("event_date", pa.date32()),
        pa.field("reason", pa.string()),
        pa.field("evidence", pa.string()),
    ]
)
