"""Apache Spark backend: the same steps as Spark SQL, for data beyond one machine.

Each run gets its own ``SparkSession.newSession()`` (shared SparkContext, separate temp views), so parallel
runs in one driver never see each other's tables. Steps marked ``reused`` are cached, because a temp view
is only a plan and would otherwise be recomputed by every step that reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from ..job_sql import Step
from .base import Backend, files_by_missing_columns

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession


def spark_session(
    master: str = "local[2]", app_name: str = "minzheng-verification", **conf: str
) -> SparkSession:
    """A SparkSession configured for the engine: UTC, ANSI SQL, small shuffle for local masters."""
    from pyspark.sql import SparkSession

    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "true")
        .config("spark.ui.enabled", "false")
    )
    if master.startswith("local"):
        builder = builder.config("spark.sql.shuffle.partitions", "4")
    for key, value in conf.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


class SparkBackend(Backend):
    """执行引擎 Spark. Pass an existing session, or a master URL (``local[2]``, ``spark://host:7077``)."""

    dialect = "spark"

    def __init__(self, spark: SparkSession | None = None, *, master: str = "local[2]") -> None:
        self.session = (spark or spark_session(master)).newSession()
        self._frames: list[DataFrame] = []

    def register_arrow(self, name: str, table: pa.Table) -> None:
        frame = self.session.createDataFrame(table)
        frame.createOrReplaceTempView(name)

    def register_parquet(self, name: str, paths: Sequence[Path], schema: pa.Schema) -> None:
        if not paths:
            self.register_arrow(name, schema.empty_table())
            return
        from pyspark.sql import functions as F

        frame = None
        for missing, group in files_by_missing_columns(paths, schema).items():
            # recursiveFileLookup turns partition discovery off: the store's `as_of=…` folders are not columns
            part = self.session.read.option("recursiveFileLookup", "true").parquet(*(str(p) for p in group))
            part = part.select(
                *(
                    F.lit(None).cast(_spark_type(field.type)).alias(field.name)
                    if field.name in missing
                    else F.col(field.name)
                    for field in schema
                )
            )
            frame = part if frame is None else frame.unionByName(part)
        frame.createOrReplaceTempView(name)

    def materialize(self, step: Step) -> None:
        frame = self.session.sql(step.sql(self.dialect))
        if step.reused:
            frame = frame.cache()
            self._frames.append(frame)
        frame.createOrReplaceTempView(step.name)

    def fetch(self, name: str, order_by: Sequence[str] = ()) -> pa.Table:
        frame = self.session.table(name)
        return (frame.orderBy(*order_by) if order_by else frame).toArrow()

    def close(self) -> None:
        for frame in self._frames:
            frame.unpersist()
        self._frames.clear()


def _spark_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_decimal(arrow_type):
        return f"decimal({arrow_type.precision},{arrow_type.scale})"
    if pa.types.is_date(arrow_type):
        return "date"
    if pa.types.is_boolean(arrow_type):
        return "boolean"
    if pa.types.is_integer(arrow_type):
        return "bigint"
    return "string"
