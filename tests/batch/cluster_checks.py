"""The checks of test_spark_cluster.py, run in a process of their own: a fresh JVM whose driver is sized for
the job and whose session really is the cluster's (in the test process a local session may already exist, and
``getOrCreate`` would hand that one back). Prints one JSON line per check.

    python tests/batch/cluster_checks.py spark://127.0.0.1:7077 WORKER_PGID
"""

from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1]), str(HERE.parents[1] / "src")]

from batch_world import World  # noqa: E402
from test_engine_equivalence import _edge_case_world, _through_store  # noqa: E402

from minzheng.batch.backends import DuckDBBackend, SparkBackend  # noqa: E402
from minzheng.batch.backends.spark_backend import spark_session  # noqa: E402
from minzheng.batch.verification import parameters_table, run_verification  # noqa: E402


def verification_run(work: Path):
    world = World()
    _edge_case_world(world)
    snapshot = _through_store(world, work)
    requests, parameters = world.requests_table(), parameters_table(world.parameters)
    return lambda backend: run_verification(
        requests, parameters, snapshot, backend=backend, with_records=True
    )


def tables(result) -> list:
    return [
        result.households.to_pylist(),
        result.member_income.to_pylist(),
        result.member_records.to_pylist(),
    ]


def main(master: str, worker_pgid: int) -> None:
    session = spark_session(
        master,
        app_name="minzheng-cluster-check",
        **{
            "spark.driver.memory": "2g",
            "spark.executor.memory": "512m",
            "spark.executor.cores": "1",
            "spark.cores.max": "2",
            "spark.sql.shuffle.partitions": "4",
            "spark.task.maxFailures": "4",
            "spark.ui.showConsoleProgress": "false",
        },
    )
    session.sparkContext.setLogLevel("ERROR")
    deadline = time.monotonic() + 300  # both workers' executors registered (driver + 2)
    while session.sparkContext._jsc.sc().getExecutorMemoryStatus().size() < 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    report = {
        "master": session.sparkContext.master,
        "executors": session.sparkContext._jsc.sc().getExecutorMemoryStatus().size() - 1,
    }
    print(json.dumps({"check": "session", **report}), flush=True)

    with tempfile.TemporaryDirectory() as work:
        run = verification_run(Path(work))
        with DuckDBBackend() as duck:
            expected = tables(run(duck))
        started = time.monotonic()
        with SparkBackend(session) as backend:
            found = tables(run(backend))
        print(json.dumps({"check": "verification", "households": len(expected[0]), "equal": found == expected,
                          "seconds": round(time.monotonic() - started, 1)}), flush=True)  # fmt: skip

    from tests.monitoring.test_engine_rules import DAY_BEFORE, _edge_world

    world = _edge_world()
    duck_warnings = world.run(since=DAY_BEFORE).warnings.to_pylist()
    with SparkBackend(session) as backend:
        spark_warnings = world.run(since=DAY_BEFORE, backend=backend).warnings.to_pylist()
    print(
        json.dumps(
            {"check": "monitoring", "warnings": len(duck_warnings), "equal": spark_warnings == duck_warnings}
        ),
        flush=True,
    )

    with tempfile.TemporaryDirectory() as work:
        run = verification_run(Path(work))
        with DuckDBBackend() as duck:
            expected = tables(run(duck))
        killed_at: list[float] = []
        started = time.monotonic()

        def kill_soon() -> None:
            time.sleep(1.0)
            os.killpg(worker_pgid, signal.SIGKILL)  # the worker and its executor, as a machine failure would
            killed_at.append(time.monotonic() - started)

        killer = threading.Thread(target=kill_soon)
        killer.start()
        with SparkBackend(session) as backend:
            found = tables(run(backend))
        finished = time.monotonic() - started
        killer.join()
        print(json.dumps({"check": "worker_killed", "equal": found == expected, "killed_at": killed_at[0],
                          "finished_at": round(finished, 1)}), flush=True)  # fmt: skip
    session.stop()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
