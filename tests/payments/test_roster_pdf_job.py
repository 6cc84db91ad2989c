"""花名册 PDF as a 后台任务: the click answers with a polling block, the job follows the township groups as it lays
them out, the PDF is downloaded from the job (audited); the same print twice while it runs is one job."""

import pytest

from minzheng.background import services as background_services
from minzheng.background.models import BackgroundJob
from minzheng.core.models import AuditEvent
from tests.core.factories import PASSWORD

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_roster_pdf_is_generated_in_the_background_and_downloaded_from_the_job(
    client,
    approved_roster,
    county_caseworker,
    settings,
    tmp_path,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    settings.VAR_DIR = tmp_path
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    page = client.get(f"/payments/rosters/{approved_roster.pk}/").content.decode()
    assert f"/payments/rosters/{approved_roster.pk}/roster-pdf-job/" in page
    url = f"/payments/rosters/{approved_roster.pk}/roster-pdf-job/"
    with django_capture_on_commit_callbacks(execute=False) as queued:
        block = client.post(url, **HTMX).content.decode()
        client.post(url, **HTMX)
    assert 'hx-trigger="every 1s"' in block and len(queued) == 1
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
    for callback in queued:
        callback()
    lines = approved_roster.lines.count()
    assert stages[0] == ("读取花名册明细", 0, lines) and stages[-1] == ("生成PDF文件", lines, lines)
    assert any(stage.startswith("排版") for stage, _, _ in stages)
    job = BackgroundJob.objects.get()
    assert job.status == "done" and job.result_file_name.endswith(".pdf")
    before = AuditEvent.objects.filter(action=AuditEvent.EXPORT, object_type="background_job").count()
    pdf = b"".join(client.get(f"/background/{job.pk}/download/").streaming_content)
    assert pdf.startswith(b"%PDF")
    assert (
        AuditEvent.objects.filter(action=AuditEvent.EXPORT, object_type="background_job").count()
        == before + 1
    )
