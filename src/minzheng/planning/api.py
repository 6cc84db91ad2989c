"""REST endpoints of the 规划监测 domain (added to the one NinjaAPI in minzheng/api.py).

Same scope as the pages: plans of the user's division, the divisions above it and its jurisdiction; any
other plan is a 404.
"""

from datetime import datetime
from decimal import Decimal

from ninja import Query, Router, Schema
from ninja.pagination import paginate

from minzheng.core.api_types import DivisionCode, Year
from minzheng.core.paging import Paging

from . import attainment, selectors

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


class PlanIndicatorOut(Schema):
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
    indicators: list[PlanIndicatorOut]

    @staticmethod
    def resolve_indicators(obj):
        return list(selectors.plan_indicators(obj))


class PlanQuery(Schema):
    q: str = ""
    level: str = ""


@router.get("/plans", response=list[PlanOut], summary="规划列表（本级、上级及辖区内）")
@paginate(Paging)
def list_plans(request, filters: Query[PlanQuery]):
    return selectors.plan_list(request.user, selectors.PlanFilter(q=filters.q, level=filters.level))


@router.get("/plans/{plan_id}", response=PlanDetailOut, summary="规划详情（含主要指标和正文量化目标）")
def get_plan(request, plan_id: int):
    return selectors.plan_summary(request.user, plan_id)


class ProgressOut(Schema):
    """One plan indicator's monitoring figures for a division and year."""

    indicator_id: int
    no: int | None
    name: str
    unit: str
    attribute: str
    definition_code: str | None
    source_kind: str | None
    baseline_value: Decimal | None
    baseline_year: int | None
    target_comparison: str
    target_value: Decimal | None
    target_year: int | None
    actual: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    projected: Decimal | None
    completion: Decimal | None
    status: str
    status_label: str
    note: str
    drilldown_url: str


class ProgressQuery(Schema):
    year: Year | None = None
    division: DivisionCode = ""


def _progress_out(item) -> ProgressOut:
    binding, actual, progress = item.binding, item.actual, item.progress
    return ProgressOut(
        indicator_id=item.row.pk,
        no=item.row.no,
        name=item.row.name,
        unit=item.row.unit,
        attribute=item.row.attribute,
        definition_code=binding.definition.code if binding else None,
        source_kind=binding.definition.source_kind if binding else None,
        # The baseline the status was judged against (stated, plan table, or the baseline year's figure).
        baseline_value=item.baseline_value,
        baseline_year=item.baseline_year,
        target_comparison=binding.target_comparison if binding else "",
        target_value=binding.target_value if binding else None,
        target_year=binding.target_year if binding else None,
        actual=actual.value if actual else None,
        numerator=actual.numerator if actual else None,
        denominator=actual.denominator if actual else None,
        projected=item.projected,
        completion=progress.completion if progress else None,
        status=item.status,
        status_label=item.status_label,
        note=(progress.reason if progress else "") + (f"；{actual.note}" if actual and actual.note else ""),
        drilldown_url=actual.drilldown_url if actual else "",
    )


@router.get(
    "/plans/{plan_id}/progress", response=list[ProgressOut], summary="规划指标监测（实际值、预测、状态）"
)
def plan_progress(request, plan_id: int, query: Query[ProgressQuery]):
    plan = selectors.plan_detail(request.user, plan_id)
    year = query.year or attainment.default_year(plan)
    division_code = selectors.division_in_view(request.user, plan, query.division)
    return [_progress_out(item) for item in attainment.plan_progress(plan, year, division_code)]
