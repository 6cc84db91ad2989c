"""资金发放 pages: rosters (generate, submit, approve/return), bank files, 花名册 PDF, bank results and the
follow-up queue of failed payments. Thin: reads through selectors, writes through services."""

from datetime import date
from urllib.parse import quote

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.assistance.interface import programs
from minzheng.core.errors import ImportRejected, MinzhengError
from minzheng.core.jurisdiction import covers
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.selectors.divisions import division_name, names_of
from minzheng.core.uploads import read_upload
from minzheng.core.views.common import paginate
from minzheng.policy.interface import month_start
from minzheng.web.kit.forms import error_lines, flash_errors, posted_value

from . import selectors
from .forms import BankFormatForm, FollowUpForm, ResultsFormatForm, ReturnForm, RosterForm
from .models import BankFormat, FollowUp, LineKind, PaymentStatus, RosterStatus
from .rules.bank_files import FIELDS
from .services import (
    approval,
    bank_files,
    bank_formats,
    follow_ups,
    generation,
    results,
    roster_pdf,
    roster_pdf_jobs,
)

_CRUMB = ("资金发放", "/payments/")


def _month(text: str | None) -> date | None:
    try:
        return date.fromisoformat(f"{text}-01") if text and len(text) == 7 else None
    except ValueError:
        return None


def _typed(form) -> dict:
    """The form's values; its errors (each naming its field) as one refusal, shown like a service's."""
    if not form.is_valid():
        raise MinzhengError("；".join(error_lines(form)))
    return form.cleaned_data


def _context(request, title: str, tab: str, *crumbs) -> dict:
    user = request.user
    return {
        "active_nav": "payments",
        "active_tab": tab,
        "page_title": title,
        "breadcrumbs": [_CRUMB, *crumbs] if crumbs else [(_CRUMB[0], None)],
        "can_prepare": has_capability(user, Capability.PREPARE_PAYROLL),
        "can_approve": has_capability(user, Capability.APPROVE_PAYROLL),
        "can_export_bank": has_capability(user, Capability.EXPORT_BANK_FILE),
        "can_reveal": has_capability(user, Capability.REVEAL_ID_NUMBER),
    }


def roster_list(request):
    filters = selectors.RosterFilter(
        month=_month(request.GET.get("month")),
        program_code=request.GET.get("program", ""),
        status=request.GET.get("status", ""),
    )
    page = paginate(request, selectors.roster_list(request.user, filters))
    return render(
        request,
        "payments/roster_list.html",
        {
            **_context(request, "发放花名册", "rosters"),
            "page_obj": page,
            "names": names_of({r.division_code for r in page}),
            "filters": filters,
            "programs": programs(request.user, enabled_only=True),
            "statuses": RosterStatus.choices,
            "default_month": month_start(date.today()),
        },
    )


@require_POST
def roster_generate(request):
    try:
        typed = _typed(RosterForm(request.POST))
        result = generation.generate_roster(
            request.user,
            program_code=typed["program"],
            # The picker left at its root means the user's own division (a county caseworker's county).
            division_code=typed["division_code"] or request.user.division_code,
            month=typed["month"],
        )
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("payments:roster_list")
    roster = result.roster
    messages.success(
        request,
        f"已生成{roster}：{roster.line_count}条，{roster.household_count}户，合计¥{roster.total_amount:,.2f}",
    )
    if result.skipped_elsewhere:
        messages.info(request, f"{result.skipped_elsewhere}户本月已在其他花名册中发放，未重复列入")
    return redirect("payments:roster_detail", pk=roster.pk)


def roster_detail(request, pk: int):
    roster = selectors.roster_detail(request.user, pk)
    filters = {k: request.GET.get(k, "") for k in ("status", "kind", "q")}
    lines = paginate(request, selectors.roster_lines(roster, **filters))
    context = {
        **_context(request, str(roster), "rosters", (str(roster), None)),
        "roster": roster,
        "division_name": division_name(roster.division_code),
        "page_obj": lines,
        "filters": filters,
        "payment_statuses": PaymentStatus.choices,
        "kinds": LineKind.choices,
    }
    if request.headers.get("HX-Request"):
        return render(request, "payments/partials/lines.html", context)
    context.update(
        subtotals=selectors.township_subtotals(roster),
        banks=selectors.bank_summary(roster),
        formats=selectors.bank_formats(),
        imports=roster.result_imports.select_related("imported_by").order_by("-pk"),
        # Reads the month's amounts again (seconds for a county): for the approver, or when asked.
        drift=(
            selectors.roster_drift(roster)
            if roster.generation
            and (
                roster.status == RosterStatus.SUBMITTED or (request.GET.get("check") and not roster.is_locked)
            )
            else None
        ),
        is_maker=roster.generated_by_id == request.user.pk,
    )
    return render(request, "payments/roster_detail.html", context)


def _act(request, pk: int, action, done: str):
    roster = selectors.roster_detail(request.user, pk)
    try:
        action(roster)
    except MinzhengError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("payments:roster_detail", pk=pk)


@require_POST
def roster_regenerate(request, pk: int):
    roster = selectors.roster_detail(request.user, pk)
    return _act(
        request,
        pk,
        lambda r: generation.generate_roster(
            request.user, program_code=r.program_code, division_code=r.division_code, month=r.month
        ),
        f"已重新生成{roster}",
    )


@require_POST
def roster_submit(request, pk: int):
    return _act(request, pk, lambda r: approval.submit_roster(request.user, r), "已提交审核")


@require_POST
def roster_approve(request, pk: int):
    return _act(request, pk, lambda r: approval.approve_roster(request.user, r), "审核通过，花名册已锁定")


@require_POST
def roster_return(request, pk: int):
    form = ReturnForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if form.errors:
        flash_errors(request, form)
        return redirect("payments:roster_detail", pk=pk)
    return _act(request, pk, lambda r: approval.return_roster(request.user, r, reason), "已退回经办人")


def _download(content: bytes, file_name: str, content_type: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(file_name)}"
    return response


def bank_file(request, pk: int):
    roster = selectors.roster_detail(request.user, pk)
    bank_format = selectors.bank_format(request.GET.get("format", ""))
    try:
        if bank_format is None:
            raise MinzhengError("请选择银行代发格式", field="format")
        exported = bank_files.export_bank_file(
            request.user, roster, bank_format, request.GET.get("kind", "xlsx")
        )
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("payments:roster_detail", pk=pk)
    return _download(exported.content, exported.file_name, exported.content_type)


def roster_pdf_view(request, pk: int):
    roster = selectors.roster_detail(request.user, pk)
    try:
        content = roster_pdf.roster_pdf(
            request.user,
            roster,
            township_code=request.GET.get("township", ""),
            reveal=request.GET.get("reveal") == "1",
        )
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("payments:roster_detail", pk=pk)
    return _download(
        content, f"花名册_{roster.month:%Y%m}_{roster.program_code}.pdf", "application/pdf", True
    )


@require_POST
def roster_pdf_job(request, pk: int):
    """花名册 PDF (masked) as a 后台任务: htmx puts the progress block in place, a plain post opens the job."""
    try:
        job = roster_pdf_jobs.start_roster_pdf(
            request.user, pk, township_code=posted_value(request.POST, "township")
        )
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("payments:roster_detail", pk=pk)
    if request.headers.get("HX-Request"):
        return render(request, "web/kit/job_progress.html", {"job": job})
    return redirect(job.detail_url)


@require_POST
def results_import(request, pk: int):
    roster = selectors.roster_detail(request.user, pk)
    upload = request.FILES.get("file")
    try:
        bank_format = selectors.bank_format(_typed(ResultsFormatForm(request.POST))["format"])
        if upload is None:
            raise MinzhengError("请选择银行回盘文件", field="file")
        summary = results.import_results(
            request.user,
            roster,
            data=read_upload(upload),
            file_name=upload.name,
            amount_unit=bank_format.amount_unit if bank_format else "yuan",
            encoding=bank_format.csv_encoding if bank_format else "gbk",
        )
    except ImportRejected as exc:
        messages.error(request, exc.message)
        for error in exc.errors[:50]:
            messages.error(request, f"第{error['row']}行 {error['column']}：{error['message']}")
    except MinzhengError as exc:
        messages.error(request, exc.message)
    else:
        if summary.duplicate:
            messages.info(request, "该回盘文件此前已导入，本次未作更改")
        else:
            messages.success(
                request,
                f"回盘已导入：成功{summary.paid}笔，失败{summary.failed}笔（已转入发放失败待处理），未回盘{summary.pending}笔",
            )
    return redirect("payments:roster_detail", pk=pk)


def follow_up_list(request):
    state = request.GET.get("state", FollowUp.OPEN)
    page = paginate(request, selectors.follow_up_queue(request.user, state))
    return render(
        request,
        "payments/follow_ups.html",
        {
            **_context(request, "发放失败处理", "follow_ups", ("发放失败处理", None)),
            "page_obj": page,
            # a township handles its failed lines, but the county's roster is not its page: no link to a 404
            "openable_rosters": {
                line.roster_id
                for line in page
                if covers(request.user.division_code, line.roster.division_code)
            },
            "state": state,
            "states": [c for c in FollowUp.choices if c[0]],
        },
    )


@require_POST
def follow_up_decide(request, pk: int):
    line = selectors.line_detail(request.user, pk)
    try:
        follow_ups.decide_follow_up(request.user, line, **_typed(FollowUpForm(request.POST)))
    except MinzhengError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已处理：{line.payee_name}（{line.household_number}）")
    return redirect(reverse("payments:follow_up_list"))


def bank_format_list(request):
    return render(
        request,
        "payments/bank_formats.html",
        {
            **_context(request, "银行代发格式", "formats", ("银行代发格式", None)),
            "formats": selectors.bank_formats(enabled_only=False),
            "fields": FIELDS,
            "can_manage_formats": has_capability(request.user, Capability.MANAGE_POLICY),
        },
    )


def bank_format_edit(request, pk: int | None = None):
    existing = selectors.bank_format_by_pk(pk) if pk else None
    if request.method == "POST":
        form = BankFormatForm(request.POST)
        typed = form.cleaned_data if form.is_valid() else {}
        data = bank_formats.FormatInput(
            code=typed.get("code", ""),
            name=typed.get("name", ""),
            columns_text=typed.get("columns", ""),
            bank_keywords=typed.get("bank_keywords", ""),
            amount_unit=typed.get("amount_unit") or "yuan",
            csv_encoding=typed.get("csv_encoding") or "gbk",
            csv_delimiter=typed.get("csv_delimiter") or ",",
            csv_header=typed.get("csv_header", False),
            enabled=typed.get("enabled", False),
            note=typed.get("note", ""),
        )
        try:
            if form.errors:
                raise MinzhengError("；".join(error_lines(form)))
            bank_formats.save_bank_format(request.user, data, existing)
        except MinzhengError as exc:
            messages.error(request, exc.message)
            values = {**data.__dict__, "columns": data.columns_text}
        else:
            messages.success(request, f"已保存代发格式：{data.name}")
            return redirect("payments:bank_format_list")
    else:
        values = (
            {
                **{f: getattr(existing, f) for f in bank_formats._FIELDS},
                "columns": bank_formats.columns_text(existing.columns),
            }
            if existing
            else {
                "csv_encoding": "gbk",
                "amount_unit": "yuan",
                "csv_delimiter": ",",
                "csv_header": True,
                "enabled": True,
            }
        )
    return render(
        request,
        "payments/bank_format_form.html",
        {
            **_context(
                request,
                "编辑代发格式" if existing else "新增代发格式",
                "formats",
                ("银行代发格式", reverse("payments:bank_format_list")),
                ("编辑" if existing else "新增", None),
            ),
            "values": values,
            "existing": existing,
            "fields": FIELDS,
            "units": BankFormat.AMOUNT_UNITS,
            "encodings": BankFormat.ENCODINGS,
        },
    )
