"""演示数据, second part: a 双随机 round with hazards, credit and incidents (through the services, so deadlines
are counted in working days and every step is audited), and 适老化改造 cases against the plan's target."""

from datetime import date, timedelta
from decimal import Decimal

from minzheng.core.models import Household, HouseholdMembership

from ..models import HardshipElder, Institution, RetrofitCase, RetrofitTarget
from ..services import credit, supervision

DEMO_CITY = "2106"


def supervision_demo(demo, institutions: list[Institution], today: date) -> int:
    """A 双随机 round this spring through the services: hazards found, rectified, re-checked — some overdue."""
    rng, inspector, caseworker = demo.rng, demo.users["city_reviewer"], demo.users["city_caseworker"]
    spring = date(today.year, 4, 15) if today >= date(today.year, 6, 1) else date(today.year - 1, 4, 15)
    round_ = supervision.draw_round(
        inspector,
        title=f"{spring.year}年养老机构双随机抽查",
        planned_on=spring,
        share_percent=20,
        team_size=2,
        seed=int(spring.strftime("%Y%m%d")),
    )
    count = 0
    for inspection in round_.inspections.all():
        team = list(inspection.inspectors.order_by("id"))
        finder, closer = team[0], team[-1]
        found_on = spring + timedelta(days=rng.randint(0, 40))
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            category = rng.choice(["fire", "fall", "food", "building", "medication", "wandering"])
            hazard = supervision.record_hazard(
                finder,
                inspection,
                category=category,
                severity=rng.choices(["general", "major"], [5, 1])[0],
                description=_HAZARDS[category],
                evidence=f"现场照片 IMG_{rng.randint(1000, 9999)}",
                found_on=found_on,
            )
            count += 1
            fate = rng.random()
            if fate < 0.75:
                done = min(hazard.deadline - timedelta(days=rng.randint(0, 10)), today)
                supervision.report_rectification(
                    caseworker,
                    hazard,
                    rectified_on=max(done, found_on),
                    note="已按整改通知完成整改",
                    evidence="整改前后照片",
                )
                if fate < 0.65:
                    supervision.recheck_hazard(
                        closer,
                        hazard,
                        passed=True,
                        on=min(max(done, found_on) + timedelta(days=3), today),
                        note="复查合格",
                    )
        supervision.complete_inspection(
            finder,
            inspection,
            inspected_on=found_on,
            conclusion="已检查，发现问题已下达整改通知" if inspection.hazards.exists() else "未发现问题",
        )
    bad = rng.choice(institutions)
    credit.record_credit(
        inspector,
        bad,
        kind="bad",
        reason="重大火灾隐患逾期未整改",
        basis=f"丹民罚决字〔{spring.year}〕第3号",
        recorded_on=spring + timedelta(days=60),
        blacklist_months=12,
    )
    for institution in rng.sample(institutions, min(8, len(institutions))):
        incident = credit.report_incident(
            caseworker,
            institution,
            kind=rng.choice(["fall", "fall", "choking", "wandering", "food"]),
            occurred_on=today - timedelta(days=rng.randint(5, 200)),
            description="老人在院内发生意外，已送医并通知家属",
            persons_affected=1,
        )
        if rng.random() < 0.6:
            credit.handle_incident(
                inspector, incident, handling="已调取监控、约谈负责人，督促完善防护措施", close=True, on=today
            )
    return count


_HAZARDS = {
    "fire": "消防通道堆放杂物，部分灭火器压力不足",
    "fall": "卫生间未安装扶手，地面湿滑无防滑措施",
    "food": "食品留样记录不全，未满48小时",
    "building": "楼梯扶手松动",
    "medication": "药品未分人分格存放",
    "wandering": "认知障碍老人区域出入口未设门禁",
}


def retrofit_demo(demo, today: date, creator) -> int:
    """十四五: 1,500 特殊困难家庭 in Dandong — recorded as 300 a year (2021–2025) with the plan as source."""
    rng = demo.rng
    for year in range(2021, 2026):
        RetrofitTarget.objects.get_or_create(
            division_code=f"{DEMO_CITY}00000000",
            year=year,
            defaults={
                "households": 300,
                "source_note": "《丹东市民政事业发展第十四个五年规划》：支持1500户困难家庭实施适老化改造（按年均分解）",
            },
        )
    elder_ids = set(
        HardshipElder.objects.filter(division_code__startswith=DEMO_CITY).values_list("person_id", flat=True)
    )
    memberships = HouseholdMembership.objects.filter(
        person_id__in=elder_ids, valid_to__isnull=True
    ).values_list("household_id", "person_id")
    households = dict(
        Household.objects.filter(pk__in=[h for h, _ in memberships]).values_list(
            "pk", "residence_division_code"
        )
    )
    cases, seen = [], set()
    for household_id, person_id in memberships:
        if household_id in seen:
            continue
        seen.add(household_id)
        year = rng.choice([2024, 2025, today.year])
        applied = date(year, rng.randint(1, 10 if year < today.year else today.month), rng.randint(1, 28))
        if applied > today:
            applied = today
        stage = rng.random() if year == today.year else 0.95
        case = RetrofitCase(
            household_id=household_id,
            elder_id=person_id,
            division_code=households[household_id],
            year=year,
            applied_on=applied,
            created_by=creator,
            status="applied",
        )
        if stage > 0.2:
            case.assessed_on, case.status = min(applied + timedelta(days=10), today), "assessed"
            case.planned_items = sorted(
                rng.sample(
                    ["grab_bars", "anti_slip", "threshold", "toilet", "shower_chair", "night_light", "alarm"],
                    3,
                )
            )
            case.estimated_cost = Decimal(rng.choice([2400, 3000, 3500, 4200]))
        if stage > 0.4:
            case.contractor, case.works_done_on, case.status = (
                "丹东安居适老改造工程有限公司",
                min(applied + timedelta(days=40), today),
                "works_done",
            )
        if stage > 0.55:
            case.accepted_on, case.acceptance_note, case.status = (
                min(applied + timedelta(days=50), today),
                "验收合格",
                "accepted",
            )
        if stage > 0.7:
            case.subsidy_amount, case.subsidy_paid_on, case.status = (
                case.estimated_cost,
                min(applied + timedelta(days=70), today),
                "subsidised",
            )
        cases.append(case)
    RetrofitCase.objects.bulk_create(cases, batch_size=2000)
    return len(cases)
