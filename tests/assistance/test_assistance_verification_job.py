"""发起核对 from the case page runs as a 后台任务: the click answers at once, the page shows the stages the run
really passes, a double-click starts one run, and a run that fails leaves the case exactly as it was."""

from datetime import date

import pytest

from minzheng.assistance.models import CaseEvent
from minzheng.assistance.services import workflow
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.background import services as background_services
from minzheng.background.models import BackgroundJob
from tests.core.factories import PASSWORD, make_user
from tests.verification.world import REQUEST_DATE, deliver_world

from .casework import desks, dibao_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path, household):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path
    load_assistance_policy()
    admin = make_user("sysadmin", "210600000000", username="dd_admin")
    deliver_world(admin, [m.person.id_number for m in household.memberships.order_by("relation")])
    caseworker, _, _ = desks()
    return caseworker, dibao_case(caseworker, household, until="accepted")


def _login(client, user):
    assert client.post("/login/", {"username": user.username, "password": PASSWORD}).status_code == 302
    return client


def _start(client, case):
    return client.post(
        f"/assistance/cases/{case.pk}/act/", {"action": "start_verification", "on": REQUEST_DATE.isoformat()}
    )


def test_the_click_queues_a_job_and_the_page_shows_it_instead_of_the_button(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    caseworker, case = world
    _login(client, caseworker)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        assert _start(client, case).status_code == 302
        _start(client, case)  # a double-click
    assert len(queued) == 1 and BackgroundJob.objects.count() == 1
    case.refresh_from_db()
    assert case.status == "accepted"  # nothing happened to the case yet: the worker has not run
    page = client.get(f"/assistance/cases/{case.pk}/").content.decode()
    assert 'data-testid="job-progress"' in page and "排队" in page and "hx-trigger" in page
    assert "发起家庭经济状况核对" not in page

    stages = []
    real = background_services.JobContext.progress
    monkeypatch.setattr(
        background_services.JobContext,
        "progress",
        lambda self, stage, done=None, total=None: (
            stages.append((stage, done, total)),
            real(self, stage, done, total),
        ),
    )
    for callback in queued:  # the worker
        callback()
    assert stages == [("读取户籍数据", 1, 5), ("读取部门共享数据", 2, 5), ("核对计算", 3, 5), ("保存核对结果", 4, 5),
                      ("更新案件", 5, 5)]  # fmt: skip
    job = BackgroundJob.objects.get()
    case.refresh_from_db()
    assert job.status == "done" and job.result_url == f"/assistance/cases/{case.pk}/"
    assert case.status in {"investigating", "verifying"} and case.verification_result_id
    assert CaseEvent.objects.filter(case=case, action="start_verification").count() == 1
    page = client.get(f"/assistance/cases/{case.pk}/").content.decode()
    assert 'data-testid="job-progress"' not in page  # finished: the history tells the outcome


def test_a_failed_run_leaves_the_case_as_it_was_and_says_why_in_chinese(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    caseworker, case = world

    def engine_crash(*args, **kwargs):
        raise RuntimeError("duckdb: IO Error: could not open /var/exchange")

    monkeypatch.setattr(workflow, "request_report", engine_crash)
    _login(client, caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        _start(client, case)
    job = BackgroundJob.objects.get()
    case.refresh_from_db()
    assert job.status == "failed" and job.error == background_services.SYSTEM_FAILURE
    assert case.status == "accepted" and not CaseEvent.objects.filter(case=case, action="start_verification")
    page = client.get(f"/assistance/cases/{case.pk}/").content.decode()
    assert "系统错误" in page and "duckdb" not in page and "发起家庭经济状况核对" in page  # may try again


def test_a_case_withdrawn_while_the_job_waited_is_not_moved(
    client, world, django_capture_on_commit_callbacks
):
    caseworker, case = world
    _login(client, caseworker)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        _start(client, case)
    workflow.withdraw(caseworker, case.pk, reason="申请人书面撤回")
    for callback in queued:
        callback()
    job = BackgroundJob.objects.get()
    case.refresh_from_db()
    assert case.status == "withdrawn" and job.status == "failed" and "不能执行该操作" in job.error


def test_another_county_cannot_see_or_start_the_case_s_job(client, world, outsider,
                                                           django_capture_on_commit_callbacks):  # fmt: skip
    caseworker, case = world
    _login(client, caseworker)
    with django_capture_on_commit_callbacks(execute=False):
        _start(client, case)
    job = BackgroundJob.objects.get()
    client.logout()
    _login(client, outsider)
    assert client.get(f"/background/{job.pk}/progress/").status_code == 404
    assert _start(client, case).status_code == 404
    assert BackgroundJob.objects.count() == 1


def test_the_service_still_verifies_synchronously_for_other_callers(world):
    caseworker, case = world
    workflow.start_verification(caseworker, case.pk, on=date(2026, 7, 15))
    case.refresh_from_db()
    assert case.status in {"investigating", "verifying"} and case.verification_result_id
