"""低收入人口动态监测 in the platform: the library follows 社会救助, the daily run raises each warning once,
warnings go to the township, flow through 核实 and 处置 into a pre-filled application, and stay in their region."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.assistance.models import AssistanceCase, CaseSource
from minzheng.assistance.services.enrolments import stop_enrolment
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.core.errors import PermissionDenied
from minzheng.core.models import AuditEvent
from minzheng.core.services.accounts import issue_api_token
from minzheng.monitoring import rules, selectors
from minzheng.monitoring.errors import InvalidRule, InvalidTransition, MonitoringError
from minzheng.monitoring.models import (
    Category,
    LibraryCategory,
    LibraryPerson,
    MonitoringRun,
    RiskRule,
    RiskWarning,
)
from minzheng.monitoring.services import lifecycle, risk_rules, runs
from minzheng.monitoring.services.library import register_proactive, sync_from_assistance
from tests.core.factories import PASSWORD, HouseholdFactory, make_user

from .helpers import deliver, enrol, members_of

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()
D = dt.date


@pytest.fixture
def setup(settings, tmp_path, county_caseworker, household):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    load_assistance_policy()
    risk_rules.seed_default_rules()
    enrol(county_caseworker, household)
    return household


@pytest.fixture
def approver(divisions):
    return make_user("approver", "210602000000", username="yb_sp")


def _certificate(household, tmp_path, day: dt.date, grade: int = 1) -> str:
    member = members_of(household)[1]
    rows = [{"id_number": member.id_number, "category": "肢体", "grade": grade, "issued_date": day}]
    deliver("disability_cert", rows, day, tmp_path)
    return member.id_number


def _warning(setup, tmp_path, approver) -> RiskWarning:
    _certificate(setup, tmp_path, TODAY - dt.timedelta(days=1))
    runs.run_day(approver, until=TODAY)
    return RiskWarning.objects.get()


# --- 信息库 --------------------------------------------------------------------------------------


def test_library_holds_every_member_of_households_in_force_with_category_and_date(setup, county_caseworker):
    summary = sync_from_assistance(TODAY)
    assert summary.persons_in_force == 3
    categories = LibraryCategory.objects.filter(valid_to__isnull=True)
    assert {(c.category, c.valid_from) for c in categories} == {("dibao_urban", D(2025, 1, 1))}
    assert {p.household_id for p in LibraryPerson.objects.all()} == {setup.pk}
    assert sync_from_assistance(TODAY).categories_opened == 0  # idempotent
    stop_enrolment(county_caseworker, _enrolment(setup), last_month=D(2025, 6, 1), reason="收入超标")
    assert sync_from_assistance(TODAY).categories_closed == 3
    assert not LibraryCategory.objects.filter(valid_to__isnull=True).exists()


def _enrolment(household):
    from minzheng.assistance.selectors.entitlements import enrolments_in_force

    return enrolments_in_force(TODAY).get(household=household)


def test_proactive_registration_enters_the_library_in_the_caseworkers_region_only(
    setup, county_caseworker, outsider
):
    other = HouseholdFactory(village="210602003001", size=1)
    category = register_proactive(
        county_caseworker,
        id_number=other.head.id_number,
        name=other.head.name,
        division_code="210602003001",
        note="独居老人，子女失联，近期住院",
        on=TODAY,
    )
    assert category.category == Category.PROACTIVE and category.person.household_id == other.pk
    with pytest.raises(MonitoringError, match="已作为主动发现对象"):
        register_proactive(
            county_caseworker,
            id_number=other.head.id_number,
            name="x",
            division_code="210602003001",
            note="重复",
            on=TODAY,
        )
    with pytest.raises(MonitoringError, match="管辖范围"):
        register_proactive(
            outsider,
            id_number=other.head.id_number,
            name="x",
            division_code="210602003001",
            note="越权",
            on=TODAY,
        )


# --- daily run -----------------------------------------------------------------------------------


def test_daily_run_raises_a_warning_assigned_to_the_township_with_a_working_day_limit(
    setup, tmp_path, approver
):
    id_number = _certificate(setup, tmp_path, TODAY - dt.timedelta(days=1))
    run = runs.run_day(approver, until=TODAY)
    assert (run.kind, run.population, run.found, run.created) == (MonitoringRun.FULL, 3, 1, 1)
    warning = RiskWarning.objects.get()
    assert warning.rule_code == "severe_disability" and warning.id_number == id_number
    assert warning.household_id == setup.pk and warning.status == rules.ASSIGNED
    assert warning.assigned_division_code == "210602002000"
    assert warning.due_on is not None and warning.due_on >= TODAY + dt.timedelta(days=10)
    assert f"尾号{id_number[-4:]}" in warning.reason and "一级肢体残疾证" in warning.reason
    assert warning.evidence[0]["dataset"] == "disability_cert"
    assert warning.steps.get().note == "系统预警并自动分派至七道街道"
    assert AuditEvent.objects.filter(object_type="monitoring_warning", object_id=str(warning.pk)).exists()


def test_rerunning_a_day_adds_no_duplicate_and_the_next_day_starts_at_the_watermark(
    setup, tmp_path, approver
):
    _certificate(setup, tmp_path, TODAY - dt.timedelta(days=1))
    runs.run_day(approver, until=TODAY)
    again = runs.run_day(approver, until=TODAY)
    assert (again.found, again.created) == (1, 0)
    tomorrow = runs.run_day(None, until=TODAY + dt.timedelta(days=1))
    assert (tomorrow.kind, tomorrow.since, tomorrow.found) == (MonitoringRun.DAILY, TODAY, 0)
    assert RiskWarning.objects.count() == 1


def _certificates(household, tmp_path, days: list[dt.date], as_of: dt.date) -> None:
    """One 残联 extract holding a grade-1 certificate per day given (members in turn)."""
    people = members_of(household)
    rows = [
        {"id_number": people[i].id_number, "category": "肢体", "grade": 1, "issued_date": day}
        for i, day in enumerate(days)
    ]
    deliver("disability_cert", rows, as_of, tmp_path)


def test_an_event_delivered_after_its_day_was_run_is_still_evaluated(setup, tmp_path, approver):
    _certificates(setup, tmp_path, [TODAY - dt.timedelta(days=1)], TODAY)
    assert runs.run_day(approver, until=TODAY).created == 1
    # the next extract repeats that certificate and carries one issued ten days ago, after its day was run
    late_day = TODAY - dt.timedelta(days=10)
    _certificates(setup, tmp_path, [TODAY - dt.timedelta(days=1), late_day], TODAY)
    caught = runs.run_day(None, until=TODAY + dt.timedelta(days=1))
    assert (caught.kind, caught.since, caught.created) == (
        MonitoringRun.DAILY,
        late_day - dt.timedelta(days=1),
        1,
    )
    assert "迟到数据" in AuditEvent.objects.filter(object_type="monitoring_run").latest("id").summary
    # nothing new since: the day after starts at the watermark again; an extract that only adds a recent
    # event does not move the window either
    assert runs.run_day(None, until=TODAY + dt.timedelta(days=2)).since == TODAY + dt.timedelta(days=1)
    days = [TODAY - dt.timedelta(days=1), late_day, TODAY + dt.timedelta(days=3)]
    _certificates(setup, tmp_path, days, TODAY + dt.timedelta(days=3))
    recent = runs.run_day(None, until=TODAY + dt.timedelta(days=3))
    assert (recent.since, recent.created) == (TODAY + dt.timedelta(days=2), 1)
    assert RiskWarning.objects.count() == 3


def test_only_approvers_and_administrators_run_monitoring(setup, county_caseworker):
    with pytest.raises(PermissionDenied):
        runs.run_day(county_caseworker, until=TODAY)


# --- lifecycle -----------------------------------------------------------------------------------


def test_warning_flows_from_visit_to_a_prefilled_assistance_application(
    setup, tmp_path, approver, county_caseworker
):
    warning = _warning(setup, tmp_path, approver)
    with pytest.raises(InvalidTransition):
        lifecycle.dispose(
            county_caseworker, warning, disposal=rules.TRANSFER, program_code="disability_living"
        )
    lifecycle.record_visit(
        county_caseworker, warning, visited_on=TODAY, findings="入户核实：残疾属实，护理支出增加"
    )
    lifecycle.dispose(
        county_caseworker, warning, disposal=rules.TRANSFER, program_code="expenditure_hardship"
    )
    case = AssistanceCase.objects.get(source_reference=warning.number)
    assert case.source == CaseSource.MONITORING and case.household_id == setup.pk
    assert case.prefill["reason"] == warning.reason
    assert case.prefill["evidence"] == warning.evidence
    assert case.prefill["visits"][0]["findings"].startswith("入户核实")
    warning.refresh_from_db()
    assert (warning.status, warning.case_number) == (rules.DISPOSED, case.number)
    lifecycle.close(county_caseworker, warning)
    assert [s.action for s in warning.steps.all()] == ["assigned", "visit", "disposed", "closed"]


def test_ineligible_needs_a_reason_and_closed_warnings_cannot_be_disposed_again(
    setup, tmp_path, approver, county_caseworker
):
    warning = _warning(setup, tmp_path, approver)
    lifecycle.record_visit(county_caseworker, warning, visited_on=TODAY, findings="核实：家庭收入稳定")
    with pytest.raises(MonitoringError, match="请填写理由"):
        lifecycle.dispose(county_caseworker, warning, disposal=rules.INELIGIBLE)
    lifecycle.dispose(county_caseworker, warning, disposal=rules.INELIGIBLE, note="子女赡养能力充足")
    lifecycle.close(county_caseworker, warning)
    with pytest.raises(InvalidTransition):
        lifecycle.dispose(county_caseworker, warning, disposal=rules.ALREADY_COVERED)


def test_overdue_warnings_escalate_to_the_county_once(setup, tmp_path, approver):
    warning = _warning(setup, tmp_path, approver)
    RiskWarning.objects.filter(pk=warning.pk).update(due_on=TODAY - dt.timedelta(days=1))
    assert runs.escalate_overdue(TODAY) == 1
    assert runs.escalate_overdue(TODAY) == 0
    warning.refresh_from_db()
    assert warning.escalated_to == "210602000000"
    assert "已上报县级" in warning.steps.last().note


# --- rules as data -------------------------------------------------------------------------------


def test_a_rule_version_closes_the_previous_one_and_is_refused_outside_the_jurisdiction(
    setup, approver, outsider
):
    rule = risk_rules.save_rule_version(
        approver, code="disaster_loss", division_code="210602000000", valid_from=D(2026, 1, 1), enabled=True,
        severity="high", parameters={"amount": "5000"}, verify_days=5,
    )  # fmt: skip
    newer = risk_rules.switch_rule(approver, rule, enabled=False, on=D(2026, 6, 1))
    rule.refresh_from_db()
    assert rule.valid_to == D(2026, 5, 31) and not newer.enabled and newer.parameters == {"amount": "5000"}
    with pytest.raises(InvalidRule, match="已有一个版本"):
        risk_rules.switch_rule(approver, rule, enabled=True, on=D(2026, 6, 1))
    with pytest.raises(InvalidRule, match="损失金额线应在"):
        risk_rules.save_rule_version(
            approver, code="disaster_loss", division_code="210602000000", valid_from=D(2026, 7, 1), enabled=True,
            severity="high", parameters={"amount": "-1"}, verify_days=5,
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        risk_rules.switch_rule(outsider, rule, enabled=True, on=D(2026, 7, 1))


def test_trial_shows_how_many_warnings_a_rule_would_have_raised_last_month(setup, tmp_path, approver):
    _since, until = runs.last_month(TODAY)
    member = members_of(setup)[0]
    rows = [
        {
            "id_number": member.id_number,
            "event_date": until,
            "loss_amount": Decimal("3000.00"),
            "kind": "风雹",
        }
    ]
    deliver("disaster_loss", rows, until, tmp_path)
    draft = risk_rules.save_rule_version(
        approver, code="disaster_loss", division_code="210602000000", valid_from=TODAY, enabled=False,
        severity="high", parameters={"amount": "2000"}, verify_days=5,
    )  # fmt: skip
    trial = runs.trial_run(approver, draft)
    assert trial.run.found == 1 and "损失3000.00元，超过2000.00元" in trial.samples[0]["reason"]
    assert not RiskWarning.objects.exists()
    national = RiskRule.objects.get(code="disaster_loss", division_code="000000000000")
    assert runs.trial_run(approver, national).run.found == 0  # 10,000 元 nationally


# --- jurisdiction and pages ----------------------------------------------------------------------


def test_outsider_gets_404_on_warnings_and_sees_none_in_lists_and_api(
    client, setup, tmp_path, approver, outsider
):
    warning = _warning(setup, tmp_path, approver)
    client.post("/login/", {"username": outsider.username, "password": PASSWORD})
    for url in [f"/monitoring/warnings/{warning.pk}/"]:
        assert client.get(url).status_code == 404
    for action in ("visit", "dispose", "close"):
        assert client.post(f"/monitoring/warnings/{warning.pk}/{action}/").status_code == 404
    person = LibraryPerson.objects.first()
    assert client.get(f"/monitoring/library/{person.pk}/").status_code == 404
    assert warning.number not in client.get("/monitoring/warnings/").content.decode()
    assert person.name not in client.get("/monitoring/library/").content.decode()
    assert client.get("/monitoring/").context["figures"]["total"] == 0
    headers = {"Authorization": f"Bearer {issue_api_token(outsider)}"}
    assert client.get(f"/api/monitoring/warnings/{warning.pk}", headers=headers).status_code == 404
    assert client.get("/api/monitoring/warnings", headers=headers).json()["count"] == 0
    with pytest.raises(Http404):
        selectors.warning_detail(outsider, warning.pk)


def test_pages_render_for_the_caseworker_with_a_bounded_number_of_queries(
    client, setup, tmp_path, approver, county_caseworker, django_assert_max_num_queries
):
    warning = _warning(setup, tmp_path, approver)
    client.post("/login/", {"username": county_caseworker.username, "password": PASSWORD})
    for url in ["/monitoring/", "/monitoring/library/", "/monitoring/rules/", "/monitoring/runs/",
                "/monitoring/library/import/", "/monitoring/library/proactive/", f"/monitoring/warnings/{warning.pk}/",
                "/monitoring/rules/new/?code=medical_expense"]:  # fmt: skip
        assert client.get(url).status_code == 200, url
    with django_assert_max_num_queries(14):  # 12, and the 分派 choices: townships, handlers (issue 16)
        body = client.get("/monitoring/warnings/").content.decode()
    assert warning.number in body
    export = client.get("/monitoring/warnings/?export=xlsx")
    assert export.status_code == 200 and export.content.startswith(b"PK")
    assert (
        client.get(
            "/api/monitoring/warnings",
            headers={"Authorization": f"Bearer {issue_api_token(county_caseworker)}"},
        ).json()["count"]
        == 1
    )
