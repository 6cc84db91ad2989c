"""Starting, running and finishing 后台任务, and handing over their files (audited).

The rules every job keeps (ADR 0016):
- one queued/running job per ``job_key``: starting the same thing again returns that job;
- progress is written by the job itself as it passes its stages (``JobContext.progress``), committed at once
  so the polling page sees it;
- a job's own writes happen in one transaction at its end, and its file is stored only after its body
  returned: a failed job leaves nothing half-written, only its Chinese reason (the traceback goes to the log).
"""

import contextlib
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone

from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

from .errors import BackgroundJobError
from .leases import Heartbeat, recover_abandoned, this_worker
from .models import BackgroundJob
from .registry import runner_for, runner_path

logger = logging.getLogger(__name__)

NOT_VISIBLE = "任务对象不存在或已不在您的管辖范围内"
SYSTEM_FAILURE = "后台任务运行失败（系统错误），请联系系统管理员查看日志"


@dataclass(frozen=True)
class JobResult:
    """What a finished job gives: a page to open and/or a generated file (kept under the var dir)."""

    url: str = ""
    label: str = ""
    content: bytes | None = None
    file_name: str = ""
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class JobContext:
    """Handed to a job body: who started it (the body acts as that user) and where to report progress."""

    job_id: int
    actor: object

    def progress(self, stage: str, done: int | None = None, total: int | None = None) -> None:
        """Report the stage the job has reached (Chinese, e.g. 读取数据), with steps done of a total."""
        fields: dict = {"stage": stage[:100], "heartbeat_at": timezone.now()}
        if done is not None:
            fields["steps_done"] = max(0, done)
        if total is not None:
            fields["steps_total"] = max(0, total)
        BackgroundJob.objects.filter(pk=self.job_id, status=BackgroundJob.RUNNING).update(**fields)


def start_job(
    actor,
    *,
    runner,
    params: dict,
    key: str,
    title: str,
    division_code: str,
    capability: Capability | None = None,
) -> tuple[BackgroundJob, bool]:
    """Queue ``runner(job, **params)`` for the worker, or return the job already queued/running for ``key``.
    ``division_code`` is where the job's data lies: users whose jurisdiction covers it may follow the job."""
    if capability is not None:
        require(actor, capability)
    if not covers(actor.division_code, division_code):
        raise BackgroundJobError("该任务的对象不在您的管辖范围内")
    path = runner_path(runner)
    runner_for(path)  # refuses a function not marked as a job body
    recover_abandoned(key=key)  # a job of this key whose worker died is requeued, not waited for forever
    try:
        with transaction.atomic():
            existing = BackgroundJob.objects.filter(job_key=key, status__in=BackgroundJob.ACTIVE).first()
            if existing is not None:
                return existing, False
            job = BackgroundJob.objects.create(
                title=title[:200],
                runner=path,
                params=params,
                job_key=key[:200],
                division_code=division_code,
                capability=capability.value if capability else "",
                started_by=actor,
                stage="排队等待执行",
            )
            record_event(
                actor,
                AuditEvent.CREATE,
                object_type="background_job",
                object_id=job.pk,
                division_code=division_code,
                summary=f"发起后台任务：{job.title}",
            )
            transaction.on_commit(lambda: _enqueue(job.pk))
    except IntegrityError:
        # the same thing started at the same instant by a second request: that one's job is the answer
        existing = BackgroundJob.objects.filter(job_key=key, status__in=BackgroundJob.ACTIVE).first()
        if existing is None:
            raise
        return existing, False
    return job, True


def _enqueue(job_id: int) -> None:
    from .tasks import run_background_job

    run_background_job.enqueue(job_id)


def execute_job(job_id: int) -> None:
    """Run one queued job (the worker calls this). A job delivered twice runs once; a job whose worker died
    is requeued by ``leases.recover_abandoned`` and marked done only by the worker holding it."""
    worker, now = this_worker(), timezone.now()
    claimed = BackgroundJob.objects.filter(pk=job_id, status=BackgroundJob.QUEUED).update(
        status=BackgroundJob.RUNNING,
        started_at=now,
        heartbeat_at=now,
        worker=worker,
        attempts=F("attempts") + 1,
        stage="开始执行",
    )
    if not claimed:
        return
    job = BackgroundJob.objects.select_related("started_by").get(pk=job_id)
    mine = BackgroundJob.objects.filter(pk=job.pk, status=BackgroundJob.RUNNING, worker=worker)
    stored: Path | None = None
    try:
        body = runner_for(job.runner)
        with Heartbeat(job.pk, worker):
            result = body(JobContext(job_id=job.pk, actor=job.started_by), **job.params)
        if not isinstance(result, JobResult):
            raise TypeError(f"job body {job.runner} returned {type(result).__name__}, not JobResult")
        if result.content is not None:
            stored = _store_file(job, result)
        with transaction.atomic():
            finished = mine.update(
                status=BackgroundJob.DONE,
                stage="已完成",
                steps_done=job_steps_total(job.pk),
                result_url=result.url[:500],
                result_label=result.label[:200],
                result_file=str(stored.relative_to(files_root())) if stored else "",
                result_file_name=stored.name[:200] if stored else "",
                result_content_type=result.content_type[:100] if stored else "",
                finished_at=timezone.now(),
            )
        if not finished:  # the lease was lost (a frozen worker, requeued meanwhile): the holder finishes it
            logger.warning("background job %s finished by %s after losing its lease", job.pk, worker)
            if stored is not None:
                stored.unlink(missing_ok=True)
    except Exception as exc:  # the user reads why in Chinese; the traceback goes to the worker's log
        if stored is not None:
            stored.unlink(missing_ok=True)
        if isinstance(exc, MinzhengError):
            message = exc.message
        elif isinstance(exc, Http404):  # the object left the user's jurisdiction (or was removed) meanwhile
            message = NOT_VISIBLE
        else:
            logger.exception("background job %s (%s) failed", job.pk, job.runner)
            message = SYSTEM_FAILURE
        mine.update(status=BackgroundJob.FAILED, error=message[:2000], finished_at=timezone.now())


def job_steps_total(job_id: int) -> int:
    return BackgroundJob.objects.filter(pk=job_id).values_list("steps_total", flat=True).first() or 0


def files_root() -> Path:
    return Path(settings.VAR_DIR) / "background"


_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")


def _store_file(job: BackgroundJob, result: JobResult) -> Path:
    """Write the file whole or not at all: a temporary file in the same folder, renamed into place."""
    folder = files_root() / str(job.pk)
    folder.mkdir(parents=True, exist_ok=True)
    name = _UNSAFE.sub("_", result.file_name).strip(". ") or "result"
    target = folder / name
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(result.content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def result_file(actor, job: BackgroundJob) -> Path:
    """The generated file of a finished job the actor may see (selectors.read_job), its download audited."""
    path = files_root() / job.result_file if job.result_file else None
    if job.status != BackgroundJob.DONE or path is None or not path.is_file():
        raise BackgroundJobError("该任务没有可下载的文件")
    record_event(
        actor,
        AuditEvent.EXPORT,
        object_type="background_job",
        object_id=job.pk,
        division_code=job.division_code,
        summary=f"下载后台任务结果：{job.result_file_name}",
    )
    return path


def purge_files(*, older_than_days: int) -> int:
    """Remove the files of jobs finished before the cut-off; the job then says it has no file (404)."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    jobs = BackgroundJob.objects.filter(finished_at__lt=cutoff).exclude(result_file="")
    removed = 0
    for job in jobs.iterator():
        path = files_root() / job.result_file
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()
        BackgroundJob.objects.filter(pk=job.pk).update(result_file="")
        removed += 1
    return removed
