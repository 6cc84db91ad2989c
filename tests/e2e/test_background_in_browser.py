"""Long actions in a real browser, through the real path: the click enqueues a 后台任务 on the database queue
(django-tasks-db), ``manage.py db_worker`` executes it, the page polls (htmx) and shows each stage the job
reports. While the job is held at a stage the user goes elsewhere and clicks around; when it finishes the
progress block swaps in the result link.

The worker runs in this test's thread (``db_worker --batch``); the hold is a wrapper around the job's own
progress report, so the stages the browser shows are the ones the job really passes."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.background import services as background_services
from minzheng.core.models import Division
from minzheng.planning import services as planning
from tests.assistance.casework import desks, dibao_case
from tests.core.factories import PASSWORD, HouseholdFactory, make_divisions, make_user
from tests.verification.world import REQUEST_DATE, deliver_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def database_queue(settings, tmp_path):
    """The production task backend (a database queue) instead of the suite's inline one."""
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def hold_at(monkeypatch, stage: str, while_held) -> list[str]:
    """Run ``while_held()`` when the job reports ``stage`` (the job waits meanwhile); returns every stage."""
    seen: list[str] = []
    report = background_services.JobContext.progress

    def progress(self, name, done=None, total=None):
        report(self, name, done, total)
        seen.append(name)
        if name == stage:
            while_held()

    monkeypatch.setattr(background_services.JobContext, "progress", progress)
    return seen


def run_worker() -> None:
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_verification_runs_in_the_background_while_the_caseworker_works_elsewhere(
    page, live_server, database_queue, monkeypatch
):
    make_divisions()
    load_assistance_policy()
    household = HouseholdFactory(village="210602002001", size=2)
    deliver_world(
        make_user("sysadmin", "210600000000", username="dd_admin"),
        [m.person.id_number for m in household.memberships.order_by("relation")],
    )
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="accepted")

    login(page, live_server, "yb_jb")
    page.goto(f"{live_server.url}/assistance/cases/{case.pk}/")
    start = page.locator("form:has(input[name=action][value=start_verification])")
    start.locator("input[name=on]").fill(REQUEST_DATE.isoformat())
    start.locator("button").click()
    expect(page.locator(".messages")).to_contain_text("已发起核对")  # answered at once
    expect(page.get_by_test_id("job-status")).to_have_text("排队中")
    expect(page.locator("button:has-text('发起家庭经济状况核对')")).to_have_count(0)

    def elsewhere():
        expect(page.get_by_test_id("job-stage")).to_contain_text("核对计算")  # polled, not reloaded
        expect(page.get_by_test_id("job-stage")).to_contain_text("第 3/5 步")
        page.click(".userbox >> text=我的后台任务")
        row = page.locator(f"tr:has-text('救助申请 {case.number}')")
        expect(row).to_contain_text("进行中")
        row.locator("a").first.click()  # the job's own page, which polls too
        expect(page.get_by_test_id("job-status")).to_have_text("进行中")

    stages = hold_at(monkeypatch, "核对计算", elsewhere)
    run_worker()
    assert stages == ["读取户籍数据", "读取部门共享数据", "核对计算", "保存核对结果", "更新案件"]
    expect(page.get_by_test_id("job-status")).to_have_text("已完成")
    page.get_by_test_id("job-result-link").click()
    assert page.get_by_test_id("case-status").inner_text() in {"入户调查", "家庭经济状况核对"}
    assert "发起家庭经济状况核对" in page.inner_text("main")  # the case history
    expect(page.get_by_test_id("job-progress")).to_have_count(0)


def test_a_monitoring_report_is_generated_while_the_leader_keeps_using_the_cockpit(
    page, live_server, database_queue, monkeypatch
):
    make_divisions()
    Division.objects.bulk_create(
        Division(code=code, name=name, level=level, parent_code=parent, source="test")
        for code, name, level, parent in (
            ("210100000000", "沈阳市", 2, "210000000000"),
            ("210112000000", "浑南区", 3, "210100000000"),
            ("210900000000", "阜新市", 2, "210000000000"),
        )
    )
    plans = {plan.region_name: plan for plan in planning.load_seed_plans()}
    planning.seed_status_rules()
    planning.sync_indicators()
    make_user("leader", "210600000000", username="dd_ld")

    login(page, live_server, "dd_ld")
    page.goto(f"{live_server.url}/planning/plans/{plans['丹东市'].pk}/cockpit/")
    cockpit = page.url
    page.get_by_test_id("report-annual-pdf").click()
    block = page.locator("#report-jobs [data-testid=job-progress]")
    expect(block.get_by_test_id("job-status")).to_have_text("排队中")
    assert page.url == cockpit  # htmx put the block in place: no navigation, no waiting

    def meanwhile():
        expect(block.get_by_test_id("job-stage")).to_contain_text("绘制图表")
        page.select_option("select[name=year]", "2022")  # the page answers clicks meanwhile
        expect(page.locator("select[name=year]")).to_have_value("2022")

    stages = hold_at(monkeypatch, "绘制图表", meanwhile)
    run_worker()
    assert stages == ["计算指标监测值", "绘制图表", "比较下级区划", "汇总重点任务与项目", "生成PDF文件"]
    expect(block.get_by_test_id("job-status")).to_have_text("已完成")
    with page.expect_download() as download:
        block.get_by_test_id("job-result").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert page.url == cockpit
