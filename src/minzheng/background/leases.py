"""Who holds a running 后台任务, and what happens when that worker dies (ADR 0016, "Leases").

A worker claims a job by writing its identity (host:pid) and a heartbeat, and renews the heartbeat from a
thread while the body runs. A job is abandoned when its worker is a process of this host that no longer
exists (found at once, e.g. by the restarted worker's ``recover_background_jobs``), or when its heartbeat
is older than the lease (a worker on another host, or a frozen one). An abandoned job goes back to the
queue and runs again from the start — safe because a body writes everything in one transaction at its end
— and after ``MAX_ATTEMPTS`` runs it is failed with a Chinese reason instead. Finishing is conditional on
still holding the lease, so a job taken over is marked done by one worker only.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.core.services.audit import record_event

from .models import BackgroundJob

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
INTERRUPTED = "后台任务已中断（执行进程多次退出），请重新发起"


def lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "BACKGROUND_JOB_LEASE_SECONDS", 60))


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def process_gone(worker: str) -> bool:
    """True when ``worker`` names a process of this host that has exited (another host's: unknown)."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


class Heartbeat:
    """Renews the lease of one job while its body runs (a thread with its own database connection)."""

    def __init__(self, job_id: int, worker: str):
        self.job_id, self.worker = job_id, worker
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{job_id}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        every = lease().total_seconds() / 4
        try:
            while not self._stop.wait(every):
                try:
                    BackgroundJob.objects.filter(
                        pk=self.job_id, status=BackgroundJob.RUNNING, worker=self.worker
                    ).update(heartbeat_at=timezone.now())
                except DatabaseError:  # a busy SQLite file: the next beat tries again
                    logger.warning("heartbeat of background job %s not written", self.job_id)
        finally:
            connection.close()


def recover_abandoned(*, key: str | None = None) -> tuple[int, int]:
    """Requeue (or, past ``MAX_ATTEMPTS``, fail) every running job whose worker is gone; returns
    (requeued, failed). ``key`` limits it to one job key (``start_job`` checks the thing being started)."""
    running = BackgroundJob.objects.filter(status=BackgroundJob.RUNNING)
    if key is not None:
        running = running.filter(job_key=key)
    stale_before = timezone.now() - lease()
    requeued = failed = 0
    for job in running.only("pk", "worker", "heartbeat_at", "attempts", "division_code", "title"):
        if not (process_gone(job.worker) or job.heartbeat_at is None or job.heartbeat_at < stale_before):
            continue
        with transaction.atomic():
            taken = BackgroundJob.objects.filter(pk=job.pk, status=BackgroundJob.RUNNING, worker=job.worker)
            if job.attempts >= MAX_ATTEMPTS:
                if taken.update(status=BackgroundJob.FAILED, error=INTERRUPTED, finished_at=timezone.now()):
                    failed += 1
                    _audit(job, f"后台任务执行进程中断{job.attempts}次，已终止：{job.title}")
                continue
            if taken.update(status=BackgroundJob.QUEUED, worker="", stage="执行进程中断，重新排队"):
                requeued += 1
                _audit(job, f"后台任务执行进程中断，已重新排队：{job.title}")
                transaction.on_commit(lambda pk=job.pk: _enqueue(pk))
    return requeued, failed


def _audit(job: BackgroundJob, summary: str) -> None:
    record_event(
        None,
        AuditEvent.UPDATE,
        object_type="background_job",
        object_id=job.pk,
        division_code=job.division_code,
        summary=summary,
        username="后台任务调度",
    )


def _enqueue(job_id: int) -> None:
    from .tasks import run_background_job

    run_background_job.enqueue(job_id)
