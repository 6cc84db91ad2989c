"""提标: preview every affected 低保 enrolment's new amount, then apply from the effective month."""

from datetime import date

from django.contrib import messages
from django.shortcuts import render

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, has_capability
from minzheng.policy.interface import division_visible_to

from ..errors import StandardNotFound
from ..models import StandardKind
from ..page_forms import StandardRaiseForm
from ..services.enrolment_raise import apply_enrolment_raise, preview_enrolment_raise
from ..services.in_force import standard_in_force
from .common import page_context


def _params(typed: dict, user) -> dict:
    return {
        "division_code": typed["division"] or user.division_code,
        "area": typed["area"] or "urban",
        "new_amount": typed["amount"],
        "period": typed["period"] or "month",
        "effective_from": typed["effective_month"],
    }


def _typed(post) -> dict:
    """The raise form's values; its first error (naming its field) as the page's message."""
    form = StandardRaiseForm(post)
    if not form.is_valid():
        raise MinzhengError(next(iter(form.errors.values()))[0])
    return form.cleaned_data


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
            typed = _typed(request.POST)
            params = _params(typed, request.user)
            if typed["apply"] == "1":
                result, changed = apply_enrolment_raise(
                    request.user, **params, source_note=typed["source_note"]
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
