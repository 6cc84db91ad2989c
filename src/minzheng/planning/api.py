"""REST endpoints of the 规划监测 domain (added to the one NinjaAPI in minzheng/api.py).

Same scope as the pages: plans of the user's division, the divisions above it and its jurisdiction; any
other plan is a 404.
"""

from datetime import datetime
from decimal import Decimal

from ninja import Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from . import selectors

router = Router(tags=["规划监测"])


class PlanOut(Schema):
    id: int
    title: str
    status: str
    level: str
    region_name: str
    division_code: str
    parent_id: int | None
    period_start: int
    period_end: int
    source_name: str
    imported_at: datetime
    indicator_count: int = 0
    text_target_count: int = 0
    task_count: int = 0
    project_count: int = 0

    @staticmethod
    def resolve_indicator_count(obj):
        return getattr(obj, "indicator_count", None) or 0

    @staticmethod
    def resolve_text_target_count(obj):
        return getattr(obj, "text_target_count", None) or 0

    @staticmethod
    def resolve_task_count(obj):
        return getattr(obj, "task_count", None) or 0

    @staticmethod
    def resolve_project_count(obj):
        return getattr(obj, "project_count", None) or 0


class IndicatorOut(Schema):
    no: int | None
    name: str
    unit: str
    target: str
    comparison: str
    target_value: Decimal | None
    attribute: str
    baseline: str
    source: str
    source_table: str
    quote: str
    year: str


class PlanDetailOut(PlanOut):
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_indicators(obj):
        return list(selectors.plan_indicators(obj))


class PlanQuery(Schema):
    q: str = ""
    level: str = ""


@router.get("/plans", response=list[PlanOut], summary="规划列表（本级、上级及辖区内）")
@paginate(LimitOffsetPagination)
def list_plans(request, filters: Query[PlanQuery]):
    return selectors.plan_list(request.user, selectors.PlanFilter(q=filters.q, level=filters.level))


@router.get("/plans/{plan_id}", response=PlanDetailOut, summary="规划详情（含主要指标和正文量化目标）")
def get_plan(request, plan_id: int):
    return selectors.plan_summary(request.user, plan_id)
