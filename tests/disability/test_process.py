"""两项补贴 end to end (domain-rules-2 §9): 受理 → 乡镇初审 (≤10 WD) and 公示 (≥7 d) → 县残联审核 (≤10 WD, its own
account) → 县民政审定 with 低保 status → 社会救助's roster from the month of application; role separation,
jurisdiction, the 残联's certificate import, changes and the yearly review."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import Http404

from minzheng.core.errors import PermissionDenied
from minzheng.disability.errors import DisabilityConflict, InvalidDisabilityInput
from minzheng.disability.models import ChangeTask, DisabilityCertificate, Status
from minzheng.disability.services import applications as app
from minzheng.disability.services import changes
from minzheng.disability.services.certificates import import_certificates
from minzheng.payments.models import PayrollLine
from minzheng.payments.services.generation import generate_roster

from .factories import certificate_file, certify, disabled_person, in_dibao

pytestmark = pytest.mark.django_db
COUNTY = "210602000000"


def _to_decision(clerk, checker, cdpf, person, kind="living", applied_on=date(2026, 3, 2)):
    a = app.receive(clerk, person, kind=kind, applied_on=applied_on)
    a = app.township_check(checker, a, passed=True, checked_on=date(2026, 3, 9), note="材料齐全，情况属实")
    return app.cdpf_review(cdpf, a, passed=True, reviewed_on=date(2026, 3, 20))


def _lines(caseworker, program_code, month):
    roster = generate_roster(caseworker, program_code=program_code, division_code=COUNTY, month=month).roster
    return list(PayrollLine.objects.filter(roster=roster))


def test_section_9_living_allowance_for_dibao_household_reaches_the_roster_from_the_application_month(
    policy, clerk, checker, cdpf, approver, county_caseworker
):
    household, person = disabled_person()
    in_dibao(county_caseworker, household)
    certify(cdpf, person, grade="三级")
    a = app.receive(clerk, person, kind="living", applied_on=date(2026, 3, 2))
    # 乡镇初审 due 10 working days after 受理 (2026-03-02 Mon → 03-16)
    assert a.check_due == date(2026, 3, 16)
    a = app.township_check(checker, a, passed=True, checked_on=date(2026, 3, 9), note="材料齐全")
    assert (a.publicity_from, a.publicity_until) == (date(2026, 3, 9), date(2026, 3, 15))
    with pytest.raises(InvalidDisabilityInput, match="公示期"):
        app.cdpf_review(cdpf, a, passed=True, reviewed_on=date(2026, 3, 15))
    a = app.cdpf_review(cdpf, a, passed=True, reviewed_on=date(2026, 3, 16))
    assert (a.status, a.certificate_grade, a.decision_due) == (Status.DECISION, 3, date(2026, 3, 30))
    a = app.decide(approver, a, approved=True, decided_on=date(2026, 3, 25))
    assert (a.status, a.in_dibao, a.start_month, a.monthly_amount) == (
        Status.PAYING, True, date(2026, 3, 1), Decimal("110.00"),
    )  # fmt: skip
    march = _lines(county_caseworker, "disability_living", date(2026, 3, 1))
    assert [(line.persons, line.amount) for line in march] == [(1, Decimal("110.00"))]


def test_section_9_living_allowance_refused_outside_dibao(policy, clerk, checker, cdpf, approver):
    _, person = disabled_person()
    certify(cdpf, person)
    a = _to_decision(clerk, checker, cdpf, person)
    with pytest.raises(InvalidDisabilityInput, match="不是低保家庭"):
        app.decide(approver, a, approved=True, decided_on=date(2026, 3, 25))
    a = app.decide(approver, a, approved=False, decided_on=date(2026, 3, 25), note="非低保家庭")
    assert a.status == Status.REFUSED and a.enrolment_id is None


def test_section_9_care_allowance_needs_grade_1_2_at_the_cdpf_review(
    policy, clerk, checker, cdpf, approver, county_caseworker
):
    _, person = disabled_person()
    certify(cdpf, person, category="肢体", grade="三级")
    a = app.receive(clerk, person, kind="care", applied_on=date(2026, 3, 2))
    a = app.township_check(checker, a, passed=True, checked_on=date(2026, 3, 9), note="属实")
    with pytest.raises(InvalidDisabilityInput, match="一、二级"):
        app.cdpf_review(cdpf, a, passed=True, reviewed_on=date(2026, 3, 20))
    _, severe = disabled_person(name="钱红")
    certify(cdpf, severe, grade="一级")
    b = _to_decision(clerk, checker, cdpf, severe, kind="care")
    b = app.decide(approver, b, approved=True, decided_on=date(2026, 3, 25))
    assert b.monthly_amount == Decimal("100.00")
    assert len(_lines(county_caseworker, "disability_care", date(2026, 4, 1))) == 1


def test_role_separation_cdpf_cannot_decide_and_civil_affairs_cannot_do_the_cdpf_review(
    policy, clerk, checker, cdpf, approver, county_caseworker
):
    household, person = disabled_person()
    in_dibao(county_caseworker, household)
    certify(cdpf, person)
    a = app.receive(clerk, person, kind="living", applied_on=date(2026, 3, 2))
    a = app.township_check(checker, a, passed=True, checked_on=date(2026, 3, 9), note="属实")
    with pytest.raises(PermissionDenied, match="残联审核人"):
        app.cdpf_review(approver, a, passed=True, reviewed_on=date(2026, 3, 20))
    a = app.cdpf_review(cdpf, a, passed=True, reviewed_on=date(2026, 3, 20))
    with pytest.raises(PermissionDenied, match="县级民政审批人"):
        app.decide(cdpf, a, approved=True, decided_on=date(2026, 3, 25))
    with pytest.raises(PermissionDenied):
        app.receive(cdpf, person, kind="care", applied_on=date(2026, 3, 2))
    with pytest.raises(PermissionDenied, match="残联审核人"):
        import_certificates(approver, data=certificate_file(), file_name="x.csv", source_department="残联")


def test_another_countys_cdpf_gets_404(policy, clerk, checker, cdpf, outsider_cdpf):
    _, person = disabled_person()
    certify(cdpf, person)
    a = app.receive(clerk, person, kind="care", applied_on=date(2026, 3, 2))
    a = app.township_check(checker, a, passed=True, checked_on=date(2026, 3, 9), note="属实")
    with pytest.raises(Http404):
        app.cdpf_review(outsider_cdpf, a, passed=True, reviewed_on=date(2026, 3, 20))


def test_cross_province_application_stamps_the_three_clocks(policy, clerk, checker, cdpf, approver):
    """§9 跨省通办: push ≤ 3 WD, decision ≤ 10 WD after the push, notice ≤ 3 WD after the decision."""
    _, person = disabled_person()
    certify(cdpf, person, grade="一级")
    a = app.receive(
        clerk, person, kind="care", applied_on=date(2026, 3, 2), channel="transfer",
        receiving_window="山东省济南市历下区某街道便民服务中心", pushed_on=date(2026, 3, 4),
    )  # fmt: skip
    assert (a.push_due, a.transfer_decision_due, a.check_due) == (
        date(2026, 3, 5),
        date(2026, 3, 18),
        date(2026, 3, 18),
    )
    a = app.township_check(checker, a, passed=True, checked_on=date(2026, 3, 5), note="属实")
    a = app.cdpf_review(cdpf, a, passed=True, reviewed_on=date(2026, 3, 12))
    a = app.decide(approver, a, approved=True, decided_on=date(2026, 3, 13))
    assert a.notice_due == date(2026, 3, 18) and a.start_month == date(2026, 3, 1)
    a = app.record_notice(clerk, a, noticed_on=date(2026, 3, 16))
    assert a.noticed_on == date(2026, 3, 16)


def test_certificate_import_is_atomic_and_names_row_and_column_in_chinese(cdpf, divisions):
    _, person = disabled_person()
    good = f"A1,{person.id_number},{person.name},肢体,二级,2020-01-01,2030-12-31"
    bad = "A2,110101199001011234,某人,上肢,五级,2020/13/01,"
    batch = import_certificates(
        cdpf, data=certificate_file(good, bad), file_name="残联.csv", source_department="残联"
    )
    assert batch.status == "rejected"
    assert {(e["row"], e["column"]) for e in batch.errors} >= {
        (3, "公民身份号码"),
        (3, "残疾类别"),
        (3, "残疾等级"),
        (3, "发证日期"),
    }
    assert all("第" in e["message"] or e["message"] for e in batch.errors)
    assert not DisabilityCertificate.objects.exists()
    ok = import_certificates(
        cdpf, data=certificate_file(good), file_name="残联.csv", source_department="残联"
    )
    again = import_certificates(
        cdpf, data=certificate_file(good), file_name="残联.csv", source_department="残联"
    )
    assert ok.pk == again.pk and DisabilityCertificate.objects.get().grade == 2


def test_grade_change_death_and_leaving_dibao_raise_tasks_and_the_stop_ends_the_roster(
    policy, clerk, checker, cdpf, approver, county_caseworker
):
    from minzheng.core.services.registry import record_death

    household, person = disabled_person()
    in_dibao(county_caseworker, household)
    certify(cdpf, person, grade="二级", number="C1")
    a = app.decide(
        approver, _to_decision(clerk, checker, cdpf, person), approved=True, decided_on=date(2026, 3, 25)
    )
    certify(cdpf, person, grade="一级", number="C1")
    assert ChangeTask.objects.filter(kind="grade_changed", application=a).count() == 1
    record_death(county_caseworker, person, death_date=date(2026, 5, 20))
    changes.consume_registry_changes(date(2026, 5, 21))
    changes.consume_registry_changes(date(2026, 5, 21))
    assert ChangeTask.objects.filter(kind="death", application=a).count() == 1
    app.stop(approver, a, last_month=date(2026, 5, 1), reason="死亡")
    assert _lines(county_caseworker, "disability_living", date(2026, 5, 1))
    assert not _lines(county_caseworker, "disability_living", date(2026, 6, 1))
    with pytest.raises(DisabilityConflict):
        app.stop(approver, a, last_month=date(2026, 5, 1), reason="死亡")


def test_leaving_dibao_raises_one_task_per_month(policy, clerk, checker, cdpf, approver, county_caseworker):
    from minzheng.assistance.interface import end_decided_elsewhere, enrolments_in_force  # noqa: F401
    from minzheng.assistance.models import Enrolment
    from minzheng.assistance.services.enrolments import stop_enrolment

    household, person = disabled_person()
    in_dibao(county_caseworker, household)
    certify(cdpf, person)
    app.decide(
        approver, _to_decision(clerk, checker, cdpf, person), approved=True, decided_on=date(2026, 3, 25)
    )
    assert changes.sweep(date(2026, 4, 10)) == 0
    dibao = Enrolment.objects.get(household=household, program__code="dibao_urban")
    stop_enrolment(approver, dibao, last_month=date(2026, 5, 1), reason="收入超标")
    assert changes.sweep(date(2026, 6, 10)) == 1
    changes.sweep(date(2026, 6, 11))
    task = ChangeTask.objects.get(kind="left_dibao")
    assert "退出低保" in task.detail
    with pytest.raises(PermissionDenied):
        changes.complete_task(approver, task, outcome="已报停", done_on=date(2026, 6, 12))
    assert changes.complete_task(clerk, task, outcome="已报县民政停发", done_on=date(2026, 6, 12)).done_on


def test_yearly_review_finds_eligible_not_receiving_as_outreach(policy, cdpf, divisions):
    _, person = disabled_person()
    certify(cdpf, person, grade="一级")
    assert changes.yearly_review(date(2027, 1, 5)) == 1
    assert changes.yearly_review(date(2027, 1, 5)) == 1  # same key: still one task
    task = ChangeTask.objects.get()
    assert task.kind == "outreach" and "重度残疾人护理补贴" in task.detail


def test_interface_reports_who_is_paid_in_a_month(policy, clerk, checker, cdpf, approver):
    from minzheng.disability.interface import coverage, receiving_person_ids

    _, person = disabled_person()
    certify(cdpf, person, grade="一级")
    a = _to_decision(clerk, checker, cdpf, person, kind="care")
    app.decide(approver, a, approved=True, decided_on=date(2026, 3, 25))
    assert receiving_person_ids([person.pk], date(2026, 2, 1)) == {}
    assert receiving_person_ids([person.pk], date(2026, 3, 15)) == {person.pk: {"care"}}
    assert coverage("210602000000", date(2026, 3, 31)).eligible == 1
