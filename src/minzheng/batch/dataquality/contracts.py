"""The data-quality job's contracts (数据质量作业契约): registry and enrolment rows in; results and scores out."""

from __future__ import annotations

import pyarrow as pa

DATA_QUALITY_INPUT_CONTRACT_VERSION = "dataquality-input/1.0"
DATA_QUALITY_OUTPUT_CONTRACT_VERSION = "dataquality-output/1.0"

#: one row per registry person
PERSONS_SCHEMA = pa.schema(
    [
        pa.field("person_id", pa.int64(), nullable=False),
        pa.field("id_number", pa.string(), nullable=False),
        pa.field("is_resident_id", pa.bool_(), nullable=False),  # 居民身份证 (not a 临时编号)
        pa.field("birth_date", pa.date32()),
        pa.field("death_date", pa.date32()),
        pa.field("is_deceased", pa.bool_(), nullable=False),
        pa.field("division_code", pa.string(), nullable=False),
    ]
)

#: one row per household not dissolved
HOUSEHOLDS_SCHEMA = pa.schema(
    [
        pa.field("household_id", pa.int64(), nullable=False),
        pa.field("head_id", pa.int64()),
        pa.field("division_code", pa.string(), nullable=False),
    ]
)

#: current memberships (valid_to empty)
MEMBERS_SCHEMA = pa.schema(
    [
        pa.field("household_id", pa.int64(), nullable=False),
        pa.field("person_id", pa.int64(), nullable=False),
    ]
)

#: 社会救助 enrolments paid this month (assistance.interface.enrolment_rows_in_force)
ENROLMENTS_SCHEMA = pa.schema(
    [
        pa.field("enrolment_id", pa.int64(), nullable=False),
        pa.field("household_id", pa.int64(), nullable=False),
        pa.field("payee_id", pa.int64()),
        pa.field("division_code", pa.string(), nullable=False),
    ]
)

#: the rules switched on, with the day the run is for
RUN_SCHEMA = pa.schema(
    [
        pa.field("rule_code", pa.string(), nullable=False),
        pa.field("as_of", pa.date32(), nullable=False),
    ]
)

#: one row per failing record: (rule, record) is unique
FAILURES_SCHEMA = pa.schema(
    [
        pa.field("rule_code", pa.string(), nullable=False),
        pa.field("record_id", pa.int64(), nullable=False),
        pa.field("division_code", pa.string(), nullable=False),
        pa.field("evidence", pa.string(), nullable=False),
    ]
)

#: records checked and failing per rule and township (first 9 digits of the record's division code)
SCORES_SCHEMA = pa.schema(
    [
        pa.field("rule_code", pa.string(), nullable=False),
        pa.field("township_prefix", pa.string(), nullable=False),
        pa.field("checked", pa.int64(), nullable=False),
        pa.field("failed", pa.int64(), nullable=False),
    ]
)

#: the rules this job knows (code → what its SELECT checks); the platform keeps their names, domains,
#: dimensions, sources and whether each is on as data (数据中心's 质量规则)
RULE_CODES: tuple[str, ...] = (
    "id_birth_mismatch",
    "birth_date_missing",
    "household_no_head",
    "head_not_member",
    "enrolment_payee_deceased",
    "enrolment_household_all_deceased",
)
