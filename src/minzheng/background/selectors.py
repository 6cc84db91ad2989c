"""Reading 后台任务: the user who started a job sees it, and so does anyone whose jurisdiction covers the
job's division and who holds the capability it needs; anyone else gets a 404 like a missing job."""

from django.db.models import Q, QuerySet
from django.http import Http404

from minzheng.core.jurisdiction import division_prefix
from minzheng.core.permissions import Capability, has_capability

from .models import BackgroundJob


def _visible(user) -> Q:
    mine = Q(started_by=user)
    if not user.division_code:
        return mine
    prefix = division_prefix(user.division_code)
    return mine | Q(division_code__startswith=prefix)


def _allowed(user, job: BackgroundJob) -> bool:
    return not job.capability or has_capability(user, Capability(job.capability))


def read_job(user, pk: int) -> BackgroundJob:
    job = BackgroundJob.objects.filter(_visible(user), pk=pk).select_related("started_by").first()
    if job is None or not _allowed(user, job):
        raise Http404("后台任务不存在或不在您的管辖范围内")
    return job


def my_jobs(user) -> QuerySet[BackgroundJob]:
    """我的后台任务, newest first."""
    return BackgroundJob.objects.filter(started_by=user).order_by("-created_at", "-pk")


def latest_job(user, key: str) -> BackgroundJob | None:
    """The newest job for ``key`` the user may see (e.g. the 核对 under way for the case on screen)."""
    job = BackgroundJob.objects.filter(_visible(user), job_key=key).order_by("-created_at", "-pk").first()
    return job if job is not None and _allowed(user, job) else None
