"""后台任务 pages: 我的后台任务, one job with its progress, the polled progress partial, the file download. Thin."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.web.kit import pages

from . import registry_exports, selectors, services
from .interface import JobView

_TAGS = {"queued": "grey", "running": "blue", "done": "green", "failed": "red"}


def _frame(title: str, crumbs: list) -> dict:
    return pages.frame(nav="background", title=title, breadcrumbs=crumbs)


def job_list(request):
    page_obj = pages.paginate(request, selectors.my_jobs(request.user))
    rows = []
    for job in page_obj:
        view = JobView.of(job)
        result = (
            pages.Cell(f"下载 {view.result_file_name}", url=view.download_url)
            if view.download_url
            else pages.Cell(view.result_label or "查看结果", url=view.result_url)
            if view.result_url and view.status == "done"
            else view.error or view.stage
        )
        rows.append(
            [
                pages.Cell(view.title, url=view.detail_url),
                pages.Cell(view.status_label, tag=_TAGS[view.status]),
                f"{view.percent}%",
                result,
                f"{job.created_at:%Y-%m-%d %H:%M}",
            ]
        )
    return pages.table_page(
        request,
        frame=_frame("我的后台任务", [("我的后台任务", None)]),
        page_obj=page_obj,
        headers=["任务", "状态", "进度", "结果", "发起时间"],
        rows=rows,
        empty="您还没有发起过后台任务",
        intro="耗时较长的操作（发起核对、生成监测报告等）在后台执行，页面可继续使用；完成后在此下载或查看结果。",
    )


def job_detail(request, pk: int):
    job = selectors.read_job(request.user, pk)
    return render(
        request,
        "background/job_detail.html",
        {
            **_frame(job.title, [("我的后台任务", reverse("background:job_list")), (f"任务 {job.pk}", None)]),
            "job": JobView.of(job),
            "started_by": job.started_by.display_name,
            "created_at": job.created_at,
            "finished_at": job.finished_at,
        },
    )


def job_progress(request, pk: int):
    """The progress partial, polled by htmx every second while the job is queued or running."""
    job = selectors.read_job(request.user, pk)
    return render(request, "web/kit/job_progress.html", {"job": JobView.of(job)})


def job_download(request, pk: int):
    job = selectors.read_job(request.user, pk)
    try:
        path = services.result_file(request.user, job)
    except MinzhengError as exc:
        raise Http404(exc.message) from None
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=job.result_file_name,
        content_type=job.result_content_type or "application/octet-stream",
    )


@require_POST
def registry_export(request, what: str):
    """导出 of the 家庭户 / 人员 list (its filters in the query string) as a 后台任务."""
    if what not in registry_exports.LISTS:
        raise Http404("导出类型不存在")
    try:
        job, _ = registry_exports.start_registry_export(request.user, what, request.GET)
    except MinzhengError as exc:
        if request.headers.get("HX-Request"):
            return render(request, "background/error.html", {"message": exc.message})
        messages.error(request, exc.message)
        return redirect("core:person_list" if what == "persons" else "core:household_list")
    view = JobView.of(job)
    if request.headers.get("HX-Request"):
        return render(request, "web/kit/job_progress.html", {"job": view})
    return redirect(view.detail_url)
