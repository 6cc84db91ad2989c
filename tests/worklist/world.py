"""Open work of every domain for the 待办 tests, written straight into each domain's tables (fast: the
queue reads them, it does not care how they got there) — ``n`` items of each kind in 元宝区 and one of each in
振兴区 (another county), plus the users at each desk."""

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from minzheng.assistance.models import AssistanceCase, AssistanceProgram, WorkTask
from minzheng.core.models import User
from minzheng.eldercare.models import HardshipElder, Hazard, Inspection, VisitAssignment
from minzheng.eldercare.rules.visits import Month
from minzheng.monitoring.models import MonitoringRun, RiskRule, RiskWarning
from minzheng.payments.models import PayrollRoster
from tests.core.factories import HouseholdFactory, PersonFactory, make_user
from tests.eldercare.factories import make_institution

_numbers = itertools.count(1)
OVERDUE_ON = date(2026, 3, 10)  # before any real "today": these items are overdue


@dataclass
class Desks:
    caseworker: User  # 经办人 of 元宝区 (county)
    township_caseworker: User  # 经办人 of 七道街道
    reviewer: User  # 审核人 of 七道街道
    approver: User  # 审批人 of 元宝区
    outsider: User  # 经办人 of 振兴区


def desks() -> Desks:
    return Desks(
        make_user("caseworker", "210602000000", username="yb_jb"),
        make_user("caseworker", "210602002000", username="qd_jb"),
        make_user("reviewer", "210602002000", username="qd_sh"),
        make_user("approver", "210602000000", username="yb_sp"),
        make_user("caseworker", "210603000000", username="zx_jb"),
    )


def _case(household, maker, status: str, due: date | None) -> AssistanceCase:
    return AssistanceCase.objects.create(
        number=f"TEST{next(_numbers):08d}",
        program=AssistanceProgram.objects.get(code="dibao_urban"),
        household=household,
        division_code=household.residence_division_code,
        area="urban",
        source="self",
        status=status,
        applied_on=date(2026, 3, 2),
        created_by=maker,
        step_due_on=due,
    )


def _warning(run, rule, person, division: str, due: date) -> RiskWarning:
    n = next(_numbers)
    return RiskWarning.objects.create(
        number=f"YJTEST{n:08d}",
        warning_key=f"test/{n}",
        run=run,
        rule=rule,
        rule_code=rule.code,
        severity="high",
        household_key=f"K{n}",
        id_number=person.id_number,
        person_name=person.name,
        division_code=division,
        assigned_division_code=division[:9] + "000",
        event_date=date(2026, 3, 1),
        reason="测试预警",
        status="assigned",
        due_on=due,
    )


def _month() -> date:
    k = next(_numbers)  # a month of its own per roster (one roster per program, division and month)
    return date(1900 + (k // 12) % 500, k % 12 + 1, 1)


def populate(d: Desks, n: int = 1, *, today: date | None = None) -> dict[str, list]:
    """``n`` open items of each kind in 七道街道 of 元宝区 and one of each in 振兴区. Needs the assistance policy
    loaded (programs, parameters, holidays)."""
    today = today or timezone.localdate()
    made: dict[str, list] = {
        k: [] for k in ("case", "approval", "task", "roster", "warning", "hazard", "visit")
    }
    run = MonitoringRun.objects.create(kind="daily", until=today)
    rule, _ = RiskRule.objects.get_or_create(
        code="income_below_line", division_code="0" * 12, valid_from=date(2020, 1, 1),
        defaults={"severity": "high", "verify_days": 5},
    )  # fmt: skip
    institution = make_institution(d.caseworker, name=f"元宝区福寿养老院{next(_numbers)}")
    inspection = Inspection.objects.create(
        institution=institution, division_code=institution.division_code, planned_on=today
    )
    places = [("210602002001", d.caseworker, n), ("210603001001", d.outsider, 1)]
    for village, maker, count in places:
        for i in range(count):
            home = HouseholdFactory(village=village, size=1)
            due = OVERDUE_ON if i % 2 == 0 else today + timedelta(days=30)
            made["case"].append(_case(home, maker, "applied", due))
            made["approval"].append(_case(home, maker, "approval", due))
            made["task"].append(
                WorkTask.objects.create(
                    kind="review", household=home, division_code=village, title="定期复核", due_on=due
                )
            )
            made["roster"].append(
                PayrollRoster.objects.create(
                    program_code="dibao_urban",
                    program_name="城市低保",
                    division_code=village[:6] + "000000",
                    month=_month(),
                    status="submitted",
                    generation=1,
                    line_count=1,
                    household_count=1,
                    person_count=1,
                    generated_by=maker,
                    submitted_at=timezone.now(),
                )
            )
            made["warning"].append(_warning(run, rule, home.head, village, due))
            made["hazard"].append(
                Hazard.objects.create(
                    inspection=inspection,
                    institution=institution,
                    division_code=village,
                    category="fire",
                    severity="general",
                    description="疏散通道堆放杂物",
                    evidence="照片",
                    found_on=date(2026, 3, 1),
                    rectification_working_days=15,
                    deadline=due,
                    found_by=d.approver,
                )
            )
            elder = HardshipElder.objects.create(
                person=PersonFactory(village=village, name="王桂兰", male=False, birth=date(1940, 3, 1)),
                division_code=village, categories=["alone"], registered_on=date(2026, 1, 5),
            )  # fmt: skip
            made["visit"].append(
                VisitAssignment.objects.create(
                    elder=elder, month=Month.of(today).first_day, assigned_to=maker, division_code=village
                )
            )
    return made
