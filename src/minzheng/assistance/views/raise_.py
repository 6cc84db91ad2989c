"""提标: preview every affected 低保 enrolment's new amount, then apply from the effective month."""

from datetime import date

from django.contrib import messages
from django.shortcuts import render

from minzheng.core.errors import MinzhengError
from minzheng.core.money import check_money
from minzheng.core.permissions import Capability, has_capability
from minzheng.policy.interface import division_visible_to

from ..errors import StandardNotFound
from ..models import StandardKind
from ..services.enrolment_raise import apply_enrolment_raise, preview_enrolment_raise
from ..services.in_force import standard_in_force
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


def _current_standard(user, values: dict):
    """The 低保标准 the raise starts from (division and area of the form), with how long it has run."""
    division = str(values.get("division", ""))
    if not division_visible_to(user, division):
        return None
    try:
        return standard_in_force(division, StandardKind.DIBAO, date.today(), area=values.get("area", "urban"))
    except (StandardNotFound, MinzhengError):
        return None


def standard_raise(request):
    result, values = (
        None,
        request.POST.dict()
        if request.method == "POST"
        else {
            "division": request.GET.get("division", "").strip() or request.user.division_code,
            "area": request.GET.get("area", "urban"),
            "period": "month",
        },
    )
    current = _current_standard(request.user, values)
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
            "current": current,
            "can_apply": has_capability(request.user, Capability.MANAGE_POLICY)
            and has_capability(request.user, Capability.APPROVE_CASES),
        },
    )
