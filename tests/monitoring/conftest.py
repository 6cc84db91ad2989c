"""A SparkSession for the monitoring engine's equivalence test (session-scoped: the JVM starts once)."""

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from minzheng.batch.backends.spark_backend import spark_session

    # tiny fixture data: one shuffle partition, no adaptive planning or code generation (faster, same results)
    session = spark_session(
        "local[2]",
        **{
            "spark.sql.shuffle.partitions": "1",
            "spark.sql.adaptive.enabled": "false",
            "spark.sql.codegen.wholeStage": "false",
            "spark.ui.showConsoleProgress": "false",
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
