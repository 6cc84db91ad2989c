"""The batch jobs on a real Spark standalone cluster — a master and two workers started from the pyspark
distribution on 127.0.0.1 (nothing downloaded) — give DuckDB's answers: 核对 read through the exchange store,
and 动态监测; and a worker killed in the middle of a job does not change the answer (Spark runs the lost
tasks again on the other worker). What a bureau's cluster needs is in docs/operations.md."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_engine_equivalence import _edge_case_world, _through_store

from minzheng.batch.backends import DuckDBBackend
from minzheng.batch.verification import parameters_table, run_verification

pytestmark = [pytest.mark.spark, pytest.mark.spark_cluster]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise AssertionError(f"Spark did not open port {port}")


class Cluster:
    """A standalone master and two one-core workers, as ``spark-class`` processes of this pyspark."""

    def __init__(self, work: Path):
        import pyspark

        self.home = Path(pyspark.__file__).parent
        self.port = _free_port()
        self.url = f"spark://127.0.0.1:{self.port}"
        self.work = work
        self.env = {
            **os.environ,
            "SPARK_HOME": str(self.home),
            "PYSPARK_PYTHON": sys.executable,
            "SPARK_LOCAL_IP": "127.0.0.1",
            "SPARK_WORKER_DIR": str(work / "worker"),
        }
        self.master: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []

    def _start(self, *args: str, log: str) -> subprocess.Popen:
        out = (self.work / log).open("w")
        return subprocess.Popen(
            [str(self.home / "bin" / "spark-class"), *args], env=self.env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def start(self) -> None:
        self.master = self._start(
            "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(self.port),
            "--webui-port", str(_free_port()), log="master.log",
        )  # fmt: skip
        _wait_for_port(self.port)
        for n in range(2):
            worker = [
                "org.apache.spark.deploy.worker.Worker",
                self.url,
                "--host",
                "127.0.0.1",
                "--cores",
                "1",
            ]
            worker += ["--memory", "1g", "--webui-port", str(_free_port())]
            self.workers.append(self._start(*worker, log=f"worker{n}.log"))

    def kill_worker(self, n: int) -> None:
        """SIGKILL a worker and its executor (the whole process group, as a machine failure would)."""
        os.killpg(self.workers[n].pid, signal.SIGKILL)

    def stop(self) -> None:
        for process in [*self.workers, self.master]:
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(30)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    pytest.importorskip("pyspark")
    running = Cluster(tmp_path_factory.mktemp("spark-cluster"))
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def cluster_session(cluster):
    """The platform's own session settings (spark_backend.spark_session) against the cluster's master."""
    from minzheng.batch.backends.spark_backend import spark_session

    session = spark_session(
        cluster.url,
        app_name="minzheng-cluster-test",
        **{
            "spark.executor.memory": "512m",
            "spark.executor.cores": "1",
            "spark.cores.max": "2",
            "spark.sql.shuffle.partitions": "4",
            "spark.task.maxFailures": "4",
            "spark.ui.showConsoleProgress": "false",
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    deadline = time.monotonic() + 180  # both workers' executors registered before the tests measure anything
    while session.sparkContext._jsc.sc().getExecutorMemoryStatus().size() < 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    yield session
    session.stop()


def _verification(world, tmp_path):
    _edge_case_world(world)
    snapshot = _through_store(world, tmp_path)
    requests, parameters = world.requests_table(), parameters_table(world.parameters)
    return lambda backend: run_verification(
        requests, parameters, snapshot, backend=backend, with_records=True
    )


def _same(expected, found) -> None:
    assert found.households.to_pylist() == expected.households.to_pylist()
    assert found.member_income.to_pylist() == expected.member_income.to_pylist()
    assert found.member_records.to_pylist() == expected.member_records.to_pylist()


def test_verification_through_the_store_on_the_cluster_equals_duckdb(world, tmp_path, cluster_session):
    from minzheng.batch.backends import SparkBackend

    run = _verification(world, tmp_path)
    with DuckDBBackend() as duck:
        expected = run(duck)
    with SparkBackend(cluster_session) as backend:
        on_cluster = run(backend)
    assert expected.households.num_rows > 5
    _same(expected, on_cluster)


def test_monitoring_on_the_cluster_equals_duckdb(cluster_session):
    from tests.monitoring.test_engine_rules import DAY_BEFORE, _edge_world

    from minzheng.batch.backends.spark_backend import SparkBackend

    world = _edge_world()
    duck = world.run(since=DAY_BEFORE)
    with SparkBackend(cluster_session) as backend:
        sparked = world.run(since=DAY_BEFORE, backend=backend)
    assert duck.warnings.num_rows >= 1
    assert sparked.warnings.to_pylist() == duck.warnings.to_pylist()


def test_a_worker_killed_mid_job_leaves_the_answer_unchanged(world, tmp_path, cluster, cluster_session):
    """Runs last in this module: one worker is gone afterwards."""
    from minzheng.batch.backends import SparkBackend

    run = _verification(world, tmp_path)
    with DuckDBBackend() as duck:
        expected = run(duck)
    killed_at: list[float] = []
    started = time.monotonic()

    def kill_soon() -> None:
        time.sleep(1.0)
        cluster.kill_worker(0)
        killed_at.append(time.monotonic() - started)

    killer = threading.Thread(target=kill_soon)
    killer.start()
    with SparkBackend(cluster_session) as backend:
        on_cluster = run(backend)
    finished = time.monotonic() - started
    killer.join()
    _same(expected, on_cluster)
    assert killed_at and killed_at[0] < finished, "the worker was killed after the job had finished"
