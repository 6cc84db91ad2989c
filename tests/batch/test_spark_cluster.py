"""The batch jobs on a real Spark standalone cluster — a master and two workers started from the pyspark
distribution on 127.0.0.1 (nothing downloaded) — give DuckDB's answers: 核对 read through the exchange store,
and 动态监测; and a worker killed in the middle of a job does not change the answer (Spark runs the lost
tasks again on the other worker). What a bureau's cluster needs is in docs/operations.md."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

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
def checks(cluster) -> dict[str, dict]:
    """cluster_checks.py run once against the cluster: {check name: its figures}."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("cluster_checks.py")), cluster.url, str(cluster.workers[0].pid)],
        capture_output=True, text=True, timeout=1500, env={**cluster.env, "PYTHONPATH": ""},
    )  # fmt: skip
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    found = {line.pop("check"): line for line in lines}
    assert "session" in found, done.stderr[-3000:]
    return found | {"_stderr": {"tail": done.stderr[-3000:]}}


def test_the_jobs_ran_on_the_cluster_with_both_workers(checks, cluster):
    assert checks["session"] == {"master": cluster.url, "executors": 2}


def test_verification_through_the_store_on_the_cluster_equals_duckdb(checks):
    result = checks.get("verification") or pytest.fail(checks["_stderr"]["tail"])
    assert result["households"] > 5 and result["equal"]


def test_monitoring_on_the_cluster_equals_duckdb(checks):
    result = checks.get("monitoring") or pytest.fail(checks["_stderr"]["tail"])
    assert result["warnings"] >= 1 and result["equal"]


def test_a_worker_killed_mid_job_leaves_the_answer_unchanged(checks):
    result = checks.get("worker_killed") or pytest.fail(checks["_stderr"]["tail"])
    assert result["equal"]
    assert result["killed_at"] < result["finished_at"], "the worker was killed after the job had finished"
