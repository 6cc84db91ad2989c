"""综合监管: a hazard's deadline in working days, rectification by the institution's side, re-check by an
inspector who did not record it; the 双随机 draw stored so it can be repeated; credit and the 失信 list."""

from datetime import date

import pytest
from django.http import Http404

from minzheng.core.models import AuditEvent
from minzheng.core.random_inspection import draw_inspections
from minzheng.eldercare.errors import EldercareConflict, InvalidEldercareInput
from minzheng.eldercare.selectors import supervision as sel
from minzheng.eldercare.services import credit
from minzheng.eldercare.services import supervision as svc

from .factories import make_institution


@pytest.fixture
def inspection(county_caseworker, inspector, policy):
    institution = make_institution(county_caseworker, name="元宝区福寿养老院")
    return svc.schedule_inspection(
        inspector, institution=institution, planned_on=date(2026, 9, 28), inspectors=[inspector]
    )


def find(inspector, inspection, **extra):
    values = dict(
        category="fire",
        severity="general",
        description="疏散通道堆放杂物",
        evidence="照片 IMG_0012",
        found_on=date(2026, 9, 28),
    )
    return svc.record_hazard(inspector, inspection, **(values | extra))


def test_deadline_counts_working_days_across_the_national_day_holiday(inspector, inspection):
    hazard = find(inspector, inspection)
    # 15 working days (the shipped general-hazard period) from Monday 28 September 2026: 1–7 October are
    # holidays and Saturday 10 October is a 调休 working day → 23 October (not 19 October by weekdays).
    assert (hazard.rectification_working_days, hazard.deadline) == (15, date(2026, 10, 23))
    major = find(inspector, inspection, severity="major", working_days=3)
    assert major.deadline == date(2026, 10, 8)


def test_a_deadline_beyond_the_known_holiday_calendar_counts_weekends_and_says_so(inspector, inspection):
    # 60 working days from 20 November 2026 reach into 2027, whose 放假安排 is not loaded: the hazard is
    # recorded with a provisional deadline (weekends only) and the audit trail says so.
    hazard = find(inspector, inspection, found_on=date(2026, 11, 20), working_days=60)
    assert hazard.deadline == date(2027, 2, 12)
    event = AuditEvent.objects.filter(object_type="eldercare.hazard", object_id=str(hazard.pk)).get()
    assert "暂按周末计算" in event.summary


def test_hazard_is_rectified_for_the_institution_then_closed_by_an_inspector(
    inspector, second_inspector, county_caseworker, inspection
):
    hazard = find(inspector, inspection)
    with pytest.raises(EldercareConflict):
        svc.recheck_hazard(inspector, hazard, passed=True, on=date(2026, 10, 20), note="x")
    svc.report_rectification(
        county_caseworker, hazard, rectified_on=date(2026, 10, 15), note="已清理通道", evidence="整改照片3张"
    )
    hazard.refresh_from_db()
    assert hazard.status == "rectified" and hazard.rectified_by == county_caseworker
    failed = svc.recheck_hazard(inspector, hazard, passed=False, on=date(2026, 10, 16), note="仍有杂物")
    assert (failed.status, failed.rechecks, failed.rectified_on) == ("open", 1, None)
    svc.report_rectification(
        county_caseworker, hazard, rectified_on=date(2026, 10, 19), note="全部清理", evidence="照片"
    )
    closed = svc.recheck_hazard(second_inspector, hazard, passed=True, on=date(2026, 10, 20), note="合格")
    assert (closed.status, closed.closed_by, closed.rechecks) == ("closed", second_inspector, 2)
    summaries = list(
        AuditEvent.objects.filter(object_type="eldercare.hazard")
        .order_by("id")
        .values_list("summary", flat=True)
    )
    assert len(summaries) == 5 and "合格，销号" in summaries[-1]


def test_whoever_recorded_the_rectification_cannot_close_it(county_caseworker, inspector, inspection):
    from tests.core.factories import make_user

    both = make_user("reviewer", "210602000000", username="both_roles")
    both.roles.add(*county_caseworker.roles.all())
    both.__dict__.pop("_role_codes", None)
    hazard = find(inspector, inspection)
    svc.report_rectification(both, hazard, rectified_on=date(2026, 10, 1), note="已整改", evidence="照片")
    with pytest.raises(EldercareConflict, match="不能复查"):
        svc.recheck_hazard(both, hazard, passed=True, on=date(2026, 10, 2), note="自查合格")


def test_overdue_hazards_are_listed(inspector, inspection):
    hazard = find(inspector, inspection)
    assert list(sel.hazard_list(inspector, sel.HazardFilter(overdue_only=True), on=date(2026, 10, 23))) == []
    assert list(sel.hazard_list(inspector, sel.HazardFilter(overdue_only=True), on=date(2026, 10, 24))) == [
        hazard
    ]


def test_a_caseworker_cannot_record_or_close_hazards(county_caseworker, inspection):
    from minzheng.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        find(county_caseworker, inspection)


def test_a_random_round_stores_what_is_needed_to_repeat_the_draw(
    county_caseworker, inspector, second_inspector
):
    homes = [make_institution(county_caseworker, name=f"养老院{n}") for n in range(10)]
    make_institution(county_caseworker, name="已停办", status="closed", closed_on=date(2025, 1, 1))
    round_ = svc.draw_round(
        inspector,
        title="2026年第三季度双随机抽查",
        planned_on=date(2026, 7, 1),
        share_percent=30,
        team_size=2,
        seed=20260701,
    )
    assert round_.candidate_ids == sorted(h.pk for h in homes)  # operating ones only
    drawn = {
        i.institution_id: tuple(sorted(u.pk for u in i.inspectors.all())) for i in round_.inspections.all()
    }
    again = draw_inspections(
        round_.candidate_ids, round_.inspector_pool_ids, count=3, team_size=2, seed=round_.seed
    )
    assert drawn == {a.institution_id: a.inspector_ids for a in again}
    assert set(round_.inspector_pool_ids) == {inspector.pk, second_inspector.pk}


def test_blacklist_runs_until_its_term_or_credit_repair(county_caseworker, inspector):
    home = make_institution(county_caseworker)
    record = credit.record_credit(
        inspector,
        home,
        kind="bad",
        reason="重大隐患逾期未整改",
        basis="丹民监〔2026〕3号",
        recorded_on=date(2026, 1, 31),
        blacklist_months=12,
    )
    assert record.blacklist_until == date(2027, 1, 31)
    assert list(sel.blacklist(inspector, on=date(2026, 6, 1))) == [record]
    assert list(sel.blacklist(inspector, on=date(2027, 2, 1))) == []
    credit.remove_from_blacklist(inspector, record, removed_on=date(2026, 7, 1), reason="完成整改并公开承诺")
    assert list(sel.blacklist(inspector, on=date(2026, 8, 1))) == []
    with pytest.raises(InvalidEldercareInput):
        credit.record_credit(
            inspector,
            home,
            kind="good",
            reason="x",
            basis="y",
            recorded_on=date(2026, 1, 1),
            blacklist_months=3,
        )


def test_another_county_cannot_touch_the_hazards(outsider, inspector, inspection):
    hazard = find(inspector, inspection)
    with pytest.raises(Http404):
        sel.hazard_detail(outsider, hazard.pk)
    with pytest.raises(Http404):
        svc.report_rectification(outsider, hazard, rectified_on=date(2026, 10, 1), note="x", evidence="y")


def test_only_the_inspectors_sent_record_findings(county_caseworker, inspector, second_inspector, inspection):
    with pytest.raises(EldercareConflict, match="只有本次检查的检查人员"):
        find(second_inspector, inspection)


def test_the_pool_is_the_organising_bureaus_own_inspectors(county_caseworker, inspector, divisions):
    from tests.core.factories import make_user

    make_user(
        "reviewer", "210602002000", username="township_inspector"
    )  # a township's staff: not in the county's pool
    make_institution(county_caseworker)
    round_ = svc.draw_round(
        inspector, title="抽查", planned_on=date(2026, 7, 1), share_percent=100, team_size=1, seed=1
    )
    assert round_.inspector_pool_ids == [inspector.pk]
