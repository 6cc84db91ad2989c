"""A failing engine fails fast, in Chinese, and leaves nothing half-done (issue 12: a Spark driver out of
memory hung for 13 minutes)."""

from __future__ import annotations

import pytest

from minzheng.batch.errors import EngineError


class _DeadSession:
    """A SparkSession whose JVM has gone: every call fails as py4j fails then."""

    def __init__(self, error: Exception) -> None:
        self.error = error

    def sql(self, _query: str):
        raise self.error

    def table(self, _name: str):
        raise self.error


def _backend_on(session):
    from minzheng.batch.backends.spark_backend import SparkBackend

    backend = SparkBackend.__new__(SparkBackend)
    backend.session, backend._frames = session, []
    return backend


def test_a_dead_spark_jvm_fails_at_once_with_a_chinese_error(monkeypatch):
    pytest.importorskip("pyspark")
    from py4j.protocol import Py4JNetworkError

    from minzheng.batch.backends import spark_backend
    from minzheng.batch.verification.job_sql import verification_steps

    forgotten = []
    monkeypatch.setattr(spark_backend, "_forget_dead_context", lambda: forgotten.append(True))
    backend = _backend_on(_DeadSession(Py4JNetworkError("Answer from Java side is empty")))
    step = verification_steps({})[0]
    with pytest.raises(EngineError, match="Spark 计算引擎进程已退出"):
        backend.materialize(step)
    with pytest.raises(EngineError):
        backend.fetch("households")
    backend.close()
    assert forgotten  # the next run starts a new JVM instead of talking to the dead one


def test_spark_out_of_memory_is_named_in_the_error(monkeypatch):
    pytest.importorskip("pyspark")
    from minzheng.batch.verification.job_sql import verification_steps

    backend = _backend_on(_DeadSession(RuntimeError("java.lang.OutOfMemoryError: Java heap space")))
    with pytest.raises(EngineError, match="内存不足"):
        backend.materialize(verification_steps({})[0])


@pytest.mark.spark
def test_the_spark_jvm_exits_on_out_of_memory_instead_of_hanging(spark):
    from minzheng.batch.backends.spark_backend import spark_session

    options = spark_session().sparkContext.getConf().get("spark.driver.extraJavaOptions", "")
    assert "-XX:+ExitOnOutOfMemoryError" in options
