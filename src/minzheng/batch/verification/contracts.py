"""The verification job's contracts (核对作业契约): its inputs besides the department datasets, and its outputs.

The README's contract tables are these schemas (``tests/batch/test_contracts.py`` holds them together).
"""

from __future__ import annotations

import pyarrow as pa

from ..intake.contracts import MONEY

JOB_INPUT_CONTRACT_VERSION = "verification-input/1.0"
JOB_OUTPUT_CONTRACT_VERSION = "verification-output/1.1"  # 1.1: optional member_records

PARAMETER_VALUE = pa.decimal128(18, 4)

#: Datasets the verification rules read; a household lacking any of them goes to manual review.
REQUIRED_FOR_VERIFICATION: tuple[str, ...] = (
    "hukou",
    "tax_income",
    "pension",
    "unemployment",
    "housing_fund",
    "deposits",
    "securities",
    "insurance_policies",
    "real_estate",
    "vehicles",
    "business",
    "deaths",
)

#: Datasets the job reads when present but never requires.
OPTIONAL_FOR_VERIFICATION: tuple[str, ...] = ("asset_flags",)

REQUESTS_SCHEMA = pa.schema(
    [
        pa.field("request_id", pa.string(), nullable=False),
        pa.field("household_id", pa.string(), nullable=False),
        pa.field("division_code", pa.string(), nullable=False),
        pa.field("request_date", pa.date32(), nullable=False),
        pa.field("program", pa.string(), nullable=False),
        pa.field("id_number", pa.string(), nullable=False),
    ]
)

PARAMETERS_SCHEMA = pa.schema(
    [
        pa.field("division_prefix", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("value", PARAMETER_VALUE, nullable=False),
        pa.field("valid_from", pa.date32(), nullable=False),
        pa.field("valid_to", pa.date32(), nullable=True),
    ]
)

COVERAGE_SCHEMA = pa.schema([pa.field("dataset", pa.string()), pa.field("as_of", pa.date32())])

HOUSEHOLD_RESULTS_SCHEMA = pa.schema(
    [
        pa.field("request_id", pa.string()),
        pa.field("household_id", pa.string()),
        pa.field("division_code", pa.string()),
        pa.field("request_date", pa.date32()),
        pa.field("program", pa.string()),
        pa.field("member_count", pa.int64()),
        pa.field("per_capita_monthly_income", MONEY),
        pa.field("total_financial_assets", MONEY),
        pa.field("per_capita_financial_assets", MONEY),
        pa.field("dibao_standard", MONEY),
        pa.field("income_line", MONEY),
        pa.field("asset_limit", MONEY),
        pa.field("conclusion", pa.string()),
        pa.field("reasons", pa.string()),
    ]
)

MEMBER_INCOME_SCHEMA = pa.schema(
    [
        pa.field("request_id", pa.string()),
        pa.field("household_id", pa.string()),
        pa.field("id_number", pa.string()),
        pa.field("dataset", pa.string()),
        pa.field("source", pa.string()),
        pa.field("months_counted", pa.int64()),
        pa.field("total_amount", MONEY),
        pa.field("monthly_amount", MONEY),
        pa.field("exempt", pa.bool_()),
    ]
)

MEMBER_RECORDS_SCHEMA = pa.schema(
    [
        pa.field("request_id", pa.string()),
        pa.field("id_number", pa.string()),
        pa.field("dataset", pa.string()),
        pa.field("record", pa.string()),
    ]
)
