"""The missing rules in casework: 共同生活家庭成员 exclusions with a recorded override (民发〔2021〕57号 第七条),
低保边缘 conditions, the exempt-income list (第十三条) on hand entry, a member's share after 3 refused job
offers (《社会救助暂行办法》第四十五条), the review after a member's death, 特困 re-assessment in 10 working days."""

from datetime import date
from decimal import Decimal

import pytest

from minzheng.assistance.models import AssistanceCase, Enrolment, WorkTask
from minzheng.assistance.services import workflow
from minzheng.assistance.services.case_benefits import compute_case_benefit
from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.dynamic import consume_registry_changes
from minzheng.assistance.services.eligibility_facts import record_job_refusals, record_member_exclusions
from minzheng.assistance.services.seed import load_assistance_policy
from minzheng.assistance.services.tekun_care import report_self_care_change
from minzheng.core.services import registry
from tests.monitoring.helpers import enrol

from .casework import approved_case, desks, dibao_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    load_assistance_policy()


def _other_member(household):
    return household.memberships.exclude(person=household.head).order_by("pk").first().person


def test_member_serving_a_sentence_is_left_out_and_an_override_is_recorded_art7(policy, household):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="investigating", income="300.00")
    prisoner = _other_member(household)
    record_member_exclusions(caseworker, case.pk, statuses={prisoner.pk: {"reason": "在监狱内服刑"}})
    case.refresh_from_db()
    benefit = compute_case_benefit(case, date(2026, 3, 10))
    assert benefit.persons == 2 and benefit.amount == Decimal("726.00")  # (663 − 300) × 2
    record_member_exclusions(
        caseworker, case.pk, statuses={prisoner.pk: {"reason": "在监狱内服刑"}},
        overrides={prisoner.pk: {"counted": True, "reason": "已刑满释放，回家共同生活"}},
    )  # fmt: skip
    case.refresh_from_db()
    assert compute_case_benefit(case, date(2026, 3, 10)).persons == 3
    event = case.events.filter(action="record_member_exclusions").last()
    assert event.details["member_overrides"][str(prisoner.pk)]["reason"] == "已刑满释放，回家共同生活"


def test_dibao_edge_household_that_meets_dibao_is_not_edge(policy, household):
    caseworker, _, _ = desks()
    case = open_case(
        caseworker, household_id=household.pk, program_code="dibao_edge", applied_on=date(2026, 3, 2)
    )
    AssistanceCase.objects.filter(pk=case.pk).update(
        per_capita_income=Decimal("600"), per_capita_assets=Decimal("0")
    )
    case.refresh_from_db()
    line = next(
        r
        for r in compute_case_benefit(case, date(2026, 3, 10)).eligibility
        if r.label.startswith("不符合低保")
    )
    assert line.met is False
    AssistanceCase.objects.filter(pk=case.pk).update(per_capita_income=Decimal("800"))
    case.refresh_from_db()
    benefit = compute_case_benefit(case, date(2026, 3, 10))
    assert all(r.met for r in benefit.eligibility) and benefit.eligible is True


def test_exempt_income_items_are_not_counted_on_hand_entry_art13(policy, household):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="accepted")
    workflow.start_verification(caseworker, case.pk, on=date(2026, 3, 4))
    case.refresh_from_db()
    assert case.status == "verifying"  # no department data in this test: entered by hand
    workflow.record_verification_by_hand(
        caseworker, case.pk, per_capita_assets=Decimal(0), note="入户核实",
        income_items=[("工资性收入", Decimal("900")), ("城乡居民基本养老保险基础养老金", Decimal("150")),
                      ("优待抚恤金", Decimal("300"))],
    )  # fmt: skip
    case.refresh_from_db()
    assert case.per_capita_income == Decimal("300.00")  # 900 ÷ 3: the 基础养老金 and 优抚 are exempt


def test_member_who_refused_three_job_offers_loses_their_share_art45(policy, household):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="investigating", income="300.00")
    record_job_refusals(caseworker, case.pk, refusals={_other_member(household).pk: 3})
    case.refresh_from_db()
    assert compute_case_benefit(case, date(2026, 3, 10)).amount == Decimal("726.00")  # 1089 × 2 ÷ 3
    record_job_refusals(caseworker, case.pk, refusals={_other_member(household).pk: 2})
    case.refresh_from_db()
    assert compute_case_benefit(case, date(2026, 3, 10)).amount == Decimal("1089.00")


def test_a_members_death_brings_the_review_within_three_months(policy, household):
    caseworker, reviewer, approver = desks()
    approved_case(caseworker, reviewer, approver, household, income="300.00")
    registry.record_death(caseworker, _other_member(household), death_date=date(2026, 5, 20), reason="病故")
    consume_registry_changes(today=date(2026, 5, 25))
    enrolment = Enrolment.objects.get(household=household)
    assert enrolment.next_review_on == date(2026, 8, 20)
    assert "复核家庭经济状况" in WorkTask.objects.get(kind=WorkTask.REGISTRY).detail


def test_tekun_self_care_change_is_reassessed_within_ten_working_days(policy, household):
    caseworker, _, _ = desks()
    enrolment = enrol(caseworker, household, "tekun_dispersed", date(2025, 1, 1))
    task = report_self_care_change(caseworker, enrolment.pk, reported_on=date(2026, 9, 29), note="中风后卧床")
    # 29 Sept + 10 working days over 国庆 2026 (1–7 Oct off, 10 Oct a working Saturday).
    assert task.kind == WorkTask.REASSESSMENT and task.due_on == date(2026, 10, 19)


def test_household_facts_form_records_an_exclusion_and_its_override_art7(policy, household, client):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="investigating", income="300.00")
    member = _other_member(household)
    client.force_login(caseworker)
    assert "共同生活家庭成员认定" in client.get(f"/assistance/cases/{case.pk}/").content.decode()
    client.post(
        f"/assistance/cases/{case.pk}/act/",
        {"action": "record_household_facts", "members-TOTAL_FORMS": "1", "members-INITIAL_FORMS": "1",
         "members-0-person": str(member.pk), "members-0-status": "宣告失踪", "members-0-years": "3",
         "members-0-override": "1", "members-0-override_reason": "已撤销失踪宣告", "members-0-refusals": "1"},
    )  # fmt: skip
    case.refresh_from_db()
    facts = case.eligibility_facts
    assert facts["member_status"][str(member.pk)] == {"reason": "宣告失踪", "years": 3}
    assert facts["member_overrides"][str(member.pk)] == {"counted": True, "reason": "已撤销失踪宣告"}
    assert facts["job_refusals"] == {str(member.pk): 1}


def _posted_facts(client, case, row: dict):
    fields = {"action": "record_household_facts", "members-TOTAL_FORMS": "2", "members-INITIAL_FORMS": "2"}
    fields.update({k if isinstance(k, str) else f"members-{k[0]}-{k[1]}": v for k, v in row.items()})
    response = client.post(f"/assistance/cases/{case.pk}/act/", fields, follow=True)
    assert response.status_code == 200
    return [str(m) for m in response.context["messages"]]


def test_household_facts_grid_refuses_bad_rows_naming_the_member_and_field(policy, household, client):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="investigating", income="300.00")
    head, member = household.head, _other_member(household)
    client.force_login(caseworker)
    page = client.get(f"/assistance/cases/{case.pk}/").content.decode()
    assert 'name="members-TOTAL_FORMS"' in page and f'name="members-0-person" value="{head.pk}"' in page
    people = {(0, "person"): str(head.pk), (1, "person"): str(member.pk)}
    shown = _posted_facts(client, case, people | {(1, "status"): "宣告失踪", (1, "years"): "三年"})
    assert shown == [f"第2行（{member.name}） · 年数须为整数"]
    shown = _posted_facts(client, case, people | {(0, "override"): "0", (1, "refusals"): "-1"})
    assert shown == [
        f"第1行（{head.name}） · 请填写更正理由；第2行（{member.name}） · 拒绝介绍工作次数不能小于0"
    ]
    assert "不计入情形的选项无效" in _posted_facts(client, case, people | {(0, "status"): "出国"})[0]
    tampered = _posted_facts(client, case, {(0, "person"): "abc", (1, "person"): str(member.pk)})
    assert tampered == ["第1行 · 成员须为整数"]
    extra_row = {"members-INITIAL_FORMS": "1", (0, "person"): str(head.pk), (1, "years"): ""}
    assert _posted_facts(client, case, extra_row) == ["共同生活家庭成员认定已保存"]
    missing = client.post(
        f"/assistance/cases/{case.pk}/act/", {"action": "record_household_facts"}, follow=True
    )
    assert [str(m) for m in missing.context["messages"]] == ["表格数据不完整，请刷新页面后重新提交"]
    case.refresh_from_db()
    assert not (case.eligibility_facts or {}).get("member_status")


def test_enrolment_page_reports_a_self_care_change_for_tekun(policy, household, client):
    caseworker, _, _ = desks()
    enrolment = enrol(caseworker, household, "tekun_dispersed", date(2025, 1, 1))
    client.force_login(caseworker)
    assert "生活自理能力变化报告" in client.get(f"/assistance/enrolments/{enrolment.pk}/").content.decode()
    client.post(
        f"/assistance/enrolments/{enrolment.pk}/reassessment/",
        {"reported_on": "2026-03-02", "note": "跌倒骨折"},
    )
    assert WorkTask.objects.filter(kind=WorkTask.REASSESSMENT, enrolment=enrolment).exists()


def test_hand_entry_form_takes_income_items_and_leaves_out_exempt_ones_art13(policy, household, client):
    caseworker, _, _ = desks()
    case = dibao_case(caseworker, household, until="accepted")
    workflow.start_verification(caseworker, case.pk, on=date(2026, 3, 4))
    client.force_login(caseworker)
    assert "城乡居民基本养老保险基础养老金" in client.get(f"/assistance/cases/{case.pk}/").content.decode()
    client.post(
        f"/assistance/cases/{case.pk}/act/",
        {"action": "record_verification", "per_capita_assets": "0", "note": "工资条、存折",
         "income_kind": ["工资性收入", "奖学金、助学金", ""], "income_amount": ["1000", "500", ""]},
    )  # fmt: skip
    case.refresh_from_db()
    assert (case.household_monthly_income, case.per_capita_income) == (Decimal("1000.00"), Decimal("333.33"))
    assert compute_case_benefit(case, date(2026, 3, 10)).amount == Decimal("989.00")
