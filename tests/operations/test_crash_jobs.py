"""Crash safety of the background and nightly jobs (issue 27): the task worker (``db_worker``) killed with
SIGKILL in the middle of a verification run over a county, and ``manage.py`` killed in the middle of the
monitoring daily run and of a plan import — each once it has written into its result table. After the
restart nothing is half-written, the interrupted job is resumed (``recover_background_jobs``) or simply run
again, the complete result exists exactly once, and the audit chain verifies."""

import pytest
import requests

from tests.core.factories import PASSWORD, HouseholdFactory, make_user
from tests.verification.world import REQUEST_DATE, deliver_world

from .crash_harness import Process, WebServer, csrf_token, manage, shared_world

pytestmark = pytest.mark.django_db(transaction=True)

RESULTS = (
    "SELECT COUNT(*), COUNT(DISTINCT household_id) FROM verification_householdverification WHERE run_id = ?"
)
RUN = "SELECT status, total, done, eligible + ineligible + manual_review FROM verification_verificationrun"


def _start_county_run(server, session) -> requests.Response:
    page = session.get(f"{server.base}/verification/", timeout=60)
    return session.post(
        f"{server.base}/verification/start/",
        data={
            "csrfmiddlewaretoken": csrf_token(page.text), "division_code": "210602000000",
            "program": "dibao", "request_date": REQUEST_DATE.isoformat(), "engine": "duckdb",
        },
        headers={"Referer": f"{server.base}/verification/"},
        timeout=120,
    )  # fmt: skip


def test_task_worker_killed_mid_county_verification_is_resumed_and_stores_each_household_once(
    county_caseworker, settings, tmp_path
):
    """核对批次 over 元宝区 (verification/services/runs.py): chunks commit with their counters; a run whose
    worker died goes back to the queue and finishes once."""
    homes = [HouseholdFactory(village=("210602002001", "210602003001")[n % 2], size=2) for n in range(12)]
    settings.VAR_DIR = tmp_path / "var"
    settings.VAR_DIR.mkdir()
    deliver_world(make_user("sysadmin", "210600000000", username="dd_admin"),
                  [m.person.id_number for m in homes[0].memberships.order_by("relation")])  # fmt: skip
    world = shared_world(tmp_path)

    server = WebServer(world)  # the web server stays up while the task worker dies
    try:
        session = server.login(county_caseworker.username, PASSWORD)
        started = _start_county_run(server, session)
        assert "已提交核对批次" in started.text, started.text[:1000]
        run_id = world.one("SELECT id FROM verification_verificationrun")

        worker = Process(world, "manage.py", "db_worker", "--no-reload", "--interval", "0.1", "--no-startup-delay",
                         crash_table="verification_householdverification")  # fmt: skip
        worker.kill_when_writing()
        assert world.read(RESULTS, (run_id,)) == [(0, 0)]
        assert world.read(RUN) == [("running", 12, 0, 0)]

        assert "核对批次：继续执行 1 个" in manage(world, "recover_background_jobs")
        manage(world, "db_worker", "--no-reload", "--batch", "--no-startup-delay")
        assert world.read(RUN) == [("done", 12, 12, 12)]
        assert world.read(RESULTS, (run_id,)) == [(12, 12)]

        again = _start_county_run(server, session)  # the same request: the run already made, nothing queued
        assert f"已提交核对批次 {run_id}" in again.text
        assert (
            world.one("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'") == 0
        )
    finally:
        server.stop()
    assert world.read(RESULTS, (run_id,)) == [(12, 12)]
    assert world.one("SELECT COUNT(*) FROM verification_verificationrun") == 1
    manage(world, "verify_audit_chain")


WARNINGS = "SELECT COUNT(*), COUNT(DISTINCT id_number) FROM monitoring_riskwarning"
RUNS = "SELECT status, created FROM monitoring_monitoringrun ORDER BY id"


def test_monitoring_daily_killed_mid_run_stores_no_warning_and_the_next_run_raises_each_once(
    county_caseworker, settings, tmp_path
):
    """每日监测 (``manage.py monitoring_daily``): warnings are stored in one transaction with the run's
    success; the run a dead process left 运行中 is marked failed; the next run raises every warning once."""
    import datetime as dt

    from minzheng.assistance.services.seed import load_assistance_policy
    from minzheng.monitoring.services import risk_rules
    from tests.monitoring.helpers import deliver, enrol, members_of

    settings.VAR_DIR = tmp_path / "var"
    settings.VAR_DIR.mkdir()
    load_assistance_policy()
    risk_rules.seed_default_rules()
    yesterday = dt.date.today() - dt.timedelta(days=1)
    certificates = []
    for n in range(8):
        home = HouseholdFactory(village=("210602002001", "210602003001")[n % 2], size=2)
        enrol(county_caseworker, home)
        member = members_of(home)[1]
        certificates.append(
            {"id_number": member.id_number, "category": "肢体", "grade": 1, "issued_date": yesterday}
        )
    deliver("disability_cert", certificates, yesterday, tmp_path)
    world = shared_world(tmp_path)

    daily = Process(world, "manage.py", "monitoring_daily", crash_table="monitoring_riskwarning")
    daily.kill_when_writing()
    assert world.read(WARNINGS) == [(0, 0)]
    assert world.one("SELECT COUNT(*) FROM monitoring_warningstep") == 0
    assert world.read(RUNS) == [("running", 0)]

    assert "监测批次：标记中断 1 个" in manage(world, "recover_background_jobs")
    assert "新增预警 8 条" in manage(world, "monitoring_daily")
    assert "新增预警 0 条" in manage(world, "monitoring_daily")
    assert world.read(WARNINGS) == [(8, 8)]
    assert world.read(RUNS) == [("failed", 0), ("succeeded", 8), ("succeeded", 0)]
    manage(world, "verify_audit_chain")


PLAN_ROWS = (
    "SELECT (SELECT COUNT(*) FROM planning_plan), (SELECT COUNT(*) FROM planning_outlinenode), "
    "(SELECT COUNT(*) FROM planning_plantask), (SELECT COUNT(*) FROM planning_planindicator)"
)


def test_import_plan_killed_mid_import_leaves_no_plan_and_the_file_imports_once(divisions, tmp_path):
    """规划导入 (``manage.py import_plan``): the plan, outline, tasks and indicators in one transaction;
    the same file again is recognised by its hash."""
    from .crash_harness import ROOT

    plan = str(ROOT / "data" / "plans" / "dandong-city-plan.txt")
    world = shared_world(tmp_path)
    assert world.read(PLAN_ROWS) == [(0, 0, 0, 0)]

    importing = Process(world, "manage.py", "import_plan", plan, crash_table="planning_plantask")
    importing.kill_when_writing()
    assert world.read(PLAN_ROWS) == [(0, 0, 0, 0)]

    out = manage(world, "import_plan", plan)
    assert "重点任务" in out
    complete = world.read(PLAN_ROWS)[0]
    assert complete[0] == 1 and all(complete)
    assert "未作任何更改" in manage(world, "import_plan", plan)
    assert world.read(PLAN_ROWS)[0] == complete
    manage(world, "verify_audit_chain")
