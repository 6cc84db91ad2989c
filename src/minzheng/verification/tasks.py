"""Background work of 家庭经济状况核对 (django-tasks; the database queue is worked by `manage.py db_worker`)."""

from django_tasks import task

from .services.runs import execute_run


@task()
def execute_run_task(run_id: int) -> None:
    execute_run(run_id)
