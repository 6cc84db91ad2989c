"""Apache Spark backend: the same steps as Spark SQL, for data beyond one machine.

Each run gets its own ``SparkSession.newSession()`` (shared SparkContext, separate temp views), so parallel
runs in one driver never see each other's tables. Steps marked ``reused`` are cached, because a temp view
is only a plan and would otherwise be recomputed by every step that reads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from ..errors import BatchError, EngineError
from ..steps import Step
from .base import Backend, files_by_missing_columns, sql_type

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
    # A JVM out of memory must end, not linger half-alive: the job then fails at once with EngineError
    # (seen: a 2 GB driver that ran out of memory and hung for 13 minutes)
    builder = builder.config("spark.driver.extraJavaOptions", "-XX:+ExitOnOutOfMemoryError")
    builder = builder.config("spark.executor.extraJavaOptions", "-XX:+ExitOnOutOfMemoryError")
    for key, value in conf.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


class SparkBackend(Backend):
    """执行引擎 Spark. Pass an existing session, or a master URL (``local[2]``, ``spark://host:7077``)."""

    dialect = "spark"

    def __init__(self, spark: SparkSession | None = None, *, master: str = "local[2]") -> None:
        with _engine_errors():
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
                    F.lit(None).cast(sql_type(field.type, "spark")).alias(field.name)
                    if field.name in missing
                    else F.col(field.name)
                    for field in schema
                )
            )
            frame = part if frame is None else frame.unionByName(part)
        frame.createOrReplaceTempView(name)

    def materialize(self, step: Step) -> None:
        with _engine_errors():
            frame = self.session.sql(step.sql(self.dialect))
            if step.reused:
                frame = frame.cache()
                self._frames.append(frame)
            frame.createOrReplaceTempView(step.name)

    def fetch(self, name: str, order_by: Sequence[str] = ()) -> pa.Table:
        with _engine_errors():
            frame = self.session.table(name)
            return (frame.orderBy(*order_by) if order_by else frame).toArrow()

    def close(self) -> None:
        with suppress(Exception):  # a dead JVM has nothing left to release
            for frame in self._frames:
                frame.unpersist()
        self._frames.clear()


@contextmanager
def _engine_errors() -> Iterator[None]:
    """Spark's failures as one EngineError with a Chinese message; a JVM that died (out of memory, killed)
    is forgotten, so the next run starts a new one instead of talking to a dead gateway."""
    try:
        yield
    except Exception as error:
        if isinstance(error, BatchError):
            raise
        text = f"{type(error).__name__}: {error}"
        if _gateway_dead(error):
            _forget_dead_context()
            if "OutOfMemory" in text or "Java heap space" in text:
                message = "Spark 计算引擎内存不足，已中止：请增大 spark.driver.memory 或改用 DuckDB 引擎"
            else:
                message = "Spark 计算引擎进程已退出（可能内存不足），作业已中止：请检查 Spark 日志后重试"
        elif "OutOfMemory" in text or "Java heap space" in text:
            message = "Spark 计算引擎内存不足，已中止：请增大 spark.driver.memory 或改用 DuckDB 引擎"
        else:
            message = f"Spark 计算失败：{text.splitlines()[0][:300]}"
        raise EngineError(message) from error


def _gateway_dead(error: BaseException) -> bool:
    names = {type(e).__name__ for e in (error, error.__cause__, error.__context__) if e is not None}
    return bool(
        names & {"Py4JNetworkError", "ConnectionRefusedError", "ConnectionResetError", "EOFError"}
    ) or ("Answer from Java side is empty" in str(error) or "Error while sending or receiving" in str(error))


def _forget_dead_context() -> None:
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    SparkContext._active_spark_context = None
    SparkContext._gateway = None
    SparkContext._jvm = None
    SparkSession._instantiatedSession = None
    SparkSession._activeSession = None
