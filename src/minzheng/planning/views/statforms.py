"""民政报表 pages: the forms and reports (编制 for a division and period), one report (数量 / 上期 / 环比, entry of
rows without a source, 上报, .xlsx in the form's layout), and the row → source bindings of a form."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.selectors.divisions import division_name, names_of
from minzheng.core.services.audit import record_event
from minzheng.core.views.common import paginate, xlsx_response
from minzheng.policy.interface import issuing_office
from minzheng.web.kit.forms import KitForm, error_lines, pressed

from .. import services, statform_selectors
from ..exports.statform_xlsx import report_workbook
from ..figures import sources
from ..forms import GenerateReportForm, ReportHeaderForm, RowBindForm, SubmitReportForm, number
from ..periods import Period
from ..statform_rules import RING, YEAR_ON_YEAR
from .forms import act_then_redirect

NAV = {"active_nav": "reports"}
CRUMB = ("民政报表", "planning:statform_list")


def statform_list(request):
    if request.method == "POST":
        require(request.user, Capability.FILL_STAT_REPORTS)  # leaders read the forms: 403, not a message
        form = GenerateReportForm(request.POST)
        try:
            if not form.is_valid():
                raise MinzhengError("；".join(error_lines(form)))
            typed = form.cleaned_data
            report = services.generate_report(
                request.user,
                # 季报表按月编制 (湖南): the quarterly form for a month period.
                "quarter" if typed["period_type"] == "quarter_month" else typed["period_type"],
                typed["division"] or request.user.division_code,
                typed["period"].upper(),
            )
        except MinzhengError as exc:
            messages.error(request, exc.message)
            return redirect("planning:statform_list")
        messages.success(request, "报表已编制")
        return redirect("planning:statreport_detail", pk=report.pk)
    period_type = request.GET.get("type", "")
    page = paginate(request, statform_selectors.report_list(request.user, period_type))
    return render(
        request,
        "planning/statform_list.html",
        {
            **NAV,
            "forms": statform_selectors.stat_forms(),
            "page_obj": page,
            "period_type": period_type,
            "division_names": names_of({r.division_code for r in page}),
            "can_enter": has_capability(request.user, Capability.FILL_STAT_REPORTS),
            "page_title": "民政报表",
            "breadcrumbs": [("统计与决策", None), ("民政报表", None)],
        },
    )


def statreport_detail(request, pk: int):
    report = statform_selectors.report_detail(request.user, pk)
    if request.method == "POST":
        submitting = pressed(request, "submit")
        # Read-only roles (领导) are refused outright (403), before any value is read.
        require(request.user, Capability.SUBMIT_STAT_REPORTS if submitting else Capability.FILL_STAT_REPORTS)
        try:
            if submitting:
                typed = SubmitReportForm(request.POST)
                typed.is_valid()
                findings = statform_selectors.report_findings(report, statform_selectors.report_lines(report))
                services.submit_report(
                    request.user, report, findings, typed.cleaned_data.get("explanation") or ""
                )
                messages.success(request, "报表已上报")
            else:
                header = ReportHeaderForm(request.POST)
                if not header.is_valid():
                    raise MinzhengError("；".join(error_lines(header)))
                values = _row_values(request.POST)
                changed = services.save_report(request.user, report, values, **header.cleaned_data)
                messages.success(request, f"已保存{changed}行")
        except MinzhengError as exc:
            messages.error(request, exc.message)
        return redirect("planning:statreport_detail", pk=report.pk)
    compare = YEAR_ON_YEAR if request.GET.get("compare") == YEAR_ON_YEAR else RING
    lines = statform_selectors.report_lines(report)
    columns = statform_selectors.report_columns(report, compare)
    findings = statform_selectors.report_findings(report, lines)
    name = division_name(report.division_code)
    if request.GET.get("export") == "xlsx":
        require(request.user, Capability.EXPORT)
        record_event(
            request.user, AuditEvent.EXPORT, object_type="stat_report", object_id=report.pk,
            division_code=report.division_code, summary=f"导出{report.form.name} {report.period}",
        )  # fmt: skip
        workbook = report_workbook(report, lines, name, columns, issuing_office(report.division_code).name)
        suffix = "（同比）" if compare == YEAR_ON_YEAR else ""
        return xlsx_response(workbook, f"{name}{report.form.name}{report.period}{suffix}")
    draft = report.status == "draft"
    return render(
        request,
        "planning/statreport_detail.html",
        {
            **NAV,
            "report": report,
            "period": Period.parse(report.period),
            "lines": [(line, [line.text(c.key) for c in columns[1:]]) for line in lines],
            "columns": columns,
            "compare": compare,
            "findings": findings,
            "blocking": any(f.blocking for f in findings),
            "division_name": name,
            "office": issuing_office(report.division_code).name,
            "previous": statform_selectors.previous_report(report),
            "year_ago": statform_selectors.year_ago_report(report),
            "can_enter": has_capability(request.user, Capability.FILL_STAT_REPORTS) and draft,
            "can_submit": has_capability(request.user, Capability.SUBMIT_STAT_REPORTS) and draft,
            "page_title": f"{report.form.name}（{report.form.code}）",
            "breadcrumbs": [(CRUMB[0], reverse(CRUMB[1])), (f"{name} {report.period}", None)],
        },
    )


def statform_rows(request, pk: int):
    """报表行取数: bind rows to computed sources (data, so a new domain source needs no code)."""
    form = statform_selectors.stat_form(pk)
    if request.method == "POST":
        return act_then_redirect(
            request,
            lambda: _bind(request, form),
            "已保存取数设置",
            reverse("planning:statform_rows", args=[form.pk]),
        )
    return render(
        request,
        "planning/statform_rows.html",
        {
            **NAV,
            "form": form,
            "rows": statform_selectors.form_rows(form),
            "installed": sources(),
            "can_manage": has_capability(request.user, Capability.MANAGE_PLANS),
            "page_title": f"{form.name}（{form.code}）表式",
            "breadcrumbs": [(CRUMB[0], reverse(CRUMB[1])), (f"{form.code} 表式", None)],
        },
    )


def _row_values(post) -> dict:
    """The quantities typed in the report's rows (``row-<pk>`` inputs), each checked as a number."""
    names = [name for name in post if name.startswith("row-") and name[4:].isdigit()]
    form = KitForm(post)
    form.fields.update({name: number("数量") for name in names})
    if not form.is_valid():
        raise MinzhengError("；".join(error_lines(form)))
    return {int(name[4:]): form.cleaned_data[name] for name in names}


def _bind(request, form) -> None:
    binding = RowBindForm(request.POST)
    if not binding.is_valid():
        raise MinzhengError("；".join(error_lines(binding)))
    typed = binding.cleaned_data
    row = statform_selectors.stat_row(typed["row"] or 0)
    if row.form_id != form.pk:
        raise MinzhengError("报表行不属于该表", field="row")
    services.bind_row(
        request.user, row, source_code=typed["source_code"], scale=typed["scale"] or 1, note=typed["note"]
    )
