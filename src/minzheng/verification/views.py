"""家庭经济状况核对 pages: runs with progress, household reports, department data intake. Thin."""

import datetime as dt

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.batch.intake import DATASETS
from minzheng.core.errors import MinzhengError
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.read_audit import Channel
from minzheng.core.selectors.registry import household_detail
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import error_report
from minzheng.core.uploads import read_upload
from minzheng.core.views.common import paginate, xlsx_response
from minzheng.web.kit.forms import error_lines

from . import selectors
from .evidence import DATASETS as DATASET_LABELS
from .evidence import income_source, reasons_for_display, records_for_display
from .forms import DeliveryForm, NoteForm, RunChoicesForm
from .models import HouseholdVerification, VerificationRun
from .services import intake, lists, runs
from .services.report_pdf import report_pdf

_CRUMB = ("家庭经济状况核对", None)


def run_list(request):
    return render(
        request,
        "verification/run_list.html",
        {
            "page_obj": paginate(request, selectors.run_list(request.user)),
            "programs": VerificationRun.PROGRAMS,
            "engines": VerificationRun.ENGINES,
            "today": dt.date.today(),
            "can_verify": has_capability(request.user, Capability.VERIFY_HOUSEHOLDS),
            "can_intake": has_capability(request.user, Capability.MANAGE_EXCHANGE),
            "recent_lists": selectors.recent_lists(request.user)
            if has_capability(request.user, Capability.VERIFY_HOUSEHOLDS)
            else [],
            "active_nav": "verification",
            "page_title": "家庭经济状况核对",
            "breadcrumbs": [_CRUMB, ("核对批次", None)],
        },
    )


@require_POST
def start_run(request):
    try:
        choices = _run_choices(request)
        run = runs.start_batch(request.user, division_code=choices.pop("division_code"), **choices)
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("verification:run_list")
    messages.success(request, f"已提交核对批次 {run.pk}（{run.total}户），后台核对中")
    return redirect("verification:run_detail", pk=run.pk)


def _run_choices(request) -> dict:
    """What every run form asks: program, request date (today by default), engine — and the division of a
    batch. A value that does not parse stops here with its field's name."""
    form = RunChoicesForm(request.POST)
    if not form.is_valid():
        raise MinzhengError("；".join(error_lines(form)))
    typed = form.cleaned_data
    return {
        "division_code": typed["division_code"],
        "program": typed["program"] or "dibao",
        "on": typed["request_date"] or dt.date.today(),
        "engine": typed["engine"] or "duckdb",
    }


@require_POST
def list_upload(request):
    """名单核对: upload a list of households; a clean list starts a run, a list with errors shows them."""
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择核对名单文件（.xlsx 或 .csv）")
        return redirect("verification:run_list")
    try:
        choices = _run_choices(request)
        del choices["division_code"]  # a list names its own households
        outcome = lists.verify_list(request.user, data=read_upload(upload), file_name=upload.name, **choices)
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("verification:run_list")
    if not outcome.ok:
        messages.error(request, f"名单未通过校验：{len(outcome.household_list.errors)}处错误，未发起核对")
        return redirect("verification:list_detail", pk=outcome.household_list.pk)
    run = outcome.run
    messages.success(request, f"名单校验通过，已提交核对批次 {run.pk}（{run.total}户），后台核对中")
    return redirect("verification:run_detail", pk=run.pk)


def list_detail(request, pk: int):
    household_list = selectors.household_list(request.user, pk)
    return render(
        request,
        "verification/list_detail.html",
        {
            "household_list": household_list,
            "runs": household_list.runs.order_by("-pk"),
            "active_nav": "verification",
            "page_title": f"核对名单 {household_list.pk}",
            "breadcrumbs": [_CRUMB, ("核对批次", reverse("verification:run_list")), ("核对名单", None)],
        },
    )


def list_errors(request, pk: int):
    household_list = selectors.household_list(request.user, pk)
    return xlsx_response(error_report(household_list.errors), f"核对名单错误报告_{household_list.pk}")


def list_template(request):
    return xlsx_response(lists.template(), "核对名单模板")


def run_detail(request, pk: int):
    run = selectors.run_detail(request.user, pk)
    conclusion = request.GET.get("conclusion", "")
    context = {
        "run": run,
        "page_obj": paginate(request, selectors.run_results(run, conclusion)),
        "conclusion": conclusion,
        "conclusions": HouseholdVerification.CONCLUSIONS,
        "active_nav": "verification",
        "page_title": f"核对批次 {run.pk}",
        "breadcrumbs": [_CRUMB, ("核对批次", reverse("verification:run_list")), (f"批次 {run.pk}", None)],
    }
    if request.headers.get("HX-Request"):
        return render(request, "verification/partials/run_progress.html", context)
    return render(request, "verification/run_detail.html", context)


@require_POST
def cancel_run(request, pk: int):
    run = selectors.run_detail(request.user, pk)
    try:
        runs.cancel_run(request.user, run)
        messages.info(request, "已请求取消，当前分段完成后停止")
    except MinzhengError as exc:
        messages.error(request, exc.message)
    return redirect("verification:run_detail", pk=pk)


def result_detail(request, pk: int):
    result = selectors.read_result(request.user, pk, channel=Channel.PAGE)
    household = household_detail(request.user, result.household_id)
    income_by_member: dict[str, list[dict]] = {}
    for row in result.member_income:
        income_by_member.setdefault(row["id_number"], []).append({**row, "source_label": income_source(row)})
    members = [(m, income_by_member.get(m.person.id_number, [])) for m in household.current_memberships]
    return render(
        request,
        "verification/report.html",
        {
            "result": result,
            "reasons": reasons_for_display(result.reasons),
            "records": records_for_display(result.member_records),
            "run": result.run,
            "household": household,
            "members": members,
            "can_note": has_capability(request.user, Capability.VERIFY_HOUSEHOLDS),
            "active_nav": "verification",
            "page_title": f"核对报告 {household.number}",
            "breadcrumbs": [
                _CRUMB,
                ("核对批次", reverse("verification:run_detail", args=[result.run_id])),
                ("核对报告", None),
            ],
        },
    )


def result_pdf(request, pk: int):
    result = selectors.result_detail(request.user, pk)
    household = household_detail(request.user, result.household_id)
    record_event(
        request.user,
        AuditEvent.EXPORT,
        object_type="household_verification",
        object_id=result.pk,
        division_code=result.division_code,
        summary=f"下载核对报告 PDF（家庭 {household.number}）",
    )
    response = HttpResponse(
        report_pdf(result, household, household.current_memberships), content_type="application/pdf"
    )
    response["Content-Disposition"] = f"inline; filename=verification-{household.number}.pdf"
    return response


@require_POST
def add_note(request, pk: int):
    result = selectors.result_detail(request.user, pk)
    try:
        note = NoteForm(request.POST)
        if not note.is_valid():
            raise MinzhengError("；".join(error_lines(note)))
        runs.add_note(request.user, result, note.cleaned_data["note"])
        messages.success(request, "备注已保存")
    except MinzhengError as exc:
        messages.error(request, exc.message)
    return redirect("verification:result_detail", pk=pk)


def deliveries(request):
    if request.method == "POST":
        upload = request.FILES.get("file")

        def receive(common, typed):
            if upload is None:
                raise MinzhengError("请选择部门数据文件", field="file")
            return intake.receive_delivery(
                request.user, data=read_upload(upload), file_name=upload.name, **common
            )

        return _take_delivery(request, receive)
    return render(
        request,
        "verification/deliveries.html",
        {
            "receipts": selectors.deliveries(request.user),
            "connections": intake.database_connections(),
            # the contract's dataset codes are the form's values; people read their Chinese names
            "datasets": [(code, DATASET_LABELS.get(code, code)) for code in sorted(DATASETS)],
            "dataset_labels": DATASET_LABELS,
            "today": dt.date.today(),
            "active_nav": "verification",
            "page_title": "部门共享数据",
            "breadcrumbs": [_CRUMB, ("部门共享数据", None)],
        },
    )


@require_POST
def delivery_from_table(request):
    """部门数据库表交付: a configured connection (by name) and a table or view."""
    return _take_delivery(
        request,
        lambda common, typed: intake.receive_table(
            request.user, connection=typed["connection"], table=typed["table"], **common
        ),
    )


def _take_delivery(request, receive):
    """The fields every delivery form has (dataset, as_of, source), then the outcome as a message."""
    form = DeliveryForm(request.POST)
    try:
        if not form.is_valid():
            raise MinzhengError("；".join(error_lines(form)))
        typed = form.cleaned_data
        receipt = receive(
            {"dataset": typed["dataset"], "as_of": typed["as_of"], "source": typed["source"]}, typed
        )
    except MinzhengError as exc:
        messages.error(request, exc.message)
    else:
        if receipt.duplicate:
            messages.info(request, "该交付内容此前已接收，本次未作更改")
        else:
            messages.success(request, f"已接收：{receipt.rows_accepted}行有效，{receipt.rows_rejected}行拒收")
    return redirect("verification:deliveries")


def delivery_rejected(request, delivery_id: str):
    receipt, content = intake.rejected_rows_report(request.user, delivery_id)
    return xlsx_response(content, f"拒收明细_{receipt.dataset}_{receipt.as_of:%Y%m%d}")
