"""家庭经济状况核对 — run the verification job and read its results.

``run_verification`` is the engine's one entry point for a batch of requests: it checks the inputs against
the job-input contract, registers them on a backend (DuckDB unless told otherwise), runs the SQL steps and
returns the two output tables in the job-output contract, sorted so results are reproducible row by row.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..backends import Backend, DuckDBBackend
from ..contract_tables import cast_to_contract, normalised
from ..errors import JobInputError
from ..ids import invalid_id_numbers
from ..intake.contracts import DATASETS, REJECTED_ROWS_SCHEMA
from ..intake.registration import register_dataset
from ..intake.store import DatasetSnapshot
from .contracts import (
    COVERAGE_SCHEMA,
    HOUSEHOLD_RESULTS_SCHEMA,
    JOB_OUTPUT_CONTRACT_VERSION,
    MEMBER_INCOME_SCHEMA,
    MEMBER_RECORDS_SCHEMA,
    PARAMETERS_SCHEMA,
    REQUESTS_SCHEMA,
    REQUIRED_FOR_VERIFICATION,
)
from .job_sql import DELIVERED_SUFFIX, INPUT_TABLES, OUTPUT_TABLES, verification_steps
from .parameters import INCOME_WINDOW_MONTHS, MAX_INCOME_WINDOW_MONTHS

_DATASET_INPUTS = [name for name in INPUT_TABLES if name in DATASETS]
# the outputs' row order (contract): unique keys, so results are reproducible row by row
_HOUSEHOLD_KEYS = ("request_id",)
_MEMBER_INCOME_KEYS = ("request_id", "id_number", "dataset", "source")
_MEMBER_RECORDS_KEYS = ("request_id", "id_number", "dataset", "record")


@dataclass(frozen=True)
class VerificationResult:
    """核对结果: one row per household, and per-member income per source for the report."""

    households: pa.Table
    member_income: pa.Table
    contract_version: str = JOB_OUTPUT_CONTRACT_VERSION
    member_records: pa.Table | None = None  # only when asked for (``with_records``)

    def household(self, request_id: str) -> dict[str, Any]:
        """One household's row, with ``reasons`` parsed from JSON."""
        rows = self.households.filter(pc.equal(self.households["request_id"], request_id)).to_pylist()
        if not rows:
            raise KeyError(request_id)
        row = rows[0]
        row["reasons"] = json.loads(row["reasons"])
        return row


def run_verification(
    requests: pa.Table,
    parameters: pa.Table,
    datasets: DatasetSnapshot,
    *,
    backend: Backend | None = None,
    required_datasets: Iterable[str] = REQUIRED_FOR_VERIFICATION,
    with_records: bool = False,
) -> VerificationResult:
    """Verify every household in ``requests`` against ``datasets`` under ``parameters``.

    The caller owns ``backend`` if it passes one; otherwise a fresh in-memory DuckDB is used and closed.
    ``with_records`` adds each member's department records for the report (``member_records``).
    """
    requests = _checked_requests(requests)
    parameters = _checked_parameters(cast_to_contract(parameters, PARAMETERS_SCHEMA, "参数表"))
    owned = backend is None
    engine = backend or DuckDBBackend()
    try:
        engine.register_arrow("requests", requests)
        engine.register_arrow("parameters", parameters)
        engine.register_arrow("coverage", _coverage(datasets))
        engine.register_arrow(
            "required_datasets", pa.table({"dataset": pa.array(list(required_datasets), pa.string())})
        )
        for name in _DATASET_INPUTS:
            register_dataset(engine, f"{name}{DELIVERED_SUFFIX}", datasets, name)
        engine.register_arrow("rejected_rows", _rejected_rows(datasets, requests))
        columns = {name: DATASETS[name].schema.names for name in _DATASET_INPUTS}
        for step in verification_steps(columns, with_records=with_records):
            engine.materialize(step)
        households, member_income = (
            engine.fetch(name, order_by=keys)
            for name, keys in zip(OUTPUT_TABLES, (_HOUSEHOLD_KEYS, _MEMBER_INCOME_KEYS), strict=True)
        )
        records = engine.fetch("member_records", order_by=_MEMBER_RECORDS_KEYS) if with_records else None
    finally:
        if owned:
            engine.close()
    return VerificationResult(
        households=normalised(households, HOUSEHOLD_RESULTS_SCHEMA),
        member_income=normalised(member_income, MEMBER_INCOME_SCHEMA),
        member_records=normalised(records, MEMBER_RECORDS_SCHEMA) if records is not None else None,
    )


_REJECTED_ABOUT_MEMBERS = pa.schema([*REJECTED_ROWS_SCHEMA, pa.field("id_number", pa.string())])


def _rejected_rows(datasets: DatasetSnapshot, requests: pa.Table) -> pa.Table:
    """The rows the deliveries in force rejected whose ID number (as delivered, trimmed, upper-cased) is a
    requested member's, with that number: the few rows that make a member's data incomplete. Read with
    DuckDB whatever the job's engine (like intake: a small local step)."""
    import duckdb

    parts = [
        source if isinstance(source, pa.Table) else pq.read_table(source, schema=REJECTED_ROWS_SCHEMA)
        for name in _DATASET_INPUTS
        for source in _as_list(datasets.rejected.get(name))
    ]
    if not parts:
        return _REJECTED_ABOUT_MEMBERS.empty_table()
    con = duckdb.connect()
    try:
        con.register("rejected", pa.concat_tables([t.select(REJECTED_ROWS_SCHEMA.names) for t in parts]))
        con.register("members", requests.select(["id_number"]))
        return (
            con.sql(
                """SELECT * FROM (
                     SELECT r.*, UPPER(TRIM(json_extract_string(r.raw_values, '$.id_number'))) AS id_number
                     FROM rejected AS r) AS r
                   WHERE id_number IN (SELECT id_number FROM members)
                   ORDER BY dataset, delivery_id, row_number"""
            )
            .to_arrow_table()
            .cast(_REJECTED_ABOUT_MEMBERS)
        )
    finally:
        con.close()


def _as_list(source: list[Path] | pa.Table | None) -> list[Path | pa.Table]:
    if source is None:
        return []
    return [source] if isinstance(source, pa.Table) else list(source)


def _coverage(datasets: DatasetSnapshot) -> pa.Table:
    delivered = [name for name in datasets.tables if name in datasets.as_of]
    return pa.table(
        {"dataset": delivered, "as_of": [datasets.as_of[name] for name in delivered]}, schema=COVERAGE_SCHEMA
    )


def _checked_requests(requests: pa.Table) -> pa.Table:
    missing_ids = _requests_without_id(requests)
    if missing_ids:
        shown = "、".join(missing_ids[:10]) + ("等" if len(missing_ids) > 10 else "")
        raise JobInputError(
            f"申请表中有 {len(missing_ids)} 个核对请求的成员缺少公民身份号码：{shown}", column="id_number"
        )
    requests = cast_to_contract(requests, REQUESTS_SCHEMA, "申请表")
    ids = pc.utf8_upper(pc.utf8_trim_whitespace(requests["id_number"]))
    bad = invalid_id_numbers(ids)
    if bad:
        shown = "、".join(str(value) for value in bad[:10]) + ("等" if len(bad) > 10 else "")
        requests_of = _requests_of(requests, ids, bad)
        raise JobInputError(
            f"申请表中有 {len(bad)} 个无效的公民身份号码：{shown}（核对请求：{requests_of}）",
            column="id_number",
        )
    return requests.set_column(requests.schema.get_field_index("id_number"), "id_number", ids)


def _requests_without_id(requests: pa.Table) -> list[str]:
    """Request ids whose member rows have a null or blank ID number (named in the error, not a bare
    ValueError from the cast)."""
    if "id_number" not in requests.column_names or "request_id" not in requests.column_names:
        return []
    ids = requests["id_number"].cast(pa.string())
    blank = pc.or_kleene(pc.is_null(ids), pc.equal(pc.utf8_trim_whitespace(ids), ""))
    blank = pc.fill_null(blank, True)
    found = pc.unique(pc.filter(requests["request_id"].cast(pa.string()), blank)).to_pylist()
    return sorted(str(r) for r in found)


def _requests_of(requests: pa.Table, ids: pa.ChunkedArray, bad: list[str]) -> str:
    found = pc.unique(
        pc.filter(requests["request_id"], pc.is_in(ids, pa.array(bad, pa.string())))
    ).to_pylist()
    return "、".join(sorted(found)[:10]) + ("等" if len(found) > 10 else "")


def _checked_parameters(parameters: pa.Table) -> pa.Table:
    windows = pc.filter(parameters["value"], pc.equal(parameters["name"], INCOME_WINDOW_MONTHS)).to_pylist()
    bad = sorted(
        {str(v) for v in windows if v is None or v != int(v) or not 1 <= v <= MAX_INCOME_WINDOW_MONTHS}
    )
    if bad:
        raise JobInputError(
            f"参数 {INCOME_WINDOW_MONTHS} 应为 1 至 {MAX_INCOME_WINDOW_MONTHS} 的整数，实际为：{'、'.join(bad)}",
            column="value",
        )
    return parameters


def write_results(result: VerificationResult, directory: Path | str, run_key: str) -> Path:
    """Store a run's outputs as Parquet under ``directory/run_key``; idempotent — an existing run is kept."""
    target = Path(directory) / run_key
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{run_key}-", dir=target.parent))
    try:
        pq.write_table(result.households, staging / "household_results.parquet")
        pq.write_table(result.member_income, staging / "member_income.parquet")
        if result.member_records is not None:
            pq.write_table(result.member_records, staging / "member_records.parquet")
        (staging / "contract.json").write_text(
            json.dumps(
                {"contract": result.contract_version, "written_at": dt.datetime.now(dt.UTC).isoformat()}
            ),
            encoding="utf-8",
        )
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def read_results(directory: Path | str, run_key: str) -> VerificationResult:
    """Read a stored run (e.g. to COPY into PostgreSQL or render a report)."""
    source = Path(directory) / run_key
    contract = json.loads((source / "contract.json").read_text(encoding="utf-8"))["contract"]
    return VerificationResult(
        households=pq.read_table(source / "household_results.parquet"),
        member_income=pq.read_table(source / "member_income.parquet"),
        contract_version=contract,
        member_records=pq.read_table(records)
        if (records := source / "member_records.parquet").exists()
        else None,
    )
