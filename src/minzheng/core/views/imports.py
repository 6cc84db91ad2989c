"""花名册导入 pages: template download, upload, result with the downloadable error report."""

from django.contrib import messages
from django.shortcuts import redirect, render

from ..permissions import Capability, require
from ..selectors import imports as import_selectors
from ..services import exports
from ..services.roster_import import import_household_roster
from ..spreadsheets import error_report
from ..uploads import read_upload
from .common import xlsx_response

MAX_UPLOAD_BYTES = 60 * 1024 * 1024


def import_roster(request):
    require(request.user, Capability.EDIT_REGISTRY)
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "请选择要导入的 Excel 文件")
            return redirect("core:import_roster")
        if upload.size > MAX_UPLOAD_BYTES:
            messages.error(request, "文件过大（超过60MB），请分批导入")
            return redirect("core:import_roster")
        result = import_household_roster(
            request.user, read_upload(upload, max_bytes=MAX_UPLOAD_BYTES), upload.name
        )
        batch = result.batch
        if result.already_imported:
            messages.info(
                request,
                f"该文件已于{batch.created_at:%Y-%m-%d %H:%M}导入（批次{batch.pk}），本次未作任何更改",
            )
        elif result.ok:
            messages.success(
                request,
                f"导入成功：新增{batch.created_households}户、{batch.created_persons}人，{batch.unchanged_rows}行已存在未变更",
            )
        else:
            messages.error(
                request,
                f"导入未通过校验，共{len(batch.errors)}处错误，整个文件均未导入。请下载错误报告修改后重新导入",
            )
        return redirect(f"{request.path}?batch={batch.pk}")
    batch_id = request.GET.get("batch", "")
    current = import_selectors.my_batch(request.user, int(batch_id)) if batch_id.isdigit() else None
    return render(
        request,
        "core/import_roster.html",
        {
            "batches": import_selectors.my_batches(request.user),
            "current": current,
            "active_nav": "import",
            "page_title": "花名册导入",
            "breadcrumbs": [("人口家庭", None), ("花名册导入", None)],
        },
    )


def roster_template(request):
    return xlsx_response(exports.roster_template(), "家庭成员花名册模板")


def import_errors(request, pk: int):
    require(request.user, Capability.EDIT_REGISTRY)
    batch = import_selectors.batch_in_jurisdiction(request.user, pk)
    return xlsx_response(error_report(batch.errors), f"导入错误报告_批次{batch.pk}")
