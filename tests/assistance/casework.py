"""Shared steps for casework tests: users of 元宝区 at each desk, and a 低保 case walked to any stage."""

from datetime import date
from decimal import Decimal

from minzheng.assistance.services import case_records, decisions, workflow
from minzheng.assistance.services.cases import open_case
from tests.core.factories import make_user

APPLIED = date(2026, 3, 2)


def desks():
    """Caseworker and approver of the county, reviewer of 七道街道 (the township of the test household)."""
    return (
        make_user("caseworker", "210602000000", username="yb_jb"),
        make_user("reviewer", "210602002000", username="qd_sh"),
        make_user("approver", "210602000000", username="yb_sp"),
    )


def dibao_case(caseworker, household, *, until: str = "applied", income: str = "300.00"):
    """A 城市低保 application walked up to ``until`` (a status), with hand-entered figures."""
    case = open_case(
        caseworker, household_id=household.pk, program_code="dibao_urban", applied_on=APPLIED, reason="失业"
    )
    steps = ["accepted", "verifying", "investigating", "township_review"]
    if until == "applied":
        return case
    workflow.accept(caseworker, case.pk, on=date(2026, 3, 3))
    for status in steps[1:]:
        case.refresh_from_db()
        if case.status == until:
            return case
        if status == "verifying":
            workflow.start_verification(caseworker, case.pk, on=date(2026, 3, 4))
            case.refresh_from_db()
            if case.status == "verifying":
                workflow.record_verification_by_hand(
                    caseworker, case.pk, per_capita_income=Decimal(income), per_capita_assets=Decimal("1000"),
                    note="无部门数据，入户核实工资条",
                )  # fmt: skip
        elif status == "investigating":
            pass
        elif status == "township_review":
            case_records.record_visit(
                caseworker, case.pk, visited_on=date(2026, 3, 5), investigators="张三、李四",
                living_conditions="租住平房，无大件家电", findings="情况属实",
            )  # fmt: skip
            workflow.submit_investigation(caseworker, case.pk)
    case.refresh_from_db()
    return case


def approved_case(caseworker, reviewer, approver, household, **kwargs):
    case = dibao_case(caseworker, household, until="township_review", **kwargs)
    workflow.township_review(reviewer, case.pk, decision="approve", on=date(2026, 3, 9))
    workflow.end_publicity(reviewer, case.pk, on=date(2026, 3, 17))
    decisions.decide(approver, case.pk, decision="approve", on=date(2026, 3, 18))
    case.refresh_from_db()
    return case


def to_approval(caseworker, reviewer, case_id: int, *, findings: str = "情况属实") -> None:
    """From 入户调查 to 待审批: the visit, the township's agreement and a 公示 that ran its 7 days."""
    case_records.record_visit(
        caseworker, case_id, visited_on=date(2026, 3, 5), investigators="张三、李四", living_conditions="已核实",
        findings=findings,
    )  # fmt: skip
    workflow.submit_investigation(caseworker, case_id)
    workflow.township_review(reviewer, case_id, decision="approve", on=date(2026, 3, 9))
    workflow.end_publicity(reviewer, case_id, on=date(2026, 3, 17))
