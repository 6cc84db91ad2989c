"""Benchmark: long user actions (issue 16 item 4: the click never blocks; the work runs as a 后台任务).

Run on a demo database (``make db demo`` in a throwaway ``MINZHENG_VAR_DIR``; it writes a case and jobs):

    MINZHENG_VAR_DIR=/tmp/demo .venv/bin/python benchmarks/long_actions.py

For 发起核对 and each 年度监测/中期评估 report format it prints the time of the click (the request that starts
the job: what the browser waits for now) and the time of the job (what the browser waited for before, the
baseline). It then times other user actions that are still synchronous (payroll generation, bank file, 花名册
PDF, big exports), so the ones over ~2 s can be named.
"""

import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minzheng.settings")
os.environ.setdefault("MINZHENG_TASKS", "database")  # enqueue only: the job is timed on its own below

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from minzheng.assistance.models import AssistanceCase  # noqa: E402
from minzheng.assistance.services import workflow  # noqa: E402
from minzheng.assistance.services.cases import open_case  # noqa: E402
from minzheng.background.models import BackgroundJob  # noqa: E402
from minzheng.background.services import execute_job  # noqa: E402
from minzheng.core.models import Household, User  # noqa: E402
from minzheng.planning.models import Plan  # noqa: E402

PASSWORD = os.environ.get("MINZHENG_DEMO_PASSWORD", "Yalu#River26")


def client_for(username: str) -> tuple[Client, User]:
    client = Client(HTTP_HOST="127.0.0.1")
    response = client.post("/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, f"login {username} failed"
    return client, User.objects.get(username=username)


def timed(label: str, call):
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds * 1000:9.0f} ms")
    return result, seconds


def job_after(before: int) -> BackgroundJob:
    return BackgroundJob.objects.filter(pk__gt=before).order_by("-pk").first()


def accepted_case(user: User) -> AssistanceCase:
    """A fresh 城市低保 application of the caseworker's county, accepted: ready for 发起核对."""
    households = Household.objects.filter(
        residence_division_code__startswith=user.division_code[:6], dissolved_on__isnull=True
    ).order_by("?")
    for household in households[:50]:
        try:
            case = open_case(user, household_id=household.pk, program_code="dibao_urban", applied_on=date.today(),
                             reason="基准测试")  # fmt: skip
        except Exception:  # e.g. an application already open for this household: take another
            continue
        workflow.accept(user, case.pk, on=date.today())
        return case
    raise SystemExit("no household could apply")


def main() -> None:
    setup_test_environment()
    last = BackgroundJob.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    caseworker_client, caseworker = client_for("county_caseworker")
    case = accepted_case(caseworker)
    print(f"{'action':<44} {'time':>12}")
    timed(
        "发起核对: the click (request)",
        lambda: caseworker_client.post(
            f"/assistance/cases/{case.pk}/act/",
            {"action": "start_verification", "on": date.today().isoformat()},
        ),
    )
    job = job_after(last)
    timed("发起核对: the job (the old wait)", lambda: execute_job(job.pk))
    job.refresh_from_db()
    print(f"{'':<44} → {job.get_status_display()} {job.result_label or job.error}")

    leader_client, _ = client_for("city_leader")
    plan = Plan.objects.filter(division_code="210600000000").first() or Plan.objects.first()
    for kind in ("annual", "midterm"):
        for fmt in ("docx", "pdf", "xlsx"):
            last = BackgroundJob.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            timed(f"{kind} report .{fmt}: the click (request)",
                  lambda k=kind, f=fmt: leader_client.post(f"/planning/plans/{plan.pk}/report/",
                                                           {"kind": k, "format": f}, HTTP_HX_REQUEST="true"))  # fmt: skip
            job = job_after(last)
            timed(f"{kind} report .{fmt}: the job (the old wait)", lambda j=job: execute_job(j.pk))

    city_client, _ = client_for("city_caseworker")
    for what in ("persons", "households"):
        last = BackgroundJob.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        timed(f"{what} export (city): the click (request)",
              lambda w=what: city_client.post(f"/background/exports/{w}/", HTTP_HX_REQUEST="true"))  # fmt: skip
        job = job_after(last)
        timed(f"{what} export (city): the job (the old wait)", lambda j=job: execute_job(j.pk))

    print("\nstill synchronous:")
    for username, url in (
        ("county_caseworker", "/assistance/enrolments/?export=xlsx"),
        ("city_caseworker", "/assistance/enrolments/?export=xlsx"),
        ("city_caseworker", "/assistance/cases/?export=xlsx"),
        ("city_caseworker", "/eldercare/elders/?export=xlsx"),
    ):
        client, _ = client_for(username)
        response, _ = timed(f"{username} GET {url}", lambda c=client, u=url: c.get(u))
        assert response.status_code == 200, (url, response.status_code)
    from minzheng.payments.models import BankFormat, PayrollRoster

    client, user = client_for("county_caseworker")
    roster = (
        PayrollRoster.objects.filter(division_code__startswith=user.division_code[:6]).order_by("-pk").first()
    )
    if roster is not None:
        code = BankFormat.objects.filter(enabled=True).values_list("code", flat=True).first()
        timed(
            "payroll: bank file",
            lambda: client.get(f"/payments/rosters/{roster.pk}/bank-file/?format={code}"),
        )
        timed(
            "payroll: 花名册 PDF with full IDs (direct)",
            lambda: client.get(f"/payments/rosters/{roster.pk}/roster.pdf"),
        )
        last = BackgroundJob.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        timed("payroll: 花名册 PDF: the click (request)",
              lambda: client.post(f"/payments/rosters/{roster.pk}/roster-pdf-job/", HTTP_HX_REQUEST="true"))  # fmt: skip
        job = job_after(last)
        timed("payroll: 花名册 PDF: the job (the old wait)", lambda: execute_job(job.pk))
        timed("payroll: regenerate roster", lambda: client.post(f"/payments/rosters/{roster.pk}/regenerate/"))


if __name__ == "__main__":
    main()
