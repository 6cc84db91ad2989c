"""救助对象: the enrolments behind every figure (list with the month's amount), one enrolment's amount
history, and 增保/减保/停保 as dated changes with reasons."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_account
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.read_audit import Channel
from minzheng.core.views.common import paginate, xlsx_response
from minzheng.policy.interface import next_month_start
from minzheng.web.kit.forms import error_lines

from ..page_forms import EnrolmentChangeForm, PaymentAccountForm, SelfCareChangeForm
from ..selectors import enrolments as selectors
from ..selectors.programs import program_list
from ..services.enrolments import change_amount, set_payment_account, stop_enrolment
from ..services.exports import export_enrolments
from ..services.tekun_care import report_self_care_change
from .common import page_context


def _typed(form) -> dict:
    """The form's values; its errors (each naming its field) as one refusal, shown like a service's."""
    if not form.is_valid():
        raise MinzhengError("；".join(error_lines(form)))
    return form.cleaned_data


def _month(value: str) -> date | None:
    try:
        return date.fromisoformat(f"{value}-01") if value else None
    except ValueError:
        return None


def enrolment_list(request):
    filters = selectors.EnrolmentFilter(
        program=request.GET.get("program", ""),
        division_code=request.GET.get("division", "").strip(),
        month=_month(request.GET.get("month", "")),
        q=request.GET.get("q", "").strip(),
    )
    if request.GET.get("export") == "xlsx":
        return xlsx_response(export_enrolments(request.user, filters), "救助对象")
    page = paginate(request, selectors.enrolment_list(request.user, filters))
    return render(
        request,
        "assistance/enrolment_list.html",
        {
            **page_context("enrolments", "救助对象"),
            "page_obj": page,
            "filters": filters,
            "month_value": request.GET.get("month", "") or f"{timezone.localdate():%Y-%m}",
            "programs": program_list(request.user),
        },
    )


def enrolment_detail(request, pk: int):
    enrolment = selectors.read_enrolment(request.user, pk, channel=Channel.PAGE)
    today = timezone.localdate()
    return render(
        request,
        "assistance/enrolment_detail.html",
        {
            **page_context("enrolments", enrolment.program.name, (enrolment.household.number, None)),
            "enrolment": enrolment,
            "history": selectors.amount_history(enrolment),
            "current": selectors.current_amount(enrolment, today),
            "tasks": selectors.enrolment_tasks(enrolment),
            "can_change": has_capability(request.user, Capability.HANDLE_CASES)
            and enrolment.end_month is None,
            "next_month": f"{next_month_start(today):%Y-%m}",
            "today": today,
            "masked_account": mask_account(enrolment.bank_account),
        },
    )


@require_POST
def enrolment_change(request, pk: int):
    enrolment = selectors.enrolment_detail(request.user, pk)
    try:
        require(request.user, Capability.HANDLE_CASES)
        typed = _typed(EnrolmentChangeForm(request.POST))
        month = typed["month"]
        if typed["kind"] == "stop":
            stop_enrolment(request.user, enrolment, last_month=month, reason=typed["reason"])
            messages.success(request, f"已停保，最后发放月份 {month:%Y-%m}")
        else:
            change_amount(
                request.user, enrolment, from_month=month, monthly_amount=typed["monthly_amount"],
                persons=typed["persons"], kind=typed["kind"], reason=typed["reason"],
            )  # fmt: skip
            messages.success(request, f"已登记变更，自 {month:%Y-%m} 起执行")
    except MinzhengError as exc:
        messages.error(request, exc.message)
    return redirect("assistance:enrolment_detail", pk=enrolment.pk)


@require_POST
def enrolment_account(request, pk: int):
    enrolment = selectors.enrolment_detail(request.user, pk)
    try:
        set_payment_account(request.user, enrolment, **_typed(PaymentAccountForm(request.POST)))
        messages.success(request, "发放账户已保存，下次生成花名册时生效")
    except MinzhengError as exc:
        messages.error(request, exc.message)
    return redirect("assistance:enrolment_detail", pk=enrolment.pk)


@require_POST
def enrolment_reassessment(request, pk: int):
    """特困人员 生活自理能力 changed: a re-assessment task due within the working-day limit."""
    enrolment = selectors.enrolment_detail(request.user, pk)
    try:
        typed = _typed(SelfCareChangeForm(request.POST))
        task = report_self_care_change(request.user, enrolment.pk, **typed)
        messages.success(request, f"已生成重新评估待办，{task.due_on:%Y-%m-%d} 前办理")
    except MinzhengError as exc:
        messages.error(request, exc.message)
    return redirect("assistance:enrolment_detail", pk=enrolment.pk)
