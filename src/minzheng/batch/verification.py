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

from .backends import Backend, DuckDBBackend
from .contracts import (
    COVERAGE_SCHEMA,
    DATASETS,
    HOUSEHOLD_RESULTS_SCHEMA,
    JOB_OUTPUT_CONTRACT_VERSION,
    MEMBER_INCOME_SCHEMA,
    MEMBER_RECORDS_SCHEMA,
    PARAMETERS_SCHEMA,
    REQUESTS_SCHEMA,
    REQUIRED_FOR_VERIFICATION,
)
from .errors import JobInputError
from .ids import invalid_id_numbers
from .job_sql import INPUT_TABLES, OUTPUT_TABLES, verification_steps
from .parameters import INCOME_WINDOW_MONTHS, MAX_INCOME_WINDOW_MONTHS
from .store import DatasetSnapshot

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
    parameters = _checked_parameters(_cast(parameters, PARAMETERS_SCHEMA, "参数表"))
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
            _register_dataset(engine, name, datasets)
        for step in verification_steps(with_records=with_records):
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
        households=_normalised(households, HOUSEHOLD_RESULTS_SCHEMA),
        member_income=_normalised(member_income, MEMBER_INCOME_SCHEMA),
        member_records=_normalised(records, MEMBER_RECORDS_SCHEMA) if records is not None else None,
    )


def _register_dataset(
    engine: Backend, name: str, datasets: DatasetSnapshot, dataset: str | None = None
) -> None:
    """Register ``dataset`` (default: ``name``) of the snapshot under the view name ``name``."""
    dataset = dataset or name
    schema = DATASETS[dataset].schema
    source = datasets.tables.get(dataset)
    if isinstance(source, pa.Table):
        engine.register_arrow(name, _cast(source, schema, f"数据集 {dataset}"))
    else:
        engine.register_parquet(name, list(source or []), schema)


def _coverage(datasets: DatasetSnapshot) -> pa.Table:
    delivered = [name for name in datasets.tables if name in datasets.as_of]
    return pa.table(
        {"dataset": delivered, "as_of": [datasets.as_of[name] for name in delivered]}, schema=COVERAGE_SCHEMA
    )


def _cast(table: pa.Table, schema: pa.Schema, label: str) -> pa.Table:
    missing = [name for name in schema.names if name not in table.column_names]
    if missing:
        raise JobInputError(f"{label}缺少列：{', '.join(missing)}")
    try:
        return table.select(schema.names).cast(schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as error:
        raise JobInputError(f"{label}的列类型不符合契约：{error}") from error


def _checked_requests(requests: pa.Table) -> pa.Table:
    requests = _cast(requests, REQUESTS_SCHEMA, "申请表")
    ids = pc.utf8_upper(pc.utf8_trim_whitespace(requests["id_number"]))
    bad = invalid_id_numbers(ids)
    if bad:
        shown = "、".join(str(value) for value in bad[:10]) + ("等" if len(bad) > 10 else "")
        raise JobInputError(f"申请表中有 {len(bad)} 个无效的公民身份号码：{shown}", column="id_number")
    return requests.set_column(requests.schema.get_field_index("id_number"), "id_number", ids)


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


def _normalised(table: pa.Table, schema: pa.Schema) -> pa.Table:
    # engines differ in DECIMAL precision of intermediate results; the contract does not (row order comes
    # sorted from the backend)
    table = table.select(schema.names)
    return pa.Table.from_arrays(
        [table[n].cast(f.type) for n, f in zip(schema.names, schema, strict=True)], schema=schema
    )


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
