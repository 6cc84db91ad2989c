"""DuckDB backend (default): in-process, no server, spills to disk for data larger than memory."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from ..steps import Step
from .base import Backend, files_by_missing_columns, sql_type


class DuckDBBackend(Backend):
    """执行引擎 DuckDB. ``database`` is ``:memory:`` or a file path (keeps the step tables for inspection)."""

    dialect = "duckdb"

    def __init__(
        self,
        database: str | Path = ":memory:",
        *,
        threads: int | None = None,
        memory_limit: str | None = None,
        temp_directory: str | Path | None = None,
    ) -> None:
        config: dict[str, str | int] = {}
        if threads is not None:
            config["threads"] = threads
        if memory_limit is not None:
            config["memory_limit"] = memory_limit
        if temp_directory is not None:
            config["temp_directory"] = str(temp_directory)
        self.persistent = str(database) != ":memory:"
        self.connection = duckdb.connect(str(database), config=config)
        # no progress bar: it writes to stdout from worker processes
        self.connection.execute("SET enable_progress_bar = false")
        # No step relies on row order (outputs are sorted when fetched), so DuckDB may build tables and
        # collect results in parallel without keeping insertion order: measured −2.5 s of 20 s at full scale.
        self.connection.execute("SET preserve_insertion_order = false")

    def register_arrow(self, name: str, table: pa.Table) -> None:
        self.connection.register(f"__arrow_{name}", table)
        self.connection.execute(f'CREATE OR REPLACE TEMP VIEW "{name}" AS SELECT * FROM "__arrow_{name}"')

    def register_parquet(self, name: str, paths: Sequence[Path], schema: pa.Schema) -> None:
        if not paths:
            self.register_arrow(name, schema.empty_table())
            return
        selects = []
        for missing, group in files_by_missing_columns(paths, schema).items():
            files = ", ".join("'" + str(p).replace("'", "''") + "'" for p in group)
            columns = ", ".join(
                f'CAST(NULL AS {sql_type(field.type, "duckdb")}) AS "{field.name}"'
                if field.name in missing
                else f'"{field.name}"'
                for field in schema
            )
            # hive_partitioning off: the store's `as_of=…` folder names must never become (or replace) columns
            selects.append(f"SELECT {columns} FROM read_parquet([{files}], hive_partitioning = false)")
        self.connection.execute(f'CREATE OR REPLACE TEMP VIEW "{name}" AS {" UNION ALL ".join(selects)}')

    def materialize(self, step: Step) -> None:
        # a file database keeps every step as a table (to inspect a run later: views would point at the
        # run's temporary inputs); in memory, single-use steps stay views the optimiser can fuse
        kind = "TABLE" if self.persistent else ("TEMP TABLE" if step.reused else "TEMP VIEW")
        self.connection.execute(f'CREATE OR REPLACE {kind} "{step.name}" AS {step.sql(self.dialect)}')

    def fetch(self, name: str, order_by: Sequence[str] = ()) -> pa.Table:
        order = " ORDER BY " + ", ".join(f'"{key}"' for key in order_by) if order_by else ""
        return self.connection.sql(f'SELECT * FROM "{name}"{order}').to_arrow_table()

    def close(self) -> None:
        self.connection.close()
