"""Job bodies for the crash tests: importable by a real worker process (``tests.background.crash_jobs``)."""

import time
from pathlib import Path

from django.conf import settings
from django.db import transaction

from minzheng.background.interface import JobResult, background_job
from minzheng.core.services.audit import record_event


@background_job
def slow_writing_job(job, *, rows: int, pause: float) -> JobResult:
    """Writes ``rows`` audit rows in one transaction, slowly; leaves a marker file (outside the transaction)
    when half are written, so a test knows when to kill the worker."""
    job.progress("写入", 1, 2)
    with transaction.atomic():
        for n in range(rows):
            record_event(job.actor, "test_crash", object_type="crash_row", object_id=n, summary=f"第{n}行")
            if n == rows // 2:
                Path(settings.VAR_DIR, f"crash-{job.job_id}-attempt-half").touch()
            time.sleep(pause)
    job.progress("完成", 2, 2)
    return JobResult(label=f"写入{rows}行")
