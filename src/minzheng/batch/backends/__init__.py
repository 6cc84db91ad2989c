"""Execution backends of the batch engine: the same SQL steps on DuckDB (default) or Apache Spark."""

from .base import Backend
from .duckdb_backend import DuckDBBackend

__all__ = ["Backend", "DuckDBBackend", "SparkBackend"]


def __getattr__(name: str) -> object:
    # PySpark is an optional extra: import it only when a Spark backend is asked for
    if name == "SparkBackend":
        from .spark_backend import SparkBackend

        return SparkBackend
    raise AttributeError(name)
