"""Reads of the planning domain, scoped to what a user may see.

The one rule (written only here): a user sees the plans of their own division, of every division above it
(the plans theirs implements: a 丹东 user reads 辽宁's plan) and of every division inside their jurisdiction.
A plan outside that is a 404. Writing (分解落实) is narrower: only plans inside the jurisdiction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from minzheng.core.jurisdiction import covers, division_prefix, full_code, get_in_jurisdiction_or_404, scope

from .models import (
    EnteredValue,
    IndicatorDefinition,
    IndicatorSource,
    OutlineNode,
    Plan,
    PlanDraftUpload,
    PlanIndicator,
    PlanProject,
    PlanTask,
    ProjectProgress,
    StatusRule,
    TaskProgress,
    TaskStatus,
)

NOT_FOUND = "规划不存在或不在您的查看范围内"


def _ancestor_codes(prefix: str) -> list[str]:
    """Full codes of the country and every division above the one with this prefix."""
    return [full_code(prefix[:n]) for n in (0, 2, 4, 6, 9) if n < len(prefix)]


def visible_plans(user) -> QuerySet[Plan]:
    """Plans of the user's division, its ancestors and its jurisdiction; nothing without a division."""
    plans = Plan.objects.all()
    if user is None or not getattr(user, "is_authenticated", False) or not user.division_code:
        return plans.none()
    prefix = division_prefix(user.division_code)
    if not prefix:
        return plans
    return plans.filter(Q(division_code__startswith=prefix) | Q(division_code__in=_ancestor_codes(prefix)))


def can_edit_plan(user, plan: Plan) -> bool:
    """Inside the jurisdiction (not merely above it): the plans whose 分解落实 this user may record."""
    return covers(user.division_code, plan.division_code)


@dataclass(frozen=True)
class PlanFilter:
    q: str = ""
    level: str = ""


def _count(model, **condition) -> Subquery:
    rows = model.objects.filter(plan=OuterRef("pk"), **condition).order_by().values("plan")
    return Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField())


def plan_list(user, filters: PlanFilter | None = None) -> QuerySet[Plan]:
    """The plan list page and API: visible plans with their parent and part counts, in one query."""
    filters = filters or PlanFilter()
    plans = visible_plans(user).select_related("parent")
    if filters.q:
        plans = plans.filter(Q(title__contains=filters.q) | Q(region_name__contains=filters.q))
    if filters.level:
        plans = plans.filter(level=filters.level)
    return plans.annotate(
        indicator_count=_count(PlanIndicator, source=IndicatorSource.TABLE),
        text_target_count=_count(PlanIndicator, source=IndicatorSource.TEXT),
        task_count=_count(PlanTask),
        project_count=_count(PlanProject),
    ).order_by("division_code", "period_start", "pk")


def plan_detail(user, pk: int) -> Plan:
    try:
        return visible_plans(user).select_related("parent", "imported_by").get(pk=pk)
    except Plan.DoesNotExist:
        raise Http404(NOT_FOUND) from None


def plan_summary(user, pk: int) -> Plan:
    """One visible plan with the counts ``plan_list`` gives (404 when outside the user's view)."""
    try:
        return plan_list(user).get(pk=pk)
    except Plan.DoesNotExist:
        raise Http404(NOT_FOUND) from None


def child_plans(user, plan: Plan) -> list[Plan]:
    """The plans implementing this one that the user may see."""
    return list(visible_plans(user).filter(parent=plan).order_by("division_code"))


def plan_indicators(plan: Plan, source: str | None = None) -> QuerySet[PlanIndicator]:
    indicators = plan.indicators.order_by("order").select_related("binding__definition")
    return indicators.filter(source=source) if source else indicators


def plan_tasks(plan: Plan) -> QuerySet[PlanTask]:
    return plan.tasks.order_by("order")


def plan_projects(plan: Plan) -> QuerySet[PlanProject]:
    return plan.projects.order_by("order")


@dataclass
class OutlineEntry:
    node: OutlineNode
    children: list[OutlineEntry] = field(default_factory=list)


def plan_outline(plan: Plan) -> list[OutlineEntry]:
    """The outline as a tree, from one query."""
    entries = {node.pk: OutlineEntry(node) for node in plan.outline_nodes.order_by("order")}
    roots = []
    for entry in entries.values():
        parent = entries.get(entry.node.parent_id)
        (parent.children if parent else roots).append(entry)
    return roots


def editable_task(user, pk: int) -> PlanTask:
    """A task of a plan inside the user's jurisdiction (404 otherwise, including plans above it)."""
    task = PlanTask.objects.select_related("plan").filter(pk=pk, plan__in=visible_plans(user)).first()
    if task is None or not can_edit_plan(user, task.plan):
        raise Http404(NOT_FOUND)
    return task


def parent_choices(user) -> list[Plan]:
    """Plans a newly imported plan may implement: every plan the user sees."""
    return list(visible_plans(user).order_by("division_code", "period_start"))


def suggested_parent(user, division_code: str) -> Plan | None:
    """The visible plan of the closest higher division (浑南 → 沈阳's plan, or 辽宁's when 沈阳 has none)."""
    ancestors = _ancestor_codes(division_prefix(division_code))
    plans = visible_plans(user).filter(division_code__in=ancestors)
    return max(plans, key=lambda plan: len(division_prefix(plan.division_code)), default=None)


def plan_for_parent_choice(user, pk: str) -> Plan | None:
    """The parent plan picked on the review form (empty → none; not visible → 404)."""
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404(NOT_FOUND)
    return plan_detail(user, int(pk))


def my_upload(user, pk: int) -> PlanDraftUpload:
    """An upload waiting for review belongs to the person who uploaded it; anyone else gets 404."""
    upload = PlanDraftUpload.objects.filter(pk=pk, uploaded_by=user).select_related("plan").first()
    if upload is None:
        raise Http404("待审核的规划文件不存在")
    return upload


def my_recent_uploads(user, limit: int = 10) -> list[PlanDraftUpload]:
    return list(
        PlanDraftUpload.objects.filter(uploaded_by=user).select_related("plan").order_by("-pk")[:limit]
    )


def imported_plan_of(user, sha256: str) -> Plan | None:
    """The visible plan already imported from a file with this hash, if any."""
    return visible_plans(user).filter(source_sha256=sha256).first()


# ------------------------------------------------------------------------------------ indicators, monitoring


def indicator_definitions(q: str = "", source_kind: str = "") -> QuerySet[IndicatorDefinition]:
    """Definitions are the bureau's shared vocabulary (no records of any region): everyone reads them."""
    definitions = IndicatorDefinition.objects.annotate(binding_count=Count("bindings"))
    if q:
        definitions = definitions.filter(Q(name__contains=q) | Q(code__contains=q))
    if source_kind:
        definitions = definitions.filter(source_kind=source_kind)
    return definitions.order_by("source_kind", "code")


def indicator_definition(pk: int) -> IndicatorDefinition:
    definition = IndicatorDefinition.objects.filter(pk=pk).first()
    if definition is None:
        raise Http404("指标定义不存在")
    return definition


def entered_definitions() -> list[IndicatorDefinition]:
    return list(IndicatorDefinition.objects.filter(source_kind="entered", is_active=True).order_by("name"))


def visible_indicator_row(user, pk: int) -> PlanIndicator:
    """A plan indicator row of a plan the user may see (404 otherwise)."""
    row = (
        PlanIndicator.objects.select_related("plan", "binding__definition")
        .filter(pk=pk, plan__in=visible_plans(user))
        .first()
    )
    if row is None:
        raise Http404(NOT_FOUND)
    return row


def editable_indicator_row(user, pk: int) -> PlanIndicator:
    row = visible_indicator_row(user, pk)
    if not can_edit_plan(user, row.plan):
        raise Http404(NOT_FOUND)
    return row


@dataclass(frozen=True)
class EntryFilter:
    definition: str = ""
    division: str = ""
    period: str = ""
    status: str = ""


def entry_list(user, filters: EntryFilter) -> QuerySet[EnteredValue]:
    entries = scope(
        EnteredValue.objects.select_related("definition", "entered_by", "reviewed_by"),
        user,
        field="division_code",
    )
    if filters.definition.isdigit():
        entries = entries.filter(definition_id=int(filters.definition))
    if filters.division and division_prefix(filters.division):
        entries = entries.filter(division_code__startswith=division_prefix(filters.division))
    if filters.period:
        entries = entries.filter(period=filters.period)
    if filters.status:
        entries = entries.filter(status=filters.status)
    return entries.order_by("-entered_at", "-pk")


def entry_detail(user, pk: int) -> EnteredValue:
    return get_in_jurisdiction_or_404(
        EnteredValue.objects.select_related("definition", "entered_by"), user, field="division_code", pk=pk
    )


def status_rules(user) -> QuerySet[StatusRule]:
    """Rules that apply to the user: national, those of the divisions above, and those in the jurisdiction."""
    prefix = division_prefix(user.division_code)
    rules = StatusRule.objects.select_related("created_by")
    if prefix:
        rules = rules.filter(
            Q(division_code__startswith=prefix)
            | Q(division_code__in=[*_ancestor_codes(prefix), full_code("")])
        )
    return rules.order_by("division_code", "-effective_from")


def editable_project(user, pk: int) -> PlanProject:
    project = PlanProject.objects.select_related("plan").filter(pk=pk, plan__in=visible_plans(user)).first()
    if project is None or not can_edit_plan(user, project.plan):
        raise Http404(NOT_FOUND)
    return project


def task_progress(task: PlanTask) -> QuerySet[TaskProgress]:
    return task.progress.select_related("reported_by").order_by("-reported_on", "-pk")


def project_progress(project: PlanProject) -> QuerySet[ProjectProgress]:
    return project.progress.select_related("reported_by").order_by("-reported_on", "-pk")


def latest_project_progress(plan: Plan) -> dict[int, ProjectProgress]:
    latest: dict[int, ProjectProgress] = {}
    for progress in ProjectProgress.objects.filter(project__plan=plan).order_by(
        "project_id", "-reported_on", "-pk"
    ):
        latest.setdefault(progress.project_id, progress)
    return latest


def division_in_view(user, plan: Plan, division_code: str) -> str:
    """The division a monitoring page shows: the plan's own, or one inside both the plan and the user's
    jurisdiction; anything else is a 404."""
    if not division_code or division_code == plan.division_code:
        return plan.division_code
    if not (covers(plan.division_code, division_code) and covers(user.division_code, division_code)):
        raise Http404("区划不在您的查看范围内")
    return full_code(division_prefix(division_code))


@dataclass(frozen=True)
class WorkSummary:
    """重点任务 and 重大项目 of a plan at a glance, for the cockpit."""

    tasks_by_status: dict[str, int]
    task_count: int
    projects_reported: int
    project_count: int
    average_progress: int | None  # 形象进度, mean over projects with a report
    spent: Decimal  # 累计完成投资 (万元), latest report of each project
    lagging_projects: int

    @property
    def spent_text(self) -> str:
        return f"{self.spent:,.2f}"


def work_summary(plan: Plan) -> WorkSummary:
    statuses = dict(plan.tasks.order_by().values_list("status").annotate(n=Count("pk")))
    latest = latest_project_progress(plan)
    progress = [p.progress_percent for p in latest.values()]
    return WorkSummary(
        tasks_by_status={label: statuses.get(value, 0) for value, label in TaskStatus.choices},
        task_count=sum(statuses.values()),
        projects_reported=len(latest),
        project_count=plan.projects.count(),
        average_progress=round(sum(progress) / len(progress)) if progress else None,
        spent=sum((p.spent for p in latest.values()), Decimal(0)),
        lagging_projects=sum(1 for p in latest.values() if p.status == "lagging"),
    )
