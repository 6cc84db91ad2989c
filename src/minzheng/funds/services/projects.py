"""项目 writes: the plans' 重大项目 taken over (read through ``planning.interface``), 公益金 projects, monthly
progress (one a month, % never going back), performance indicators."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.jurisdiction import covers, parse_division_code
from minzheng.core.money import TOTAL_MAX, check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.planning.interface import plan_projects

from ..errors import InvalidFundInput
from ..models import Project, ProjectProgress, ProjectSource

_UNITS = {"万元": Decimal(10000), "亿元": Decimal(100000000), "元": Decimal(1)}


def take_over_plan_projects(user, *, category: str = "community") -> int:
    """The 重大项目 of the plans the user sees that are not yet projects here: budget from the investment (万元 →
    元; none stated → 0), period from the plan's years. Returns how many were taken over."""
    require(user, Capability.MANAGE_FUNDS)
    known = set(
        Project.objects.filter(plan_project_id__isnull=False).values_list("plan_project_id", flat=True)
    )
    new = []
    for p in plan_projects(user):
        if p.project_id in known or not covers(user.division_code, p.division_code):
            continue
        factor = _UNITS.get(p.investment_unit, Decimal(10000))
        budget = (p.investment * factor).quantize(Decimal("0.01")) if p.investment else Decimal("0.00")
        new.append(
            Project(
                source=ProjectSource.PLAN, plan_project_id=p.project_id, name=p.name[:300], category=category,
                division_code=p.division_code, budget=min(budget, TOTAL_MAX), starts_on=date(p.period_start, 1, 1),
                ends_on=date(p.period_end, 12, 31), created_by=user,
            )
        )  # fmt: skip
    with transaction.atomic():
        Project.objects.bulk_create(new)
        record_event(user, "funds.plan_projects", object_type="project",
                     summary=f"接收规划重大项目 {len(new)} 个")  # fmt: skip
    return len(new)


def create_lottery_project(user, *, name: str, category: str, division_code: str, budget, starts_on: date,
                           ends_on: date, fund=None, owner: str = "") -> Project:  # fmt: skip
    require(user, Capability.MANAGE_FUNDS)
    code = parse_division_code(division_code, label="实施区划")
    if not code or not covers(user.division_code, code):
        raise InvalidFundInput("实施区划不在您的管辖范围内", field="division_code")
    if ends_on < starts_on:
        raise InvalidFundInput("完成期限不能早于开始日期", field="ends_on")
    amount = check_money(budget, field="budget", label="预算", maximum=TOTAL_MAX, error=InvalidFundInput)
    with transaction.atomic():
        project = Project.objects.create(
            source=ProjectSource.LOTTERY, name=name, category=category, division_code=code, budget=amount,
            starts_on=starts_on, ends_on=ends_on, fund=fund, owner=owner, created_by=user,
        )  # fmt: skip
        record_event(user, "funds.project_new", object_type="project", object_id=project.pk,
                     division_code=code, summary=f"新建公益金项目 {name}")  # fmt: skip
    return project


def record_progress(
    user, project: Project, *, month: date, percent: int, spent, note: str = ""
) -> ProjectProgress:
    """月度进展: refused in Chinese when the progress goes back or the money spent exceeds the budget."""
    require(user, Capability.MANAGE_FUNDS)
    amount = check_money(spent, field="spent", label="累计支出", maximum=TOTAL_MAX, error=InvalidFundInput)
    if not 0 <= percent <= 100:
        raise InvalidFundInput("形象进度应在0至100之间", field="percent")
    if amount > project.budget:
        raise InvalidFundInput(
            f"累计支出 {amount:,.2f} 元超出项目预算 {project.budget:,.2f} 元", field="spent"
        )
    month = month.replace(day=1)
    earlier = project.progress.filter(month__lt=month).order_by("-month").first()
    if earlier and percent < earlier.percent:
        raise InvalidFundInput(f"形象进度不能低于{earlier.month:%Y-%m}的{earlier.percent}%", field="percent")
    with transaction.atomic():
        row, _ = ProjectProgress.objects.update_or_create(
            project=project, month=month, defaults={"percent": percent, "spent": amount, "note": note}
        )
        record_event(user, "funds.progress", object_type="project", object_id=project.pk,
                     division_code=project.division_code, summary=f"{project} {month:%Y-%m} 进度{percent}%")  # fmt: skip
    return row
