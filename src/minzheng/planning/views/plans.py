"""规划监测 pages: plan list, plan detail (indicators, outline, tasks, projects), import with review, 分解落实."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import child_names, division_name, names_of
from minzheng.core.uploads import read_upload
from minzheng.core.views.common import paginate
from minzheng.web.kit.forms import act_then_redirect, error_lines, flash_errors, pressed, row_error_lines

from .. import selectors, services
from ..errors import PlanningError
from ..forms import REVIEW_COLUMNS, ImportReviewForm, TaskForm, TaskProgressForm, review_formsets
from ..models import IndicatorSource, PlanLevel, TaskStatus
from ..services import plan_report_jobs

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TABS = [
    ("indicators", "主要指标"),
    ("targets", "正文量化目标"),
    ("outline", "规划目录"),
    ("tasks", "重点任务"),
    ("projects", "重大项目"),
]
LIST_CRUMB = ("规划监测", "planning:plan_list")
BLANK_ROWS = 3  # empty rows under each table of the review form, for rows the parser missed


def _crumbs(*tail):
    return [(LIST_CRUMB[0], reverse(LIST_CRUMB[1])), *tail]


def plan_list(request):
    filters = selectors.PlanFilter(q=request.GET.get("q", "").strip(), level=request.GET.get("level", ""))
    page = paginate(request, selectors.plan_list(request.user, filters))
    return render(
        request,
        "planning/plan_list.html",
        {
            "page_obj": page,
            "filters": filters,
            "levels": PlanLevel.choices,
            "division_names": names_of({plan.division_code for plan in page}),
            "can_manage": has_capability(request.user, Capability.MANAGE_PLANS),
            "active_nav": "planning",
            "page_title": "规划监测",
            "breadcrumbs": [("统计与决策", None), ("规划监测", None)],
        },
    )


def plan_detail(request, pk: int):
    plan = selectors.plan_detail(request.user, pk)
    tab = request.GET.get("tab", "indicators")
    tab = tab if tab in dict(TABS) else "indicators"
    context = {
        "plan": plan,
        "tab": tab,
        "tabs": TABS,
        "children": selectors.child_plans(request.user, plan),
        "division_name": division_name(plan.division_code),
        "can_edit": has_capability(request.user, Capability.MANAGE_PLANS)
        and selectors.can_edit_plan(request.user, plan),
        "active_nav": "planning",
        "page_title": plan.title,
        "breadcrumbs": _crumbs((plan.title, None)),
        "report_buttons": plan_report_jobs.REPORT_BUTTONS,
    }
    if tab == "indicators":
        context["indicators"] = selectors.plan_indicators(plan, IndicatorSource.TABLE)
    elif tab == "targets":
        context["indicators"] = selectors.plan_indicators(plan, IndicatorSource.TEXT)
    elif tab == "outline":
        context["outline"] = selectors.plan_outline(plan)
    elif tab == "tasks":
        context["tasks"] = selectors.plan_tasks(plan)
    else:
        context["projects"] = selectors.plan_projects(plan)
        context["latest_progress"] = selectors.latest_project_progress(plan)
    return render(request, "planning/plan_detail.html", context)


def plan_import(request):
    """导入规划文件: upload; the parsed draft is shown for review before anything is saved."""
    require(request.user, Capability.MANAGE_PLANS)
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "请选择要导入的规划文件（.txt 或 .docx）")
            return redirect("planning:plan_import")
        if upload.size > MAX_UPLOAD_BYTES:
            messages.error(request, "文件过大（超过20MB）")
            return redirect("planning:plan_import")
        try:
            staged = services.stage_upload(
                request.user, upload.name, read_upload(upload, max_bytes=MAX_UPLOAD_BYTES)
            )
        except PlanningError as exc:
            messages.error(request, exc.message)
            return redirect("planning:plan_import")
        return redirect("planning:plan_import_review", pk=staged.pk)
    return render(
        request,
        "planning/plan_import.html",
        {
            "uploads": selectors.my_recent_uploads(request.user),
            "active_nav": "planning",
            "page_title": "导入规划文件",
            "breadcrumbs": _crumbs(("导入规划文件", None)),
        },
    )


def plan_import_review(request, pk: int):
    """Review the parsed draft, correct the title, status, division and parent plan, then 保存."""
    require(request.user, Capability.MANAGE_PLANS)
    upload = selectors.my_upload(request.user, pk)
    if upload.plan_id is not None:
        messages.info(request, "该文件已保存为规划")
        return redirect("planning:plan_detail", pk=upload.plan_id)
    draft = upload.draft
    if request.method == "POST":
        form = ImportReviewForm(request.POST)
        try:
            if not form.is_valid():
                raise PlanningError("；".join(error_lines(form)))
            head = form.cleaned_data
            edited = _reviewed_rows(request.POST)
            plan = services.save_upload(
                request.user,
                upload,
                title=head["title"],
                status=head["status"],
                division_code=head["division"] or request.user.division_code,
                parent=selectors.plan_for_parent_choice(request.user, head["parent_plan"]),
                edited=edited,
            )
        except PlanningError as exc:
            messages.error(request, exc.message)
            return redirect("planning:plan_import_review", pk=upload.pk)
        messages.success(request, f"已保存规划《{plan.title}》")
        return redirect("planning:plan_detail", pk=plan.pk)
    division_code = _guess_division(request.user, draft.get("region", ""))
    return render(
        request,
        "planning/plan_import_review.html",
        {
            "upload": upload,
            "draft": draft,
            "already": selectors.imported_plan_of(request.user, upload.sha256),
            "division_code": division_code,
            "parents": selectors.parent_choices(request.user),
            "suggested_parent": selectors.suggested_parent(request.user, division_code),
            "tables": _review_tables(draft),
            "active_nav": "planning",
            "page_title": "审核规划导入",
            "breadcrumbs": _crumbs(("导入规划文件", reverse("planning:plan_import")), ("审核", None)),
        },
    )


def _reviewed_rows(data) -> dict[str, list[dict]]:
    """The reviewer's rows of each table the page posted (a table left off stays as parsed); a row that
    cannot be read is refused naming its table, row and field."""
    edited, problems = {}, []
    for prefix, rows in review_formsets(data).items():
        if not rows.submitted:
            continue
        if rows.is_valid():
            edited[prefix] = rows.cleaned_data
        else:
            title = REVIEW_COLUMNS[prefix][1]
            problems += row_error_lines(
                rows, lambda index, _form, title=title: f"{title}第{index + 1}行", grid=title
            )
    if problems:
        raise PlanningError("；".join(problems))
    return edited


def _review_tables(draft: dict) -> list[dict]:
    """Each editable table of the review form: its rows (as parsed, plus blank rows to add) and columns."""
    tables = []
    for prefix, (key, title, columns) in REVIEW_COLUMNS.items():
        parsed = draft.get(key, [])
        rows = [
            {"index": i, "cells": [(name, str(row.get(name, "") or ""), size, f"{label}（第{i + 1}行）")
                                   for name, label, size in columns],
             "binding": row.get("attribute") == "约束性", "quote": row.get("quote", "")}
            for i, row in enumerate([*parsed, *({} for _ in range(BLANK_ROWS))])
        ]  # fmt: skip
        tables.append({"prefix": prefix, "title": title, "headers": [label for _, label, _ in columns],
                       "rows": rows, "count": len(rows), "parsed": len(parsed)})  # fmt: skip
    return tables


def _guess_division(user, region: str) -> str:
    """The user's own division, or the child of it whose name the document's title gives (丹东市)."""
    if region and division_name(user.division_code) != region:
        for code, name in child_names(user.division_code).items():
            if name == region:
                return code
    return user.division_code


def task_edit(request, pk: int):
    """分解落实 of one task: responsible unit, deadline, status."""
    require(request.user, Capability.MANAGE_PLANS)
    task = selectors.editable_task(request.user, pk)
    # One page, two forms: the 进展 form says so in its ``action`` button.
    if pressed(request, "progress"):
        return act_then_redirect(
            request,
            TaskProgressForm(request.POST),
            lambda d: services.report_task_progress(
                request.user,
                task,
                reported_on=d["reported_on"] or date.today(),
                status=d["status"],
                progress_percent=d["progress_percent"],
                evidence=d["evidence"],
            ),
            "已记录任务进展",
            reverse("planning:task_edit", args=[task.pk]),
        )
    if request.method == "POST":
        form = TaskForm(request.POST)
        if not form.is_valid():
            flash_errors(request, form)
            return redirect("planning:task_edit", pk=task.pk)
        try:
            services.update_task(request.user, task, **form.cleaned_data)
        except PlanningError as exc:
            messages.error(request, exc.message)
            return redirect("planning:task_edit", pk=task.pk)
        messages.success(request, "已保存")
        return redirect(f"{reverse('planning:plan_detail', args=[task.plan_id])}?tab=tasks")
    return render(
        request,
        "planning/task_edit.html",
        {
            "task": task,
            "history": selectors.task_progress(task),
            "statuses": TaskStatus.choices,
            "active_nav": "planning",
            "page_title": "分解落实",
            "breadcrumbs": _crumbs(
                (task.plan.title, reverse("planning:plan_detail", args=[task.plan_id])), ("分解落实", None)
            ),
        },
    )
