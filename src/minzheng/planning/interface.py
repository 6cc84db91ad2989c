"""规划监测 and 民政报表's published interface: the only module other apps may import (tests/architecture/test_boundaries.py).

The shell's home page reads a leader's plan status at a glance here (issue 17, ADR 0021): the shell sits
above planning in the layers. Planning reads the domains through their indicator_sources modules (found by
autodiscovery). Add a function or a frozen dataclass here when another app needs one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.urls import reverse

from minzheng.core.jurisdiction import covers, division_prefix

from . import attainment
from .selectors import visible_plans

__all__ = ["PlanGlance", "PlanProjectInfo", "plan_glance", "plan_projects"]


@dataclass(frozen=True)
class PlanGlance:
    """规划执行情况 at a glance: one plan's indicators by status for a division and year."""

    plan_title: str
    division_code: str
    year: int
    achieved: int  # 达标
    normal: int  # 进度正常
    lagging: int  # 滞后
    warning: int  # 预警
    unknown: int  # 无法评估 and 未绑定
    cockpit_url: str


def plan_glance(user, today: date | None = None) -> PlanGlance | None:
    """The plan the user's division carries out — its own, else the nearest plan above it — monitored for
    the user's division in the current year of the plan; ``None`` when no plan covers the division."""
    code = user.division_code
    plans = [plan for plan in visible_plans(user) if covers(plan.division_code, code)]
    if not plans:
        return None
    plan = max(plans, key=lambda p: (len(division_prefix(p.division_code)), p.period_end, p.pk))
    year = attainment.default_year(plan, today)
    progress = attainment.plan_progress(plan, year, code)
    counts = attainment.status_counts(progress)
    url = f"{reverse('planning:cockpit', args=[plan.pk])}?year={year}"
    if code != plan.division_code:
        url += f"&division={code}"
    return PlanGlance(
        plan.title, code, year, counts["achieved"], counts["normal"], counts["lagging"], counts["warning"],
        counts["unknown"] + counts["unbound"], url,
    )  # fmt: skip


@dataclass(frozen=True)
class PlanProjectInfo:
    """A plan's 重大项目 as imported (name, place, investment with its unit, period as written), for 资金项目监督."""

    project_id: int
    plan_title: str
    division_code: str
    name: str
    location: str
    investment: Decimal | None
    investment_unit: str
    deadline: str
    period_start: int
    period_end: int


def plan_projects(user) -> list[PlanProjectInfo]:
    """The 重大项目 of the plans the user sees (their division, its ancestors and jurisdiction), in plan order."""
    from .models import PlanProject

    rows = PlanProject.objects.filter(plan__in=visible_plans(user)).order_by(
        "plan__division_code", "plan_id", "order"
    )
    return [
        PlanProjectInfo(
            p.pk,
            p.plan.title,
            p.plan.division_code,
            p.name,
            p.location,
            p.investment,
            p.investment_unit,
            p.deadline,
            p.plan.period_start,
            p.plan.period_end,
        )
        for p in rows.select_related("plan")
    ]
