"""后台任务 leases: a job whose worker died goes back to the queue and runs to completion once; a live
worker's job is left alone; after three interrupted runs the job fails with a Chinese reason. The crash
test kills a real ``db_worker`` process with SIGKILL in the middle of the job's transaction."""

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from minzheng.background import leases
from minzheng.background.interface import JobResult, background_job
from minzheng.background.models import BackgroundJob
from minzheng.background.services import execute_job
from minzheng.core.models import AuditEvent

ROOT = Path(__file__).resolve().parents[2]


@background_job
def quick_job(job) -> JobResult:
    return JobResult(label="好了")


def _queued(user, key="lease"):
    return BackgroundJob.objects.create(
        title="测试", runner="tests.background.test_job_leases.quick_job", job_key=key,
        division_code="210602000000", started_by=user,
    )  # fmt: skip


def _running(job, *, worker: str, beat_ago: timedelta, attempts: int = 1) -> None:
    BackgroundJob.objects.filter(pk=job.pk).update(
        status="running", worker=worker, attempts=attempts, heartbeat_at=timezone.now() - beat_ago
    )


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(done.stdout)


@pytest.mark.django_db
def test_a_job_of_a_dead_local_process_is_requeued_at_once_and_runs_once(county_caseworker,
                                                                        django_capture_on_commit_callbacks):  # fmt: skip
    job = _queued(county_caseworker)
    _running(job, worker=f"{socket.gethostname()}:{_dead_pid()}", beat_ago=timedelta(seconds=1))

    with django_capture_on_commit_callbacks(execute=True):
        assert leases.recover_abandoned() == (1, 0)

    job.refresh_from_db()
    assert (job.status, job.attempts, job.result_label) == ("done", 2, "好了")
    assert AuditEvent.objects.filter(object_type="background_job", summary__contains="重新排队").count() == 1


@pytest.mark.django_db
def test_a_live_worker_s_job_and_a_fresh_lease_elsewhere_are_left_alone(county_caseworker):
    mine, theirs = _queued(county_caseworker, "a"), _queued(county_caseworker, "b")
    _running(mine, worker=leases.this_worker(), beat_ago=timedelta(hours=0))
    _running(theirs, worker="other-host:42", beat_ago=leases.lease() - timedelta(seconds=5))

    assert leases.recover_abandoned() == (0, 0)
    assert set(BackgroundJob.objects.values_list("status", flat=True)) == {"running"}


@pytest.mark.django_db
def test_an_expired_lease_elsewhere_is_requeued_and_the_third_interruption_fails_the_job(county_caseworker,
                                                                                        django_capture_on_commit_callbacks):  # fmt: skip
    late, worn = _queued(county_caseworker, "a"), _queued(county_caseworker, "b")
    _running(late, worker="other-host:42", beat_ago=leases.lease() + timedelta(seconds=1))
    _running(worn, worker="other-host:43", beat_ago=leases.lease() * 2, attempts=leases.MAX_ATTEMPTS)

    with django_capture_on_commit_callbacks(execute=False) as enqueued:
        assert leases.recover_abandoned() == (1, 1)

    assert len(enqueued) == 1
    late.refresh_from_db(), worn.refresh_from_db()
    assert (late.status, late.worker, late.stage) == ("queued", "", "执行进程中断，重新排队")
    assert (worn.status, worn.error) == ("failed", leases.INTERRUPTED)


@background_job
def job_taken_over_meanwhile(job) -> JobResult:
    BackgroundJob.objects.filter(pk=job.job_id).update(
        worker="other-host:7"
    )  # requeued and claimed elsewhere
    return JobResult(content=b"x", file_name="x.txt")


@pytest.mark.django_db
def test_a_worker_that_lost_its_lease_does_not_mark_the_job_done(county_caseworker, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    job = BackgroundJob.objects.create(
        title="测试", runner="tests.background.test_job_leases.job_taken_over_meanwhile", job_key="k",
        division_code="210602000000", started_by=county_caseworker,
    )  # fmt: skip
    execute_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.worker, job.result_file) == ("running", "other-host:7", "")
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


@background_job
def sleepy_job(job) -> JobResult:
    time.sleep(0.6)
    return JobResult()


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_is_renewed_while_the_body_runs(county_caseworker, settings):
    settings.BACKGROUND_JOB_LEASE_SECONDS = 0.4  # a beat every 0.1 s
    seen = []
    original = leases.Heartbeat.__exit__

    def before_stop(self, *exc):
        seen.append(BackgroundJob.objects.get(pk=self.job_id).heartbeat_at)
        return original(self, *exc)

    leases.Heartbeat.__exit__ = before_stop
    try:
        job = BackgroundJob.objects.create(
            title="测试", runner="tests.background.test_job_leases.sleepy_job", job_key="k",
            division_code="210602000000", started_by=county_caseworker,
        )  # fmt: skip
        execute_job(job.pk)
    finally:
        leases.Heartbeat.__exit__ = original
    job.refresh_from_db()
    assert job.status == "done" and seen[0] > job.started_at


# --- kill -9 of a real worker ------------------------------------------------------------------------------


def _shared_database(tmp_path) -> tuple[str, object]:
    """A database URL other processes can open, holding what this test committed, and a reader for it."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()

        def read(sql):
            with sqlite3.connect(path) as conn:
                return conn.execute(sql).fetchall()

        return f"sqlite:///{path}", read
    user = settings_dict["USER"] or "postgres"
    url = f"postgres://{user}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"

    def read(sql):
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    return url, read


def _manage(env, *args, **popen):
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen,
    )  # fmt: skip


def _wait(predicate, what: str, seconds: float = 300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_transaction_leaves_nothing_and_the_job_completes_once_after_recovery(
    county_caseworker, tmp_path
):
    rows = 40
    job = BackgroundJob.objects.create(  # queued as start_job leaves it; the worker process gets the task
        title="崩溃测试", runner="tests.background.crash_jobs.slow_writing_job", params={"rows": rows, "pause": 0.05},
        job_key="crash", division_code="210602000000", started_by=county_caseworker,
    )  # fmt: skip
    url, read = _shared_database(tmp_path)
    var = tmp_path / "var"
    env = {**os.environ, "DATABASE_URL": url, "MINZHENG_VAR_DIR": str(var), "MINZHENG_TASKS": "database"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    enqueue = (
        f"from minzheng.background.tasks import run_background_job; run_background_job.enqueue({job.pk})"
    )
    assert _manage(env, "shell", "-c", enqueue).wait(300) == 0

    worker = _manage(env, "db_worker", "--no-reload", "--interval", "0.2", "--no-startup-delay")
    try:
        _wait(lambda: (var / f"crash-{job.pk}-attempt-half").exists(), "the job to be half-way")
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(30)
    finally:
        if worker.poll() is None:
            worker.kill()

    status = f"SELECT status, attempts FROM background_backgroundjob WHERE id = {job.pk}"
    written = "SELECT COUNT(*) FROM core_auditevent WHERE object_type = 'crash_row'"
    assert read(status) == [("running", 1)]
    assert read(written) == [(0,)]  # the killed transaction left nothing

    recovered = _manage(env, "recover_background_jobs")
    assert recovered.wait(300) == 0 and "重新排队 1 个" in recovered.stdout.read()
    rerun = _manage(env, "db_worker", "--no-reload", "--batch", "--no-startup-delay")
    assert rerun.wait(300) == 0, rerun.stdout.read()

    assert read(status) == [("done", 2)]
    assert read(written) == [(rows,)]
    chain = _manage(env, "verify_audit_chain")
    assert chain.wait(300) == 0, chain.stdout.read()
