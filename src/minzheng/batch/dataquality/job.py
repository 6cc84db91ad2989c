"""数据质量 — run the quality rules over the registry and enrolments (``run_quality_rules``), DuckDB or Spark."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from ..backends import Backend, DuckDBBackend
from ..contract_tables import cast_to_contract, normalised
from .contracts import (
    ENROLMENTS_SCHEMA,
    FAILURES_SCHEMA,
    HOUSEHOLDS_SCHEMA,
    MEMBERS_SCHEMA,
    PERSONS_SCHEMA,
    RUN_SCHEMA,
    SCORES_SCHEMA,
)
from .job_sql import data_quality_steps


@dataclass(frozen=True)
class QualityInputs:
    persons: pa.Table
    households: pa.Table
    members: pa.Table
    enrolments: pa.Table


@dataclass(frozen=True)
class QualityResult:
    """``failures`` sorted by (rule, record); ``scores`` by (rule, township)."""

    failures: pa.Table
    scores: pa.Table


def run_quality_rules(
    inputs: QualityInputs, rule_codes: list[str], as_of: date, *, backend: Backend | None = None
) -> QualityResult:
    engine = backend or DuckDBBackend()
    try:
        engine.register_arrow("persons", cast_to_contract(inputs.persons, PERSONS_SCHEMA, "人员"))
        engine.register_arrow("households", cast_to_contract(inputs.households, HOUSEHOLDS_SCHEMA, "家庭户"))
        engine.register_arrow("members", cast_to_contract(inputs.members, MEMBERS_SCHEMA, "家庭成员"))
        engine.register_arrow(
            "enrolments", cast_to_contract(inputs.enrolments, ENROLMENTS_SCHEMA, "在保对象")
        )
        engine.register_arrow(
            "run",
            pa.Table.from_pylist(
                [{"rule_code": c, "as_of": as_of} for c in rule_codes] or [], schema=RUN_SCHEMA
            ),
        )
        for step in data_quality_steps(rule_codes):
            engine.materialize(step)
        failures = engine.fetch("failures", order_by=("rule_code", "record_id"))
        scores = engine.fetch("scores", order_by=("rule_code", "township_prefix"))
        return QualityResult(normalised(failures, FAILURES_SCHEMA), normalised(scores, SCORES_SCHEMA))
    finally:
        if backend is None:
            engine.close()
