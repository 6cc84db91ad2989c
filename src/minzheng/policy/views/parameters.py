"""政策参数: list (with history) and a new version."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.views.common import paginate

from ..catalogue import parameters, spec_for
from ..forms import ParameterForm
from ..selectors import parameters as parameter_selectors
from ..services.parameters import set_parameter
from .common import add_service_error, page_context


def parameter_list(request):
    filters = parameter_selectors.ParameterFilter(
        name=request.GET.get("name", ""),
        division_code=request.GET.get("division", "").strip(),
        current_only=request.GET.get("current") == "1",
    )
    page = paginate(request, parameter_selectors.parameter_list(request.user, filters))
    return render(
        request,
        "policy/parameter_list.html",
        {
            **page_context("parameters", "政策参数"),
            "page_obj": page,
            "division_names": parameter_selectors.division_names(page),
            "labels": {spec.name: spec.label for spec in parameters()},
            "groups": {spec.name: spec.group for spec in parameters()},
            "catalogue": parameters(),
            "filters": filters,
            "today": date.today(),
            "can_manage": has_capability(request.user, Capability.MANAGE_POLICY),
        },
    )


def parameter_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    form = ParameterForm(request.POST or None, initial={"division_code": request.user.division_code})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            parameter = set_parameter(
                request.user,
                name=data["name"],
                division_code=data["division_code"] or request.user.division_code,
                effective_from=data["effective_from"],
                value=data["value"] or None,
                text_value=data["text_value"].strip(),
                source_note=data["source_note"],
            )
        except MinzhengError as exc:
            add_service_error(form, exc)
        else:
            messages.success(
                request,
                f"已设置“{spec_for(parameter.name).label}”，{parameter.effective_from:%Y-%m-%d}起执行",
            )
            return redirect(f"{reverse('policy:parameter_list')}?name={parameter.name}")
    return render(
        request,
        "policy/parameter_form.html",
        {
            **page_context("parameters", "设置参数", ("设置参数", None)),
            "form": form,
            "division_value": form["division_code"].value() or request.user.division_code,
            "cancel_url": reverse("policy:parameter_list"),
        },
    )
