"""年度监测 / 中期评估 reports as 后台任务: the click answers with a progress block at once (htmx), the job
reports its real stages, the file is downloaded from the job (audited); every format; another region: 404."""

import io

import pytest
from docx import Document

from minzheng.background import services as background_services
from minzheng.background.models import BackgroundJob
from minzheng.core.models import AuditEvent
from tests.core.factories import make_user

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def leader_client(monitored_plans, login, city_leader, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return login(city_leader), monitored_plans["丹东市"]


def test_the_click_answers_with_a_polling_block_and_the_job_reports_its_stages(
    leader_client, monkeypatch, django_capture_on_commit_callbacks
):
    client, plan = leader_client
    with django_capture_on_commit_callbacks(execute=False) as queued:
        block = client.post(f"/planning/plans/{plan.pk}/report/", {"kind": "annual", "format": "pdf"}, **HTMX)
        again = client.post(f"/planning/plans/{plan.pk}/report/", {"kind": "annual", "format": "pdf"}, **HTMX)
    assert block.status_code == 200 and 'hx-trigger="every 1s"' in block.content.decode()
    assert "排队" in block.content.decode() and len(queued) == 1 and BackgroundJob.objects.count() == 1
    assert again.content == block.content  # a double-click shows the same job
    stages = []
    real = background_services.JobContext.progress
    monkeypatch.setattr(
        background_services.JobContext,
        "progress",
        lambda self, stage, done=None, total=None: (stages.append(stage), real(self, stage, done, total)),
    )
    for callback in queued:
        callback()
    assert stages == ["计算指标监测值", "绘制图表", "比较下级区划", "汇总重点任务与项目", "生成PDF文件"]
    job = BackgroundJob.objects.get()
    assert job.status == "done" and job.result_file_name.endswith(".pdf")
    done = client.get(f"/background/{job.pk}/progress/").content.decode()
    assert "hx-trigger" not in done and f"/background/{job.pk}/download/" in done
    before = AuditEvent.objects.filter(action=AuditEvent.EXPORT).count()
    pdf = client.get(f"/background/{job.pk}/download/")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditEvent.EXPORT).count() == before + 1


@pytest.mark.parametrize("kind", ["annual", "midterm"])
def test_every_format_of_both_reports_is_generated_in_the_background(
    leader_client, kind, django_capture_on_commit_callbacks
):
    client, plan = leader_client
    for fmt, magic in (("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF")):
        with django_capture_on_commit_callbacks(execute=True):
            started = client.post(f"/planning/plans/{plan.pk}/report/", {"kind": kind, "format": fmt})
        job = BackgroundJob.objects.latest("pk")
        assert started.url == f"/background/{job.pk}/" and job.status == "done", job.error
        content = b"".join(client.get(f"/background/{job.pk}/download/").streaming_content)
        assert content.startswith(magic), fmt
        if fmt == "docx":
            text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
            assert ("中期评估" if kind == "midterm" else "年度监测分析报告") in text


def test_a_report_that_fails_says_why_and_keeps_no_file(leader_client, monkeypatch, tmp_path,
                                                        django_capture_on_commit_callbacks):  # fmt: skip
    from minzheng.planning.exports import plan_reports

    def broken(report):
        raise ValueError("font not found: /usr/share/fonts/noto")

    monkeypatch.setattr(plan_reports, "to_docx", broken)
    client, plan = leader_client
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/planning/plans/{plan.pk}/report/", {"kind": "annual", "format": "docx"}, **HTMX)
    job = BackgroundJob.objects.get()
    assert job.status == "failed" and job.error == background_services.SYSTEM_FAILURE and not job.result_file
    block = client.get(f"/background/{job.pk}/progress/").content.decode()
    assert "系统错误" in block and "font" not in block
    assert not (tmp_path / "background" / str(job.pk)).exists()
    assert client.get(f"/background/{job.pk}/download/").status_code == 404


def test_another_region_neither_starts_nor_sees_a_report(
    leader_client, login, django_capture_on_commit_callbacks
):
    client, plan = leader_client
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/planning/plans/{plan.pk}/report/", {"kind": "annual", "format": "xlsx"})
    job = BackgroundJob.objects.get()
    fuxin_leader = make_user("leader", "210900000000", username="fx_ld")
    client.logout()
    other = login(fuxin_leader)
    assert (
        other.post(f"/planning/plans/{plan.pk}/report/", {"kind": "annual", "format": "xlsx"}).status_code
        == 404
    )
    for url in (
        f"/background/{job.pk}/",
        f"/background/{job.pk}/progress/",
        f"/background/{job.pk}/download/",
    ):
        assert other.get(url).status_code == 404, url
    assert other.get(f"/planning/plans/{plan.pk}/report/").status_code == 405  # only a form post starts one
