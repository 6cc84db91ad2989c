"""Fixtures for the batch engine tests: a fresh world per test, one SparkSession per test session."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from batch_world import World


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from minzheng.batch.backends.spark_backend import spark_session

    # one partition per shuffle: the fixture data is tiny and every extra task costs time on 2 cores
    session = spark_session(
        "local[2]", **{"spark.sql.shuffle.partitions": "1", "spark.ui.showConsoleProgress": "false"}
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
