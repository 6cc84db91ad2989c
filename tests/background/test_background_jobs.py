"""后台任务: a job passes queued → running (with the stages its body reports) → done or failed; the same thing
started twice is one job; a failure shows a Chinese reason and keeps nothing; another region gets a 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from minzheng.background import leases, services
from minzheng.background.errors import BackgroundJobError
from minzheng.background.interface import JobResult, background_job, latest_job, start_job
from minzheng.background.models import BackgroundJob
from minzheng.core.errors import MinzhengError
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability
from tests.core.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

SEEN: list[tuple[str, str, int, int]] = []  # (status, stage, done, total) as the body saw its own row


@background_job
def counting_job(job, *, rows: int, fail: str = "") -> JobResult:
    for step, stage in enumerate(("读取数据", "计算", "生成文件"), start=1):
        job.progress(stage, step, 3)
        row = BackgroundJob.objects.get(pk=job.job_id)
        SEEN.append((row.status, row.stage, row.steps_done, row.steps_total))
    if fail == "business":
        raise MinzhengError("部门数据尚未交付，无法生成")
    if fail == "bug":
        raise KeyError("secret_internal_key")
    return JobResult(
        content=b"a,b\n" * rows, file_name="结果/../清单.csv", content_type="text/csv", label="清单"
    )


def not_a_job(job) -> JobResult:
    return JobResult()


@pytest.fixture(autouse=True)
def _files(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    SEEN.clear()


def _start(user, key="k1", capability=None, **params):
    return start_job(
        user,
        runner=counting_job,
        params={"rows": 2, **params},
        key=key,
        title="测试任务",
        division_code="210602002000",
        capability=capability,
    )


def test_a_job_reports_its_stages_from_inside_and_keeps_its_file(county_caseworker, tmp_path,
                                                               django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=False) as queued:
        view, created = _start(county_caseworker)
    job = BackgroundJob.objects.get(pk=view.id)
    assert created and job.status == "queued" and job.percent == 0
    for callback in queued:  # what the worker does: the task runs the body
        callback()
    assert SEEN == [("running", "读取数据", 1, 3), ("running", "计算", 2, 3), ("running", "生成文件", 3, 3)]
    job.refresh_from_db()
    assert (job.status, job.percent, job.stage, job.error) == ("done", 100, "已完成", "")
    stored = tmp_path / "background" / job.result_file
    assert stored.read_bytes() == b"a,b\n" * 2 and stored.parent == tmp_path / "background" / str(job.pk)
    assert job.result_file_name == "结果_.._清单.csv"  # a file name never becomes a path
    assert job.started_at and job.finished_at and job.finished_at >= job.started_at


def test_starting_the_same_thing_again_returns_the_job_under_way(county_caseworker,
                                                                 django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first, created = _start(county_caseworker)
        again, created_again = _start(county_caseworker)
    assert created and not created_again and first.id == again.id
    assert len(queued) == 1 and BackgroundJob.objects.count() == 1
    for callback in queued:
        callback()
    assert BackgroundJob.objects.get().status == "done"
    with django_capture_on_commit_callbacks(execute=True):
        later, created_later = _start(county_caseworker)  # finished: a new click is a new run
    assert created_later and later.id != first.id


def test_the_same_task_delivered_twice_runs_once(county_caseworker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        view, _ = _start(county_caseworker)
    services.execute_job(view.id)
    assert len(SEEN) == 3


def test_a_business_failure_shows_its_chinese_message(county_caseworker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        view, _ = _start(county_caseworker, fail="business")
    job = BackgroundJob.objects.get(pk=view.id)
    assert (job.status, job.error) == ("failed", "部门数据尚未交付，无法生成")
    assert not job.result_file and job.finished_at


def test_an_unexpected_failure_shows_no_internals(county_caseworker, django_capture_on_commit_callbacks,
                                                  client, tmp_path):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        view, _ = _start(county_caseworker, fail="bug")
    job = BackgroundJob.objects.get(pk=view.id)
    assert job.status == "failed" and job.error == services.SYSTEM_FAILURE
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    page = client.get(f"/background/{job.pk}/progress/").content.decode()
    assert "系统错误" in page and "secret_internal_key" not in page and "Traceback" not in page
    assert not (tmp_path / "background" / str(job.pk)).exists() or not any(
        (tmp_path / "background" / str(job.pk)).iterdir()
    )


def test_a_file_that_cannot_be_stored_leaves_no_part_and_fails_the_job(county_caseworker, tmp_path, monkeypatch,
                                                                       django_capture_on_commit_callbacks):  # fmt: skip
    def disk_full(*args):
        raise OSError("No space left on device")

    monkeypatch.setattr(services.os, "replace", disk_full)
    with django_capture_on_commit_callbacks(execute=True):
        view, _ = _start(county_caseworker)
    job = BackgroundJob.objects.get(pk=view.id)
    assert job.status == "failed" and "No space" not in job.error and not job.result_file
    assert list((tmp_path / "background" / str(job.pk)).iterdir()) == []


def test_a_body_not_marked_as_a_job_is_refused(county_caseworker):
    with pytest.raises(BackgroundJobError):
        start_job(
            county_caseworker, runner=not_a_job, params={}, key="x", title="x", division_code="210602000000"
        )
    assert not BackgroundJob.objects.exists()


def test_a_job_outside_the_starter_s_jurisdiction_is_refused(county_caseworker):
    with pytest.raises(BackgroundJobError):
        start_job(county_caseworker, runner=counting_job, params={"rows": 1}, key="x", title="x",
                  division_code="210603000000")  # fmt: skip


def test_a_job_whose_worker_died_is_requeued_when_the_same_thing_is_started_again(county_caseworker,
                                                                                  django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=False):
        first, _ = _start(county_caseworker)
    BackgroundJob.objects.filter(pk=first.id).update(
        status="running", worker="elsewhere:1", attempts=1,
        heartbeat_at=timezone.now() - leases.lease() - timedelta(seconds=1),
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        again, created = _start(county_caseworker)
    assert not created and again.id == first.id
    job = BackgroundJob.objects.get(pk=first.id)
    assert (job.status, job.attempts, job.worker) == ("done", 2, leases.this_worker())


def _login(client, user):
    client.logout()
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def test_the_starter_and_those_covering_the_job_see_it_others_get_404(
    client, county_caseworker, outsider, city_leader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        view, _ = _start(county_caseworker)
    urls = [f"/background/{view.id}/", f"/background/{view.id}/progress/", f"/background/{view.id}/download/"]
    colleague = make_user("caseworker", "210602000000", username="yb_jb2")
    township = make_user("caseworker", "210602003000", username="other_township")  # 元宝区 but not 七道街道
    for user, status in ((county_caseworker, 200), (colleague, 200), (city_leader, 200), (outsider, 404),
                         (township, 404)):  # fmt: skip
        _login(client, user)
        for url in urls:
            assert client.get(url).status_code == status, (user.username, url)
    _login(client, outsider)
    assert "测试任务" not in client.get("/background/").content.decode()
    assert latest_job(outsider, "k1") is None and latest_job(colleague, "k1").id == view.id


def test_a_job_needing_a_capability_is_404_to_a_user_without_it(
    client, county_caseworker, city_leader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        view, _ = _start(county_caseworker, key="k2", capability=Capability.HANDLE_CASES)
    _login(client, city_leader)  # covers 元宝区 but handles no cases
    assert client.get(f"/background/{view.id}/").status_code == 404


def test_the_list_shows_my_jobs_and_the_download_is_audited(client, county_caseworker,
                                                            django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        view, _ = _start(county_caseworker)
    _login(client, county_caseworker)
    listing = client.get("/background/").content.decode()
    assert "我的后台任务" in listing and "测试任务" in listing and "已完成" in listing and "100%" in listing
    before = AuditEvent.objects.filter(action=AuditEvent.EXPORT, object_type="background_job").count()
    response = client.get(f"/background/{view.id}/download/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"a,b\n" * 2
    assert (
        AuditEvent.objects.filter(action=AuditEvent.EXPORT, object_type="background_job").count()
        == before + 1
    )
    progress = client.get(f"/background/{view.id}/progress/").content.decode()
    assert "hx-trigger" not in progress and f"/background/{view.id}/download/" in progress


def test_a_running_job_s_block_polls_and_shows_its_stage(client, county_caseworker,
                                                         django_capture_on_commit_callbacks):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=False):
        view, _ = _start(county_caseworker)
    BackgroundJob.objects.filter(pk=view.id).update(
        status="running", stage="计算", steps_done=2, steps_total=3
    )
    _login(client, county_caseworker)
    block = client.get(f"/background/{view.id}/progress/").content.decode()
    assert (
        'hx-trigger="every 1s"' in block
        and "计算" in block
        and "第 2/3 步" in block
        and 'value="67"' in block
    )


def test_the_database_refuses_two_active_jobs_for_one_key(county_caseworker):
    """Two requests at the same instant both pass the check; the partial unique index lets one through."""
    from django.db import IntegrityError, transaction

    fields = dict(
        title="t", runner="r", job_key="same", division_code="210602000000", started_by=county_caseworker
    )
    BackgroundJob.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        BackgroundJob.objects.create(**fields)
    BackgroundJob.objects.create(**fields | {"status": "done"})  # finished jobs of the key are history


def test_files_past_their_retention_are_purged(
    county_caseworker, tmp_path, client, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    with django_capture_on_commit_callbacks(execute=True):
        old, _ = _start(county_caseworker, key="old")
        new, _ = _start(county_caseworker, key="new")
    BackgroundJob.objects.filter(pk=old.id).update(finished_at=timezone.now() - timedelta(days=8))
    call_command("purge_background_files", "--days", "7")
    assert not (tmp_path / "background" / str(old.id)).exists()
    assert any((tmp_path / "background" / str(new.id)).iterdir())
    _login(client, county_caseworker)
    assert client.get(f"/background/{old.id}/download/").status_code == 404
    assert client.get(f"/background/{new.id}/download/").status_code == 200


def test_the_registry_exports_run_as_jobs_with_the_list_s_filters(client, county_caseworker, outsider, household,
                                                                   django_capture_on_commit_callbacks):  # fmt: skip
    import io

    from python_calamine import CalamineWorkbook

    _login(client, county_caseworker)
    assert "/background/exports/persons/" in client.get("/registry/persons/").content.decode()
    stages = []
    real = services.JobContext.progress
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services.JobContext, "progress",
                      lambda self, stage, done=None, total=None: (stages.append((stage, done, total)),
                                                                  real(self, stage, done, total)))  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            block = client.post(
                f"/background/exports/persons/?q={household.head.name}", HTTP_HX_REQUEST="true"
            )
    assert block.status_code == 200 and "导出人员" in block.content.decode()
    job = BackgroundJob.objects.get(title="导出人员")
    assert job.status == "done" and stages[0][0] == "读取并写入人员" and stages[-1][0] == "生成Excel文件"
    content = b"".join(client.get(f"/background/{job.pk}/download/").streaming_content)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    assert household.head.name in [r[0] for r in rows[1:]] and household.head.id_number not in str(rows)
    _login(client, outsider)
    assert client.get(f"/background/{job.pk}/download/").status_code == 404
    assert client.post("/background/exports/elsewhere/").status_code == 404
