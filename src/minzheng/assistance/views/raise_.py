"""提标: preview every affected 低保 enrolment's new amount, then apply from the effective month."""

from datetime import date

from django.contrib import messages
from django.shortcuts import render

from minzheng.core.errors import MinzhengError
from minzheng.core.money import check_money
from minzheng.core.permissions import Capability, has_capability

from ..services.enrolment_raise import apply_enrolment_raise, preview_enrolment_raise
from .common import page_context


def _params(post, user) -> dict:
    amount = check_money(post.get("amount", ""), field="amount", label="新标准金额")
    if amount is None:
        raise MinzhengError("请填写新标准金额", field="amount")
    try:
        effective = date.fromisoformat(post.get("effective_month", "") + "-01")
    except ValueError:
        raise MinzhengError("请选择执行月份", field="effective_month") from None
    return {
        "division_code": post.get("division", "").strip() or user.division_code,
        "area": post.get("area", "urban"),
        "new_amount": amount,
        "period": post.get("period", "month"),
        "effective_from": effective,
    }


def standard_raise(request):
    result, values = (
        None,
        request.POST.dict()
        if request.method == "POST"
        else {"division": request.user.division_code, "area": "urban", "period": "month"},
    )
    if request.method == "POST":
        try:
            params = _params(request.POST, request.user)
            if request.POST.get("apply") == "1":
                result, changed = apply_enrolment_raise(
                    request.user, **params, source_note=request.POST.get("source_note", "")
                )
                messages.success(
                    request,
                    f"已按新标准调整 {changed} 户的保障金，自 {params['effective_from']:%Y-%m} 起执行",
                )
            else:
                result = preview_enrolment_raise(request.user, **params)
        except MinzhengError as exc:
            messages.error(request, exc.message)
    return render(
        request,
        "assistance/standard_raise.html",
        {
            **page_context("raise", "提标测算与调整"),
            "result": result,
            "values": values,
            "can_apply": has_capability(request.user, Capability.MANAGE_POLICY)
            and has_capability(request.user, Capability.APPROVE_CASES),
        },
    )
