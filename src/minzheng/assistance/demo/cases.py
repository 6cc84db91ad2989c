"""Demo cases at every workflow stage for the demo users of 元宝区 / 七道街道, made through the services
(so each has its history, deadlines and maker-checker as real work would): some on time, some overdue."""

from datetime import date, timedelta
from decimal import Decimal

from minzheng.core.models import User

from ..models import CaseSource
from ..services import case_records, decisions, workflow
from ..services.cases import open_case

# (program, stage to reach, how many working weeks ago it was applied — older ones are overdue)
PLAN = [
    ("dibao_urban", "applied", 0),
    ("dibao_urban", "materials_pending", 1),
    ("dibao_rural", "accepted", 1),
    ("dibao_urban", "verifying", 2),
    ("dibao_urban", "investigating", 2),
    ("dibao_urban", "investigating", 9),
    ("tekun_dispersed", "township_review", 2),
    ("dibao_urban", "township_review", 8),
    ("dibao_urban", "publicity", 2),
    ("dibao_urban", "approval", 3),
    ("dibao_urban", "approval", 10),
    ("dibao_urban", "approved", 4),
    ("dibao_urban", "rejected", 4),
    ("dibao_urban", "withdrawn", 1),
    ("temporary_emergency", "applied", 0),
    ("dibao_urban", "monitoring", 0),
]
ORDER = [
    "applied",
    "accepted",
    "verifying",
    "investigating",
    "township_review",
    "publicity",
    "approval",
    "approved",
]


def _users() -> dict[str, User]:
    names = ["county_caseworker", "township_reviewer", "county_approver"]
    return {u.username: u for u in User.objects.filter(username__in=names)}


def _walk(users, case, target: str, start: date, income: Decimal) -> None:
    caseworker, reviewer, approver = (
        users["county_caseworker"],
        users["township_reviewer"],
        users["county_approver"],
    )
    if target == "materials_pending":
        workflow.request_materials(
            caseworker, case.pk, missing=["家庭收入和财产状况声明", "家庭经济状况核对授权书"]
        )
        return
    if target == "withdrawn":
        workflow.withdraw(caseworker, case.pk, reason="申请人家庭收入增加，主动撤回申请")
        return
    goal = ORDER.index("township_review") if target == "rejected" else ORDER.index(target)
    day = start
    for step in ORDER[1 : goal + 1]:
        day += timedelta(days=2)
        if step == "accepted":
            workflow.accept(caseworker, case.pk, on=day)
        elif step == "verifying":
            workflow.start_verification(caseworker, case.pk, on=day)
        elif step == "investigating":
            case.refresh_from_db()
            if case.status == "verifying":
                workflow.record_verification_by_hand(
                    caseworker, case.pk, per_capita_income=income, per_capita_assets=Decimal(3000),
                    note="演示数据：部门数据未覆盖，经入户核实工资条、养老金存折",
                )  # fmt: skip
        elif step == "township_review":
            case_records.record_visit(
                caseworker, case.pk, visited_on=day, investigators="王丽、赵强", living_conditions="租住老旧楼房，家具简陋",
                findings="家庭成员无稳定收入，情况属实", unable_activities=["洗澡", "如厕"] if case.program.code.startswith("tekun") else [],
            )  # fmt: skip
            workflow.submit_investigation(caseworker, case.pk)
        elif step == "publicity":
            workflow.township_review(reviewer, case.pk, decision="approve", reason="经审核符合条件", on=day)
        elif step == "approval":
            workflow.end_publicity(reviewer, case.pk, on=day + timedelta(days=8))
            day += timedelta(days=8)
        elif step == "approved":
            decisions.decide(approver, case.pk, decision="approve", reason="符合条件", on=day)
    if target == "rejected":
        workflow.township_review(
            reviewer, case.pk, decision="reject", reason="家庭人均收入高于当地低保标准", on=day
        )


def cases_at_every_stage(households, today: date) -> int:
    users = _users()
    if len(users) < 3:
        return 0
    made = 0
    for (program, target, weeks), household in zip(PLAN, households, strict=False):
        start = today - timedelta(
            days=7 * weeks + 14 if target in ("approved", "approval", "publicity") else 7 * weeks
        )
        if target == "approved":
            start = today - timedelta(days=40)
        source, prefill = CaseSource.SELF, {}
        if target == "monitoring":
            source = CaseSource.MONITORING
            prefill = {
                "预警类型": "大病支出",
                "预警依据": "医保结算：近3个月自付医疗费用 23,400 元",
                "预警编号": "YJ-DEMO-0001",
            }
        case = open_case(
            users["county_caseworker"], household_id=household.pk, program_code=program, source=source,
            applied_on=start, reason="家庭成员患病，无稳定收入（演示数据）", prefill=prefill,
            source_reference=prefill.get("预警编号", ""),
        )  # fmt: skip
        if target not in ("applied", "monitoring"):
            _walk(users, case, target, start, Decimal(150 + 20 * made))
        made += 1
    return made
