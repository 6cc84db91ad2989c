"""预警处置 pages: the list with filters and export, one warning with evidence, visit, disposal, closing."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.assistance.interface import monitoring_cases, programs
from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import division_level
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.read_audit import Channel
from minzheng.core.selectors.divisions import names_of
from minzheng.core.spreadsheets import Sheet, write_workbook
from minzheng.core.views.common import paginate, xlsx_response
from minzheng.web.kit.evidence import evidence_rows
from minzheng.web.kit.forms import act_then_redirect, flash_errors, ticked
from minzheng.worklist.interface import owner_of

from .. import rules, selectors
from ..forms import AssignForm, CloseForm, DisposeForm, VisitForm
from ..rule_catalogue import RULE_KINDS, SEVERITIES
from ..services import lifecycle
from ..services.reads import record_read
from .common import page


def _filters(request) -> selectors.WarningFilter:
    g = request.GET
    return selectors.WarningFilter(
        rule_code=g.get("rule", ""),
        severity=g.get("severity", ""),
        status=g.get("status", ""),
        division_code=g.get("division", ""),
        overdue=g.get("overdue") == "1",
        escalated=g.get("escalated") == "1",
        q=g.get("q", ""),
    )


def _can_dispatch(user) -> bool:
    """分派 is a county (or higher) user's: one who handles warnings or manages monitoring."""
    return division_level(user.division_code) <= 3 and (
        has_capability(user, Capability.HANDLE_WARNINGS) or has_capability(user, Capability.MANAGE_MONITORING)
    )


def _dispatch_choices(request, county_code: str) -> dict:
    if not _can_dispatch(request.user):
        return {"can_dispatch": False}
    return {
        "can_dispatch": True,
        "townships": selectors.assignable_townships(request.user, county_code),
        "handlers": selectors.warning_handlers(request.user),
    }


def warning_list(request):
    filters = _filters(request)
    warnings = selectors.warning_list(request.user, filters, timezone.localdate())
    if request.GET.get("export") == "xlsx":
        return _export(request, warnings)
    page_obj = paginate(request, warnings)
    codes = {w.division_code for w in page_obj} | {w.assigned_division_code for w in page_obj}
    return render(
        request,
        "monitoring/warning_list.html",
        page(
            request,
            "预警处置",
            "monitoring:warning_list",
            page_obj=page_obj,
            filters=filters,
            division_names=names_of(codes),
            rule_kinds=RULE_KINDS.values(),
            severities=SEVERITIES,
            statuses=rules.STATUSES,
            today=timezone.localdate(),
            open_statuses=rules.OPEN_STATUSES,
            **_dispatch_choices(request, request.user.division_code),
        ),
    )


def _export(request, warnings):
    names = names_of(set(warnings.values_list("division_code", flat=True).distinct()))
    rows = (
        [
            w.number, w.get_rule_code_display(), w.get_severity_display(), w.person_name,
            mask_id_number(w.id_number), names.get(w.division_code, w.division_code), w.event_date, w.reason,
            w.get_status_display(), w.due_on, w.get_disposal_display(), w.case_number,
        ]
        for w in warnings.iterator(chunk_size=2000)
    )  # fmt: skip
    content = write_workbook(
        [
            Sheet(
                "预警",
                ["预警编号", "规则", "等级", "相关人员", "证件号码", "居住地", "事件日期", "预警原因", "状态",
                 "时限", "处置方式", "救助案件"],
                rows,
                column_widths=(22, 20, 10, 10, 20, 20, 12, 60, 12, 12, 14, 22),
            )
        ]
    )  # fmt: skip
    record_read(request.user, "monitoring_warning", "导出预警清单", export=True)
    return xlsx_response(content, "监测预警")


def warning_detail(request, pk: int):
    warning = selectors.read_warning(request.user, pk, channel=Channel.PAGE)
    case = monitoring_cases([warning.number]).get(warning.number) if warning.case_number else None
    codes = {warning.division_code, warning.assigned_division_code, warning.escalated_to}
    return render(
        request,
        "monitoring/warning_detail.html",
        page(
            request,
            f"预警 {warning.number}",
            "monitoring:warning_list",
            warning=warning,
            evidence=evidence_rows(warning.evidence or []),
            case=case,
            division_names=names_of(codes),
            programs=programs(request.user, enabled_only=True),
            disposals=rules.DISPOSALS,
            suggested=rules.suggested_program(
                warning.rule_code, warning.household.area_type if warning.household else ""
            ),
            can_visit=rules.can("visit", warning.status),
            can_dispose=rules.can("dispose", warning.status),
            can_close=rules.can("close", warning.status),
            can_assign=rules.can("assign", warning.status),
            owner=owner_of(lifecycle.WORK_SOURCE, str(warning.pk)),
            **_dispatch_choices(request, rules.county_of(warning.division_code)),
            overdue=rules.is_overdue(warning.status, warning.due_on, timezone.localdate()),
            today=timezone.localdate(),
        ),
    )


def _act(request, pk: int, form, action) -> object:
    """A step on one warning (核实, 处置, 关闭): fetched inside the jurisdiction first (404 otherwise)."""
    warning = selectors.warning_detail(request.user, pk)
    return act_then_redirect(
        request,
        form,
        lambda data: action(warning, data),
        "已保存",
        reverse("monitoring:warning_detail", args=[pk]),
    )


@require_POST
def warning_visit(request, pk: int):
    return _act(
        request,
        pk,
        VisitForm(request.POST, request.FILES),
        lambda w, d: lifecycle.record_visit(
            request.user,
            w,
            visited_on=d["visited_on"],
            findings=d["findings"],
            files=d["files"],
        ),
    )


@require_POST
def warning_dispose(request, pk: int):
    return _act(
        request,
        pk,
        DisposeForm(request.POST),
        lambda w, d: lifecycle.dispose(
            request.user, w, disposal=d["disposal"], note=d["note"], program_code=d["program_code"]
        ),
    )


@require_POST
def warning_assign(request, pk: int):
    return _act(
        request,
        pk,
        AssignForm(request.POST),
        lambda w, d: lifecycle.assign(request.user, w, division_code=d["division_code"], owner_id=d["owner"]),
    )


MAX_BULK = 100  # a page of the list, with room; more is a run, not a click


@require_POST
def warning_assign_many(request):
    """批量分派 from the list: the ticked warnings, each fetched inside the jurisdiction (404 otherwise)."""
    form = AssignForm(request.POST)
    back = reverse("monitoring:warning_list")
    if not form.is_valid():
        flash_errors(request, form)
        return redirect(back)
    keys = [k for k in ticked(request.POST, "warnings") if k.isdigit() and len(k) <= 15][:MAX_BULK]
    warnings = [selectors.warning_detail(request.user, int(k)) for k in dict.fromkeys(keys)]
    try:
        done = lifecycle.assign_many(
            request.user,
            warnings,
            division_code=form.cleaned_data["division_code"],
            owner_id=form.cleaned_data["owner"],
        )
    except MinzhengError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"已分派 {done} 条预警")
    return redirect(back)


@require_POST
def warning_close(request, pk: int):
    return _act(
        request, pk, CloseForm(request.POST), lambda w, d: lifecycle.close(request.user, w, note=d["note"])
    )


def attachment_download(request, pk: int):
    item = selectors.read_attachment(request.user, pk, channel=Channel.PAGE)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
