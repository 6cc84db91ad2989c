"""监测 pages for leaders: the plan cockpit (every indicator's status, subordinate divisions compared, ECharts),
one indicator's drill-down (trend, projection, divisions, the records behind each figure), the generated
reports (.docx / .pdf / .xlsx), and progress evidence of key projects."""

from datetime import date

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import child_names, division_name
from minzheng.web.kit.charts import linked, numbers, pie
from minzheng.web.kit.forms import act_then_redirect, posted_value

from .. import attainment, selectors, services
from ..exports import plan_reports
from ..forms import ProjectProgressForm
from ..models import ProjectStatus
from ..services import plan_report_jobs

NAV = {"active_nav": "planning"}


def _year(request, plan, params=None) -> int:
    try:
        year = int((request.GET if params is None else params).get("year", ""))
    except ValueError:
        return attainment.default_year(plan)
    return min(max(year, plan.period_start - 1), plan.period_end)


def _project_chart(history) -> dict:
    """形象进度 (%) as a line over 累计完成投资 (万元) as bars, oldest report first."""
    ordered = list(reversed(history))
    return {
        "tooltip": {"trigger": "axis"}, "legend": {"top": 0},
        "xAxis": {"type": "category", "data": [p.reported_on.isoformat() for p in ordered]},
        "yAxis": [{"type": "value", "name": "%", "max": 100}, {"type": "value", "name": "万元"}],
        "series": [{"name": "形象进度", "type": "line", "data": numbers(p.progress_percent for p in ordered)},
                   {"name": "累计完成投资", "type": "bar", "yAxisIndex": 1, "data": numbers(p.spent for p in ordered)}],
    }  # fmt: skip


def _chart_value(value):
    return None if value is None else float(round(value, 4))


_STATUS_COLOURS = ["#18864b", "#1f5fbf", "#b26a00", "#d93026", "#909399"]
_STATUS_LABELS = (("achieved", "达标"), ("normal", "进度正常"), ("lagging", "滞后"), ("warning", "预警"), ("unknown", "无法评估"))  # fmt: skip


def _cockpit_charts(progress, counts, year: int, division_code: str) -> dict:
    """The status ring and the completion bars; every bar is a computed figure and opens its drill-down."""
    shown = [p for p in progress if p.progress and p.progress.completion is not None]
    completion = [round(float(p.progress.completion) * 100, 1) for p in shown]
    links = [f"{reverse('planning:indicator_progress', args=[p.row.pk])}?year={year}&division={division_code}" for p in shown]  # fmt: skip
    elapsed = (
        round(float(progress[0].progress.elapsed) * 100, 1) if progress and progress[0].progress else None
    )
    series = {"name": "完成进度", "type": "bar", "data": linked(completion, links)}
    if elapsed is not None:
        series["markLine"] = {
            "data": [{"xAxis": elapsed, "name": "时间进度"}],
            "label": {"formatter": "时间进度 {c}%"},
        }
    return {
        "status": {
            **pie([{"name": label, "value": counts[key]} for key, label in _STATUS_LABELS], legend={"bottom": 0}),
            "color": _STATUS_COLOURS,
        },
        "completion": {
            "tooltip": {"trigger": "axis"},
            "grid": {"left": 220, "right": 30, "top": 10, "bottom": 30},
            # At least 120 %, so the 100 % line and a little beyond always show.
            "xAxis": {"type": "value", "max": max([120, *completion])},
            "yAxis": {"type": "category", "data": [p.row.name for p in shown], "axisLabel": {"width": 200, "overflow": "truncate"}},
            "series": [series],
        },
    }  # fmt: skip


def cockpit(request, pk: int):
    """规划驾驶舱: status of every indicator for the plan's division (or one subordinate division)."""
    plan = selectors.plan_detail(request.user, pk)
    year = _year(request, plan)
    division_code = selectors.division_in_view(request.user, plan, request.GET.get("division", ""))
    rows = attainment.plan_rows(plan)
    book = attainment.plan_book(plan, rows, year)
    progress = attainment.plan_progress(plan, year, division_code, book=book, rows=rows)
    counts = attainment.status_counts(progress)
    children = {
        code: name
        for code, name in child_names(plan.division_code).items()
        if covers(request.user.division_code, code)
    }
    charts = _cockpit_charts(progress, counts, year, division_code)
    return render(
        request,
        "planning/cockpit.html",
        {
            **NAV,
            "plan": plan,
            "year": year,
            "years": range(plan.period_start, plan.period_end + 1),
            "division_code": division_code,
            "division_name": division_name(division_code),
            "children": children,
            "progress": progress,
            "counts": counts,
            "work": selectors.work_summary(plan),
            "matrix": attainment.binding_matrix(progress, children, year, book=book)
            if division_code == plan.division_code
            else [],
            "charts": charts,
            "report_buttons": plan_report_jobs.REPORT_BUTTONS,
            "page_title": f"规划驾驶舱：{plan.title}",
            "breadcrumbs": [
                ("规划监测", reverse("planning:plan_list")),
                (plan.title, reverse("planning:plan_detail", args=[plan.pk])),
                ("驾驶舱", None),
            ],
        },
    )


def _indicator_charts(item, divisions, year: int) -> dict:
    """The trend with its linear projection and target line; the divisions' bars open their drill-down."""
    # The target year is added once: when the monitored year is the target year (2025 of a 十四五 plan) the
    # trend already ends there and the projection's point shares that column.
    years = [y for y, _, _ in item.trend]
    extra = [] if not item.binding or item.binding.target_year in years else [item.binding.target_year]
    years += extra
    actual = {
        "name": "实际",
        "type": "line",
        "data": [_chart_value(v) for _, v, _ in item.trend] + [None] * len(extra),
        "connectNulls": False,
    }
    series = [actual]
    if item.binding:
        target_year = item.binding.target_year
        projection = [
            _chart_value(item.projected)
            if y == target_year
            else _chart_value(item.baseline_value)
            if y == item.baseline_year
            else None
            for y in years
        ]
        series.append(
            {
                "name": "线性预测",
                "type": "line",
                "data": projection,
                "connectNulls": True,
                "lineStyle": {"type": "dashed"},
            }
        )
    target = _chart_value(item.binding.target_value) if item.binding else None
    if target is not None:
        actual["markLine"] = {"data": [{"yAxis": target, "name": "目标"}], "label": {"formatter": "目标 {c}"}}
    values = [_chart_value(d.figure.value) for d in divisions]
    links = [f"?year={year}&division={d.division_code}" for d in divisions]
    return {
        "trend": {"tooltip": {"trigger": "axis"}, "legend": {"top": 0}, "xAxis": {"type": "category", "data": years},
                  "yAxis": {"type": "value", "scale": True}, "series": series},
        "divisions": {"tooltip": {"trigger": "axis"}, "grid": {"bottom": 60},
                      "xAxis": {"type": "category", "data": [d.name for d in divisions], "axisLabel": {"rotate": 30}},
                      "yAxis": {"type": "value"}, "series": [{"type": "bar", "data": linked(values, links)}]},
    }  # fmt: skip


def indicator_progress(request, pk: int):
    """One indicator's drill-down: figures by year with links to their records, projection, divisions."""
    row = selectors.visible_indicator_row(request.user, pk)
    plan = row.plan
    year = _year(request, plan)
    division_code = selectors.division_in_view(request.user, plan, request.GET.get("division", ""))
    item = attainment.indicator_progress(row, division_code, year)
    divisions = (
        attainment.division_comparison(row, year, request.user.division_code)
        if division_code == plan.division_code
        else []
    )
    charts = _indicator_charts(item, divisions, year)
    return render(
        request,
        "planning/indicator_progress.html",
        {
            **NAV,
            "row": row,
            "plan": plan,
            "item": item,
            "year": year,
            "division_code": division_code,
            "division_name": division_name(division_code),
            "divisions": divisions,
            "charts": charts,
            "can_edit": has_capability(request.user, Capability.MANAGE_PLANS)
            and selectors.can_edit_plan(request.user, plan),
            "page_title": row.name,
            "breadcrumbs": [
                ("规划监测", reverse("planning:plan_list")),
                (plan.title, reverse("planning:plan_detail", args=[plan.pk])),
                ("驾驶舱", reverse("planning:cockpit", args=[plan.pk])),
                (row.name, None),
            ],
        },
    )


@require_POST
def plan_report(request, pk: int):
    """年度监测分析报告 / 中期评估报告 as .docx, .pdf or .xlsx (every figure), generated as a 后台任务: an htmx
    click gets the progress block in place (the page stays usable), a plain form post the job's page."""
    plan = selectors.plan_detail(request.user, pk)
    kind, fmt = posted_value(request.POST, "kind", "annual"), posted_value(request.POST, "format", "docx")
    if kind not in plan_reports.KINDS or fmt not in plan_report_jobs.CONTENT_TYPES:
        raise Http404("报告类型不存在")
    year = (
        _year(request, plan, request.POST)
        if kind == "annual" or "year" in request.POST
        else min(plan.period_start + 2, plan.period_end)
    )
    try:
        job = plan_report_jobs.start_plan_report(request.user, plan.pk, kind=kind, fmt=fmt, year=year)
    except MinzhengError as exc:
        if request.headers.get("HX-Request"):
            return HttpResponse(f'<p class="errorlist">{escape(exc.message)}</p>')
        messages.error(request, exc.message)
        return redirect("planning:cockpit", pk=plan.pk)
    if request.headers.get("HX-Request"):
        return render(request, "web/kit/job_progress.html", {"job": job})
    return redirect(job.detail_url)


def project_progress(request, pk: int):
    """重大项目进展: 形象进度 and money spent over time, with evidence."""
    require(request.user, Capability.MANAGE_PLANS)
    project = selectors.editable_project(request.user, pk)
    if request.method == "POST":
        return act_then_redirect(
            request,
            ProjectProgressForm(request.POST),
            lambda d: services.report_project_progress(
                request.user,
                project,
                reported_on=d["reported_on"] or date.today(),
                status=d["status"],
                progress_percent=d["progress_percent"] or 0,
                spent=d["spent"] or 0,
                evidence=d["evidence"],
            ),
            "已记录项目进展",
            reverse("planning:project_progress", args=[project.pk]),
        )
    history = list(selectors.project_progress(project))
    return render(
        request,
        "planning/project_progress.html",
        {
            **NAV,
            "project": project,
            "history": history,
            "statuses": ProjectStatus.choices,
            "charts": {"progress": _project_chart(history)},
            "page_title": "项目进展",
            "breadcrumbs": [
                ("规划监测", reverse("planning:plan_list")),
                (
                    project.plan.title,
                    f"{reverse('planning:plan_detail', args=[project.plan_id])}?tab=projects",
                ),
                ("项目进展", None),
            ],
        },
    )
