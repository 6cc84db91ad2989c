"""The one django-tasks task of 后台任务: the database queue is worked by ``manage.py db_worker`` (started by
``make run``); tests run it inline or call the worker."""

from django_tasks import task

from .services import execute_job


@task()
def run_background_job(job_id: int) -> None:
    execute_job(job_id)
