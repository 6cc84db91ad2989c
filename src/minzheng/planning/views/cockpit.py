"""监测 pages for leaders: the plan cockpit (every indicator's status, subordinate divisions compared, ECharts),
one indicator's drill-down (trend, projection, divisions, the records behind each figure), the generated
reports (.docx / .pdf / .xlsx), and progress evidence of key projects."""

from datetime import date
from urllib.parse import quote

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import child_names, division_name
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import XLSX_CONTENT_TYPE
from minzheng.core.views.common import parse_date

from .. import attainment, selectors, services
from ..exports import plan_reports
from ..models import ProjectStatus
from .forms import act_then_redirect, decimal_field, int_field

NAV = {"active_nav": "planning"}


def _year(request, plan) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return attainment.default_year(plan)
    return min(max(year, plan.period_start - 1), plan.period_end)


def _chart_value(value):
    return None if value is None else float(round(value, 4))


def cockpit(request, pk: int):
    """规划驾驶舱: status of every indicator for the plan's division (or one subordinate division)."""
    plan = selectors.plan_detail(request.user, pk)
    year = _year(request, plan)
    division_code = selectors.division_in_view(request.user, plan, request.GET.get("division", ""))
    progress = attainment.plan_progress(plan, year, division_code)
    counts = attainment.status_counts(progress)
    children = {
        code: name
        for code, name in child_names(plan.division_code).items()
        if covers(request.user.division_code, code)
    }
    chart = {
        "status": [
            {"name": label, "value": counts[key]}
            for key, label in (("achieved", "达标"), ("normal", "进度正常"), ("lagging", "滞后"), ("warning", "预警"), ("unknown", "无法评估"))
        ],
        "names": [p.row.name for p in progress if p.progress and p.progress.completion is not None],
        "completion": [
            round(float(p.progress.completion) * 100, 1) for p in progress if p.progress and p.progress.completion is not None
        ],
        "links": [
            f"{reverse('planning:indicator_progress', args=[p.row.pk])}?year={year}&division={division_code}"
            for p in progress if p.progress and p.progress.completion is not None
        ],
        "elapsed": round(float(progress[0].progress.elapsed) * 100, 1) if progress and progress[0].progress else None,
    }  # fmt: skip
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
            "matrix": attainment.binding_matrix(progress, children, year)
            if division_code == plan.division_code
            else [],
            "chart": chart,
            "page_title": f"规划驾驶舱：{plan.title}",
            "breadcrumbs": [
                ("规划监测", reverse("planning:plan_list")),
                (plan.title, reverse("planning:plan_detail", args=[plan.pk])),
                ("驾驶舱", None),
            ],
        },
    )


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
    chart = {
        "years": [y for y, _, _ in item.trend] + ([item.binding.target_year] if item.binding else []),
        "values": [_chart_value(v) for _, v, _ in item.trend] + [None],
        "projection": (
            [_chart_value(item.binding.baseline_value) if y == item.binding.baseline_year else None for y, _, _ in item.trend]
            + [_chart_value(item.projected)]
        ) if item.binding else [],
        "target": _chart_value(item.binding.target_value) if item.binding else None,
        "divisions": [d.name for d in divisions],
        "division_values": [_chart_value(d.figure.value) for d in divisions],
        "division_links": [f"?year={year}&division={d.division_code}" for d in divisions],
    }  # fmt: skip
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
            "chart": chart,
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


_CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": XLSX_CONTENT_TYPE,
}


def plan_report(request, pk: int):
    """年度监测分析报告 / 中期评估报告 as .docx, .pdf or .xlsx (every figure)."""
    require(request.user, Capability.EXPORT)
    plan = selectors.plan_detail(request.user, pk)
    kind, fmt = request.GET.get("kind", "annual"), request.GET.get("format", "docx")
    if kind not in plan_reports.KINDS or fmt not in _CONTENT_TYPES:
        raise Http404("报告类型不存在")
    year = (
        _year(request, plan)
        if kind == "annual" or "year" in request.GET
        else min(plan.period_start + 2, plan.period_end)
    )
    report = plan_reports.build_plan_report(plan, year, kind, request.user.division_code)
    render_to = {"docx": plan_reports.to_docx, "pdf": plan_reports.to_pdf, "xlsx": plan_reports.to_xlsx}[fmt]
    content = render_to(report)
    record_event(
        request.user, AuditEvent.EXPORT, object_type="plan_report", object_id=plan.pk,
        division_code=plan.division_code, summary=f"导出{report.title}（.{fmt}）",
    )  # fmt: skip
    response = HttpResponse(content, content_type=_CONTENT_TYPES[fmt])
    file_name = f"{plan.region_name}{plan_reports.KINDS[kind]}_{year}.{fmt}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(file_name)}"
    return response


def project_progress(request, pk: int):
    """重大项目进展: 形象进度 and money spent over time, with evidence."""
    require(request.user, Capability.MANAGE_PLANS)
    project = selectors.editable_project(request.user, pk)
    if request.method == "POST":
        post = request.POST
        return act_then_redirect(
            request,
            lambda: services.report_project_progress(
                request.user,
                project,
                reported_on=parse_date(post.get("reported_on")) or date.today(),
                status=post.get("status", ""),
                progress_percent=int_field(post, "progress_percent", "形象进度") or 0,
                spent=decimal_field(post, "spent", "累计完成投资") or 0,
                evidence=post.get("evidence", ""),
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
            "chart": {
                "dates": [p.reported_on.isoformat() for p in reversed(history)],
                "progress": [p.progress_percent for p in reversed(history)],
                "spent": [float(p.spent) for p in reversed(history)],
            },
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
