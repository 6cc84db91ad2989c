"""探访 plans and records; 适老化改造 from application to subsidy; the assessment interface for other domains."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.eldercare.errors import EldercareConflict, InvalidEldercareInput
from minzheng.eldercare.models import VisitAssignment
from minzheng.eldercare.rules.assessment import CapabilityLevel
from minzheng.eldercare.rules.visits import Month
from minzheng.eldercare.selectors.hardship import month_plan
from minzheng.eldercare.selectors.retrofit import progress
from minzheng.eldercare.services import assessments, hardship, retrofit
from tests.core.factories import HouseholdFactory, make_user

from .factories import make_elder, scores


def register(actor, name, registered_on=date(2026, 1, 5), **extra):
    return hardship.register_elder(
        actor, person=make_elder(name=name), categories=["alone"], registered_on=registered_on, **extra
    )


def test_month_plan_assigns_each_registered_elder_once(county_caseworker, outsider):
    worker = make_user("caseworker", "210602002000", username="qd_jb")
    a = register(county_caseworker, "甲", assigned_to=worker)
    register(county_caseworker, "乙")
    ended = register(county_caseworker, "丙", registered_on=date(2025, 1, 5), assigned_to=worker)
    hardship.end_registration(county_caseworker, ended, ended_on=date(2026, 2, 20), reason="入住养老机构")
    assert (
        hardship.plan_month(county_caseworker, Month(2026, 3)) == 1
    )  # 乙 has nobody assigned, 丙 left in February
    assert hardship.plan_month(county_caseworker, Month(2026, 3)) == 0
    assert hardship.plan_month(county_caseworker, Month(2026, 2)) == 2
    assert hardship.plan_month(outsider, Month(2026, 3)) == 0
    hardship.record_visit(worker, a, visited_on=date(2026, 3, 9), method="home", findings="安好")
    plan = list(month_plan(worker, Month(2026, 3), mine_only=True))
    assert [(p.elder_id, p.visited) for p in plan] == [(a.pk, True)]
    assert VisitAssignment.objects.get(elder=a, month=date(2026, 3, 1)).assigned_to == worker


def test_a_worker_of_another_county_cannot_be_put_in_charge(county_caseworker, outsider):
    with pytest.raises(InvalidEldercareInput, match="不是该老人所在区域的工作人员"):
        register(county_caseworker, "甲", assigned_to=outsider)


def test_visits_need_findings_and_follow_up_when_flagged(county_caseworker):
    elder = register(county_caseworker, "甲")
    with pytest.raises(InvalidEldercareInput) as error:
        hardship.record_visit(
            county_caseworker,
            elder,
            visited_on=date(2026, 2, 1),
            method="home",
            findings="独居",
            needs_follow_up=True,
        )
    assert error.value.field == "follow_up"
    with pytest.raises(InvalidEldercareInput, match="不在该老人的名册登记期内"):
        hardship.record_visit(
            county_caseworker, elder, visited_on=date(2025, 12, 1), method="home", findings="安好"
        )


def test_retrofit_goes_from_application_to_subsidy_and_counts_toward_the_target(county_caseworker):
    cw = county_caseworker
    retrofit.set_target(cw, division_code="210602000000", year=2026, households=2)
    household = HouseholdFactory(village="210602002001", size=2)
    case = retrofit.apply(
        cw, household=household, elder=household.head, year=2026, applied_on=date(2026, 3, 1)
    )
    with pytest.raises(EldercareConflict, match="不能登记完工"):
        retrofit.finish_works(cw, case, contractor="x", done_on=date(2026, 3, 2))
    retrofit.assess(
        cw, case, assessed_on=date(2026, 3, 5), items=["grab_bars", "toilet"], estimated_cost="3500"
    )
    retrofit.finish_works(cw, case, contractor="丹东安居工程有限公司", done_on=date(2026, 4, 1))
    retrofit.accept(cw, case, passed=False, on=date(2026, 4, 3), note="扶手不牢固")
    assert case.status == "assessed"
    retrofit.finish_works(cw, case, contractor="丹东安居工程有限公司", done_on=date(2026, 4, 10))
    retrofit.accept(cw, case, passed=True, on=date(2026, 4, 12), note="合格")
    with pytest.raises(InvalidEldercareInput, match="不能超过评估预算"):
        retrofit.pay_subsidy(cw, case, amount="3600", paid_on=date(2026, 5, 1))
    retrofit.pay_subsidy(cw, case, amount="3500.00", paid_on=date(2026, 5, 1))
    assert (case.status, case.subsidy_amount) == ("subsidised", Decimal("3500.00"))
    figures = progress("210602000000", 2026)
    assert (figures.target, figures.applied, figures.accepted, figures.rate) == (2, 1, 1, Decimal("50.0"))
    with pytest.raises(EldercareConflict, match="已有适老化改造申请"):
        retrofit.apply(cw, household=household, elder=household.head, year=2026, applied_on=date(2026, 6, 1))


def test_the_latest_capability_level_is_what_other_domains_read(county_caseworker, policy):
    person = make_elder()
    assert assessments.latest_capability_level(person.pk) is None
    common = {"assessors": "甲、乙", "person": person}
    assessments.record_assessment(
        county_caseworker, assessed_on=date(2025, 3, 1), reason="initial", scores=scores(), **common
    )
    worse = scores(**{f"B.1.{n}": 0 for n in range(1, 9)}, **{f"B.2.{n}": 0 for n in range(1, 5)})
    assessments.record_assessment(
        county_caseworker, assessed_on=date(2026, 4, 30), reason="change", scores=worse, **common
    )
    earlier = assessments.latest_capability_level(person.pk, on=date(2026, 3, 31))
    assert (earlier.level, earlier.overdue, earlier.next_due_on) == (
        CapabilityLevel.INTACT,
        True,
        date(2026, 3, 1),
    )
    now = assessments.latest_capability_level(person.pk, on=date(2026, 5, 1))
    assert (now.total_score, now.level, now.overdue) == (43, CapabilityLevel.SEVERE, False)
    assert now.level_label == "能力重度受损（重度失能）"


def test_an_assessment_needs_two_assessors_and_every_item(county_caseworker, policy):
    person = make_elder()
    common = {"person": person, "assessed_on": date(2026, 1, 1), "reason": "initial"}
    with pytest.raises(InvalidEldercareInput) as error:
        assessments.record_assessment(county_caseworker, assessors="张三", scores=scores(), **common)
    assert error.value.field == "assessors"
    partial = scores()
    del partial["B.4.5"]
    with pytest.raises(InvalidEldercareInput) as error:
        assessments.record_assessment(county_caseworker, assessors="张三、李四", scores=partial, **common)
    assert error.value.field == "B.4.5"
