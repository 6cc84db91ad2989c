"""The fund checks' contracts (资金比对作业契约): payments, exclusions, limits and registry deaths in; findings out."""

from __future__ import annotations

import pyarrow as pa

from ..intake.contracts import MONEY

FUND_CHECKS_INPUT_CONTRACT_VERSION = "fundchecks-input/1.0"
FUND_CHECKS_OUTPUT_CONTRACT_VERSION = "fundchecks-output/1.0"

#: Department datasets the checks read from the exchange store; none is required.
FUND_CHECK_DATASETS: tuple[str, ...] = ("deaths", "vehicles", "business")

#: check code → Chinese name (the platform's finding list shows the name; the code is never shown).
CHECK_CODES: dict[str, str] = {
    "paid_after_death": "死亡后仍发放",
    "duplicate_in_program": "同一项目重复发放",
    "exclusive_programs": "互斥项目同时享受",
    "shared_account": "不同家庭共用银行账户",
    "amount_mismatch": "发放金额与核定金额不一致",
    "outside_jurisdiction": "领款人不在发放地辖区",
    "vehicle_over_limit": "家庭成员拥有超标车辆",
    "business_over_limit": "家庭成员经营企业超标",
}

#: one row per payment line (正常发放 lines; adjustments are not a second payment of the month)
PAYMENTS_SCHEMA = pa.schema(
    [
        pa.field("payment_id", pa.int64(), nullable=False),
        pa.field("program_code", pa.string(), nullable=False),
        pa.field("program_name", pa.string(), nullable=False),
        pa.field("month", pa.date32(), nullable=False),
        pa.field("id_number", pa.string(), nullable=False),
        pa.field("household_key", pa.string(), nullable=False),
        pa.field("division_code", pa.string(), nullable=False),
        pa.field("payer_prefix", pa.string(), nullable=False),
        pa.field("bank_account", pa.string()),
        pa.field("amount", MONEY, nullable=False),
        pa.field("enrolled_amount", MONEY),
    ]
)

#: pairs of programs a person may not be paid by in the same month (e.g. 低保 and 特困供养)
EXCLUSIONS_SCHEMA = pa.schema(
    [pa.field("program_a", pa.string(), nullable=False), pa.field("program_b", pa.string(), nullable=False)]
)

#: the limits of the department-data checks (元); one row
LIMITS_SCHEMA = pa.schema(
    [
        pa.field("vehicle_price_limit", MONEY, nullable=False),
        pa.field("business_capital_limit", MONEY, nullable=False),
    ]
)

#: deaths the platform's own registry knows (殡葬 intake writes them there), besides the 卫健 deliveries
REGISTRY_DEATHS_SCHEMA = pa.schema(
    [pa.field("id_number", pa.string(), nullable=False), pa.field("death_date", pa.date32(), nullable=False)]
)

FINDINGS_SCHEMA = pa.schema(
    [
        pa.field("finding_key", pa.string()),
        pa.field("check_code", pa.string()),
        pa.field("payment_id", pa.int64()),
        pa.field("id_number", pa.string()),
        pa.field("month", pa.date32()),
        pa.field("amount", MONEY),
        pa.field("evidence", pa.string()),
    ]
)
