"""待办中心: every domain's open work in one queue with owners — claim, assign, reassign, release (audited,
jurisdiction-checked), the filters, the home summary, and a bounded number of queries however much is open."""

from datetime import date

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.models import AuditEvent
from minzheng.core.work_items import collect_work_sources
from minzheng.worklist import selectors, services
from minzheng.worklist.errors import OwnerRefused
from minzheng.worklist.models import WorkOwner
from tests.core.factories import PASSWORD, make_user

from .world import OVERDUE_ON, desks, populate

pytestmark = pytest.mark.django_db
ALL = selectors.WorkFilter()


@pytest.fixture
def world(divisions):
    load_assistance_policy()
    d = desks()
    return d, populate(d, n=2)


def _keys(rows, source: str) -> set[str]:
    return {row.item.key for row in rows if row.item.source == source}


def _pks(records) -> set[str]:
    return {str(r.pk) for r in records}


# --- each source contributes its rows ------------------------------------------------------------------


def test_each_source_puts_its_open_work_of_the_jurisdiction_on_the_right_desk(world):
    d, made = world
    today = timezone.localdate()
    mine = made  # first two of each kind are 元宝区's, the last one 振兴区's
    caseworker = selectors.work_rows(d.caseworker, ALL, today)
    assert _keys(caseworker, "assistance.case") == _pks(mine["case"][:2])  # 受理 is the caseworker's desk
    assert _keys(caseworker, "assistance.task") == _pks(mine["task"][:2])
    assert _keys(caseworker, "monitoring.warning") == _pks(mine["warning"][:2])
    assert _keys(caseworker, "eldercare.hazard") == _pks(
        mine["hazard"][:2]
    )  # 待整改: recorded for the institution
    assert _keys(caseworker, "eldercare.visit") == _pks(mine["visit"][:2])
    assert not _keys(caseworker, "payments.roster")  # 审核 is the approver's, never the maker's
    approver = selectors.work_rows(d.approver, ALL, today)
    assert _keys(approver, "assistance.case") == _pks(mine["approval"][:2])  # 审批
    assert _keys(approver, "payments.roster") == _pks(mine["roster"][:2])
    assert {row.item.domain for row in approver} == {"社会救助", "资金发放"}
    outsider = selectors.work_rows(d.outsider, ALL, today)
    assert _keys(outsider, "assistance.case") == _pks(mine["case"][2:])


def test_rows_are_masked_linked_and_overdue_first_with_working_days(world):
    d, made = world
    today = timezone.localdate()
    rows = selectors.with_figures(selectors.work_rows(d.caseworker, ALL, today), today)
    warning = next(r for r in rows if r.item.source == "monitoring.warning")
    person = made["warning"][0]
    assert person.id_number not in warning.item.subject and person.id_number[-4:] in warning.item.subject
    assert person.person_name not in warning.item.subject and warning.item.subject.startswith(
        person.person_name[0]
    )
    assert warning.item.url == f"/monitoring/warnings/{warning.item.key}/"
    overdue = [r.overdue for r in rows]
    assert overdue == sorted(overdue, reverse=True) and overdue[0]  # overdue first
    first = rows[0]
    assert first.item.due_on == OVERDUE_ON and first.working_days_left < 0 and first.overdue_working_days > 0
    assert {r.division_name for r in rows} <= {"城隍庙一社区居委会", "七道街道", "元宝区"}


def test_payroll_due_date_is_the_review_limit_in_working_days_from_submission(world):
    d, made = world
    roster = made["roster"][0]
    item = next(
        r.item
        for r in selectors.work_rows(d.approver, ALL, timezone.localdate())
        if r.item.key == str(roster.pk)
    )
    from minzheng.policy.interface import working_calendar, working_days_between

    submitted = timezone.localdate(roster.submitted_at)
    assert working_days_between(submitted, item.due_on, working_calendar()) == 3  # the shipped parameter


# --- claim, assign, reassign, release ------------------------------------------------------------------


def test_claim_makes_the_claimer_owner_and_is_audited(world):
    d, made = world
    key = str(made["task"][0].pk)
    services.claim(d.caseworker, "assistance.task", key)
    owner = WorkOwner.objects.get(source="assistance.task", key=key)
    assert owner.owner == d.caseworker and owner.division_code == "210602002001"
    event = AuditEvent.objects.get(object_type="work_item", object_id=f"assistance.task:{key}")
    assert "认领待办" in event.summary and event.username == "yb_jb"
    mine = selectors.work_rows(d.caseworker, selectors.WorkFilter(scope=selectors.MINE), timezone.localdate())
    tasks = [(r.item.key, r.owner_name) for r in mine if r.item.source == "assistance.task"]
    assert tasks == [(key, "测试caseworker")]


def test_someone_elses_item_cannot_be_claimed_only_reassigned(world):
    d, made = world
    key = str(made["warning"][0].pk)
    services.claim(d.township_caseworker, "monitoring.warning", key)
    with pytest.raises(OwnerRefused, match="已由测试caseworker负责"):
        services.claim(d.caseworker, "monitoring.warning", key)
    services.assign(d.caseworker, "monitoring.warning", key, d.caseworker.pk)  # 转办 by someone who can do it
    assert WorkOwner.objects.get(key=key, source="monitoring.warning").owner == d.caseworker
    summaries = list(AuditEvent.objects.filter(object_type="work_item").values_list("summary", flat=True))
    assert any("改派待办给测试caseworker" in s for s in summaries)


def test_a_reviewer_assigns_and_reassigns_work_to_colleagues_of_the_jurisdiction(world):
    d, made = world
    key = str(made["task"][0].pk)
    services.assign(d.reviewer, "assistance.task", key, d.township_caseworker.pk)
    services.assign(d.reviewer, "assistance.task", key, d.caseworker.pk)
    assert WorkOwner.objects.get(key=key, source="assistance.task").owner == d.caseworker
    actions = [
        s.split("：")[0]
        for s in AuditEvent.objects.filter(object_type="work_item")
        .order_by("pk")
        .values_list("summary", flat=True)
    ]
    assert actions == ["指派待办给测试caseworker", "改派待办给测试caseworker"]


def test_assigning_to_someone_whose_jurisdiction_does_not_cover_the_item_is_refused_in_chinese(world):
    d, made = world
    key = str(made["case"][0].pk)  # 七道街道
    other_township = make_user("caseworker", "210602003000", username="gj_jb")  # 广济街道
    with pytest.raises(OwnerRefused, match="管辖范围不包括该事项所在区划，不能指派"):
        services.assign(d.caseworker, "assistance.case", key, other_township.pk)
    with pytest.raises(OwnerRefused, match="管辖范围不包括"):
        services.assign(d.caseworker, "assistance.case", key, d.outsider.pk)
    with pytest.raises(OwnerRefused, match="角色不能办理该事项"):
        services.assign(d.caseworker, "assistance.case", key, d.reviewer.pk)  # 受理 is not a reviewer's
    assert not WorkOwner.objects.exists() and not AuditEvent.objects.filter(object_type="work_item").exists()


def test_another_regions_item_is_a_404_like_a_missing_one(world):
    d, made = world
    theirs = str(made["case"][-1].pk)  # 振兴区
    for call in (
        lambda: services.claim(d.caseworker, "assistance.case", theirs),
        lambda: services.assign(d.approver, "assistance.case", theirs, d.caseworker.pk),
        lambda: services.release(d.caseworker, "assistance.case", theirs),
        lambda: services.claim(d.caseworker, "assistance.case", "999999999"),
        lambda: services.claim(d.caseworker, "no.such.source", "1"),
        lambda: services.claim(d.caseworker, "assistance.case", "99999999999999999999999"),
    ):
        with pytest.raises(Http404):
            call()


def test_a_leader_without_the_work_cannot_claim_and_a_caseworker_cannot_take_approvals(world):
    d, made = world
    leader = make_user("leader", "210600000000", username="dd_ld")
    with pytest.raises(OwnerRefused, match="不能认领"):
        services.claim(leader, "assistance.task", str(made["task"][0].pk))
    with pytest.raises(OwnerRefused, match="不能认领"):
        services.claim(d.caseworker, "payments.roster", str(made["roster"][0].pk))
    services.assign(
        leader, "payments.roster", str(made["roster"][0].pk), d.approver.pk
    )  # a leader distributes


def test_release_puts_the_item_back_unclaimed(world):
    d, made = world
    key = str(made["visit"][0].pk)
    services.claim(d.township_caseworker, "eldercare.visit", key)
    services.release(d.township_caseworker, "eldercare.visit", key)
    row = next(
        r
        for r in selectors.work_rows(d.caseworker, ALL, timezone.localdate())
        if r.item.source == "eldercare.visit" and r.item.key == key
    )
    assert (row.owner_id, row.owner_name) == (d.caseworker.pk, "测试caseworker")  # the plan's 探访人 again


# --- filters, summary, scale ---------------------------------------------------------------------------


def test_filters_mine_unclaimed_domain_overdue_and_division(world):
    d, made = world
    today = timezone.localdate()
    services.claim(d.caseworker, "assistance.case", str(made["case"][0].pk))
    rows = lambda **f: selectors.work_rows(d.caseworker, selectors.WorkFilter(**f), today)  # noqa: E731
    everything = rows()
    visits_of_plan = 2  # the 探访人 on the month's plan owns those
    assert len(rows(scope="mine")) == 1 + visits_of_plan
    assert len(rows(scope="unclaimed")) == len(everything) - 1 - visits_of_plan
    assert {r.item.domain for r in rows(domain="动态监测")} == {"动态监测"}
    assert all(r.item.due_on < today for r in rows(overdue=True)) and rows(overdue=True)
    assert rows(division_code="210602003000") == []  # nothing in 广济街道
    assert len(rows(division_code="210602002")) == len(everything)
    assert [r.item.reference for r in rows(q=made["warning"][0].number)] == [made["warning"][0].number]


def test_home_summary_counts_per_domain_overdue_and_mine(world):
    d, _ = world
    today = timezone.localdate()
    summary = selectors.summary(d.approver, today)
    assert summary.total == 4 and summary.overdue == 1 and summary.mine == 0 and summary.unclaimed == 4
    assert summary.by_domain == [("社会救助", 2, 1), ("资金发放", 2, 0)]  # rosters: 3 working days from today


def _queries(user, today) -> int:
    with CaptureQueriesContext(connection) as captured:
        selectors.with_figures(selectors.work_rows(user, ALL, today)[:20], today)
    return len(captured)


def test_the_queue_takes_the_same_number_of_queries_for_many_open_items(divisions):
    load_assistance_policy()
    d = desks()
    today = timezone.localdate()
    populate(d, n=1)
    _queries(d.caseworker, today), _queries(d.approver, today)  # roles are read once per request's user
    few = _queries(d.caseworker, today), _queries(d.approver, today)
    populate(d, n=12)
    assert (_queries(d.caseworker, today), _queries(d.approver, today)) == few
    # at most one query per work source (every domain's, whatever it holds) plus the owners and the user
    assert max(few) <= len(collect_work_sources()) + 3
    assert len(selectors.work_rows(d.caseworker, ALL, today)) == 13 * 5


def test_queue_page_home_and_assign_page_render_in_chinese_with_the_owner(client, world):
    d, made = world
    services.claim(d.approver, "payments.roster", str(made["roster"][0].pk))
    client.login(username="yb_sp", password=PASSWORD)
    body = client.get("/worklist/").content.decode()
    assert "城市低保花名册 · 待审核" in body and "城市低保申请 · 待审批" in body and "测试approver" in body
    assert "超期" in body and 'class="tag tag-red"' in body
    home = client.get("/").content.decode()
    assert 'data-testid="todo-summary"' in home and "资金发放" in home and "/worklist/" in home
    page = client.get(f"/worklist/assign/assistance.case/{made['approval'][0].pk}/").content.decode()
    assert "测试approver" in page
    assert client.get(f"/worklist/assign/assistance.case/{made['approval'][-1].pk}/").status_code == 404
    response = client.post(
        "/worklist/claim/", {"source": "assistance.case", "key": str(made["approval"][-1].pk)}
    )
    assert response.status_code == 404
    assert client.get("/worklist/?division_code=abc&scope=x&page=zz").status_code == 200
    assert date.today()  # (pages never 500 on bad filters)


def test_plan_tasks_with_a_deadline_are_the_plan_keepers_work_in_their_jurisdiction(divisions):
    from minzheng.planning.models import Plan, PlanTask

    leader = make_user("leader", "210602000000", username="yb_ld")
    caseworker = make_user("caseworker", "210602000000", username="yb_jb")

    def plan(code: str, sha: str) -> Plan:
        return Plan.objects.create(
            title="元宝区民政事业发展“十四五”规划", level="county", division_code=code, period_start=2021,
            period_end=2025, source_name="规划.docx", source_sha256=sha * 64,
        )  # fmt: skip

    ours, theirs = plan("210602000000", "a"), plan("210603000000", "b")
    due = PlanTask.objects.create(plan=ours, order=1, lead="建设区级救助服务中心", deadline=date(2026, 6, 30))
    PlanTask.objects.create(plan=ours, order=2, lead="无时限的任务")
    PlanTask.objects.create(plan=ours, order=3, lead="已完成", deadline=date(2026, 6, 30), status="done")
    PlanTask.objects.create(plan=theirs, order=1, lead="振兴区的任务", deadline=date(2026, 6, 30))
    rows = selectors.work_rows(leader, ALL, date(2026, 7, 1))
    assert [(r.item.source, r.item.key, r.overdue) for r in rows] == [("planning.task", str(due.pk), True)]
    assert rows[0].item.url == f"/planning/tasks/{due.pk}/" and rows[0].item.domain == "规划监测"
    assert not selectors.work_rows(caseworker, ALL, date(2026, 7, 1))
    services.claim(leader, "planning.task", str(due.pk))
