"""The backend interface (执行引擎接口): register inputs, materialise SQL steps, fetch Arrow results.

Deliberately tiny (like Splink's database API or a dbt adapter): everything policy-related lives in the
SQL steps, so a backend only has to move Arrow/Parquet in and out and run SQL in its own dialect.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import pyarrow as pa

from ..steps import Step


class Backend(ABC):
    """Runs the job's steps. One backend instance serves one job run at a time."""

    #: sqlglot dialect the steps are rendered in
    dialect: str

    @abstractmethod
    def register_arrow(self, name: str, table: pa.Table) -> None:
        """Expose an Arrow table as input table ``name``."""

    @abstractmethod
    def register_parquet(self, name: str, paths: Sequence[Path], schema: pa.Schema) -> None:
        """Expose Parquet files as input table ``name`` with exactly ``schema``'s columns.

        Only the files' own columns are read — never values derived from their paths (the store's folders
        are named ``as_of=…``, and hive-style partition discovery would replace each row's own ``as_of``).
        A column of ``schema`` that a file lacks (an optional column added in a later contract version) is
        NULL for that file's rows."""

    @abstractmethod
    def materialize(self, step: Step) -> None:
        """Run ``step`` and make its result available under ``step.name`` to later steps."""

    @abstractmethod
    def fetch(self, name: str, order_by: Sequence[str] = ()) -> pa.Table:
        """Return a materialised step or input as an Arrow table, sorted by ``order_by`` (byte order for
        strings) — the engine sorts faster than Arrow can reorder a fetched table."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release per-run resources."""

    def __enter__(self) -> Backend:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def files_by_missing_columns(paths: Sequence[Path], schema: pa.Schema) -> dict[tuple[str, ...], list[Path]]:
    """Group Parquet files by which of ``schema``'s columns they lack (read from the footers only), so a
    backend can read each group at once and fill the missing columns with NULL."""
    import pyarrow.parquet as pq

    groups: dict[tuple[str, ...], list[Path]] = {}
    for path in paths:
        present = set(pq.read_schema(path).names)
        missing = tuple(name for name in schema.names if name not in present)
        groups.setdefault(missing, []).append(path)
    return groups


def sql_type(arrow_type: pa.DataType, dialect: str) -> str:
    """The SQL type of an Arrow column in ``dialect`` (for the NULL columns a file lacks)."""
    if pa.types.is_decimal(arrow_type):
        return f"DECIMAL({arrow_type.precision},{arrow_type.scale})"
    for test, name in (
        (pa.types.is_date, "DATE"),
        (pa.types.is_boolean, "BOOLEAN"),
        (pa.types.is_integer, "BIGINT"),
    ):
        if test(arrow_type):
            return name
    return "VARCHAR" if dialect == "duckdb" else "STRING"
