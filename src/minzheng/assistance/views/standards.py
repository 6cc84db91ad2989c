"""保障标准: list with history and derived standards, one standard's versions, and a new version."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.views.common import paginate

from ..forms import StandardForm
from ..models import Area, StandardKind
from ..selectors import standards as standard_selectors
from ..services import standards as standard_services
from ..services.in_force import derived_standards
from .common import add_service_error, page_context


def _filters(request) -> standard_selectors.StandardFilter:
    return standard_selectors.StandardFilter(
        kind=request.GET.get("kind", ""),
        area=request.GET.get("area", ""),
        division_code=request.GET.get("division", "").strip(),
        current_only=request.GET.get("current") == "1",
    )


def standard_list(request):
    filters = _filters(request)
    page = paginate(request, standard_selectors.standard_list(request.user, filters))
    return render(
        request,
        "assistance/standard_list.html",
        {
            **page_context("standards", "保障标准"),
            "page_obj": page,
            "rows": standard_selectors.standard_rows(page, date.today()),
            "filters": filters,
            "kinds": StandardKind.choices,
            "areas": Area.choices,
            "can_manage": has_capability(request.user, Capability.MANAGE_POLICY),
            "stale_standards": standard_selectors.stale_standards(request.user, date.today()),
        },
    )


def standard_detail(request, pk: int):
    standard = standard_selectors.standard_detail(request.user, pk)
    today = date.today()
    return render(
        request,
        "assistance/standard_detail.html",
        {
            **page_context("standards", standard.get_kind_display(), (standard.get_kind_display(), None)),
            "standard": standard,
            "history": standard_selectors.standard_history(standard),
            "division_name": standard_selectors.standard_rows([standard], today)[0].division_name,
            "derived": derived_standards(standard.division_code, today)
            if standard.kind == StandardKind.DIBAO
            else [],
            "today": today,
            "can_manage": has_capability(request.user, Capability.MANAGE_POLICY),
        },
    )


def standard_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    initial = {"division_code": request.user.division_code, "period": "month", "area": Area.URBAN}
    form = StandardForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            standard = standard_services.set_standard(
                request.user,
                kind=data["kind"],
                area=data["area"],
                division_code=data["division_code"] or request.user.division_code,
                effective_from=data["effective_from"],
                amount=data["amount"],
                period=data["period"],
                is_override=data["is_override"],
                source_note=data["source_note"],
            )
        except MinzhengError as exc:
            add_service_error(form, exc)
        else:
            messages.success(
                request, f"已新增{standard.get_kind_display()}，{standard.effective_from:%Y-%m-%d}起执行"
            )
            return redirect("assistance:standard_detail", pk=standard.pk)
    return render(
        request,
        "assistance/standard_form.html",
        {
            **page_context("standards", "新增标准版本", ("新增标准版本", None)),
            "form": form,
            "division_value": form["division_code"].value() or request.user.division_code,
            "cancel_url": reverse("assistance:standard_list"),
        },
    )
