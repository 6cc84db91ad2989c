"""后台任务 — what other apps use (never the models):

- ``background_job``: mark a function ``body(job, **params) -> JobResult`` as a job body; ``job.actor`` is the
  user who started it, ``job.progress(stage, done, total)`` reports a Chinese stage with steps;
- ``start_job(actor, runner=…, params=…, key=…, title=…, division_code=…, capability=…) -> (JobView, created)``:
  queue it (or get the job already queued/running for ``key``);
- ``latest_job(user, key) -> JobView | None``: the newest job for ``key`` the user may see;
- ``JobView``: what the page kit's progress partial (``web/kit/job_progress.html``) shows;
- ``this_worker()`` / ``worker_is_gone(worker)``: the lease identity (host:pid) of this process, and whether
  the process a job recorded has exited (for a domain's own task rows, e.g. 核对批次, ADR 0039).
"""

from dataclasses import dataclass

from django.urls import reverse

from . import leases, selectors, services
from .errors import BackgroundJobError
from .models import BackgroundJob
from .registry import background_job
from .services import JobContext, JobResult


@dataclass(frozen=True)
class JobView:
    """后台任务 as a page shows it."""

    id: int
    title: str
    status: str
    status_label: str
    stage: str
    steps_done: int
    steps_total: int
    percent: int
    is_active: bool
    error: str
    result_url: str
    result_label: str
    result_file_name: str
    progress_url: str
    detail_url: str
    download_url: str

    @classmethod
    def of(cls, job: BackgroundJob) -> "JobView":
        return cls(
            id=job.pk,
            title=job.title,
            status=job.status,
            status_label=job.get_status_display(),
            stage=job.stage,
            steps_done=job.steps_done,
            steps_total=job.steps_total,
            percent=job.percent,
            is_active=job.is_active,
            error=job.error,
            result_url=job.result_url,
            result_label=job.result_label,
            result_file_name=job.result_file_name,
            progress_url=reverse("background:job_progress", args=[job.pk]),
            detail_url=reverse("background:job_detail", args=[job.pk]),
            download_url=reverse("background:job_download", args=[job.pk]) if job.result_file else "",
        )


def start_job(actor, **kwargs) -> tuple[JobView, bool]:
    job, created = services.start_job(actor, **kwargs)
    return JobView.of(job), created


def latest_job(user, key: str) -> JobView | None:
    job = selectors.latest_job(user, key)
    return JobView.of(job) if job is not None else None


def this_worker() -> str:
    return leases.this_worker()


def worker_is_gone(worker: str) -> bool:
    """True when ``worker`` (host:pid) names a process of this host that has exited; False when it is alive
    or runs on another host (unknown)."""
    return bool(worker) and leases.process_gone(worker)


__all__ = [
    "BackgroundJobError",
    "JobContext",
    "JobResult",
    "JobView",
    "background_job",
    "latest_job",
    "start_job",
    "this_worker",
    "worker_is_gone",
]
