"""家庭户 and 人员 pages: lists with search and export, details, and the dated changes."""

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from ..errors import MinzhengError
from ..forms import DeathForm, MoveForm, SplitForm
from ..household_panels import household_panels
from ..jurisdiction import covers
from ..permissions import Capability, has_capability
from ..read_audit import Channel
from ..selectors import registry as registry_selectors
from ..selectors.divisions import full_division_name, names_of
from ..services import exports, registry
from .common import paginate, xlsx_response


def _household_filters(request) -> registry_selectors.HouseholdFilter:
    return registry_selectors.HouseholdFilter(
        q=request.GET.get("q", "").strip(),
        division_code=request.GET.get("division", "").strip(),
        area_type=request.GET.get("area_type", ""),
        include_dissolved=request.GET.get("include_dissolved") == "1",
    )


def _person_filters(request) -> registry_selectors.PersonFilter:
    return registry_selectors.PersonFilter(
        q=request.GET.get("q", "").strip(),
        division_code=request.GET.get("division", "").strip(),
        sex=request.GET.get("sex", ""),
        disabled_only=request.GET.get("disabled") == "1",
    )


def household_list(request):
    filters = _household_filters(request)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(exports.export_households(request.user, filters), "家庭户")
    page = paginate(request, registry_selectors.household_list(request.user, filters))
    names = names_of({h.residence_division_code for h in page})
    return render(
        request,
        "core/household_list.html",
        {
            "page_obj": page,
            "filters": filters,
            "division_names": names,
            "active_nav": "households",
            "breadcrumbs": [("人口家庭", None), ("家庭户", None)],
            "page_title": "家庭户",
            "can_edit": has_capability(request.user, Capability.EDIT_REGISTRY),
        },
    )


def household_detail(request, pk: int):
    household = registry_selectors.read_household(request.user, pk, channel=Channel.PAGE)
    return render(
        request,
        "core/household_detail.html",
        {
            "household": household,
            "members": household.current_memberships,
            "history": registry_selectors.household_history(household),
            "panels": household_panels(request.user, household.pk),
            "division_full_name": full_division_name(household.residence_division_code),
            "can_edit": has_capability(request.user, Capability.EDIT_REGISTRY),
            "can_reveal": has_capability(request.user, Capability.REVEAL_ID_NUMBER),
            "active_nav": "households",
            "page_title": f"家庭 {household.number}",
            "breadcrumbs": [
                ("人口家庭", None),
                ("家庭户", reverse("core:household_list")),
                (household.number, None),
            ],
            "today": date.today(),
        },
    )


def person_list(request):
    filters = _person_filters(request)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(exports.export_persons(request.user, filters), "人员")
    page = paginate(request, registry_selectors.person_list(request.user, filters))
    return render(
        request,
        "core/person_list.html",
        {
            "page_obj": page,
            "filters": filters,
            "division_names": names_of({p.residence_division_code for p in page}),
            "active_nav": "persons",
            "page_title": "人员",
            "breadcrumbs": [("人口家庭", None), ("人员", None)],
        },
    )


def person_detail(request, pk: int):
    person = registry_selectors.read_person(request.user, pk, channel=Channel.PAGE)
    return render(
        request,
        "core/person_detail.html",
        {
            "person": person,
            "household": registry_selectors.current_household_of(person),
            "division_full_name": full_division_name(person.residence_division_code),
            "can_edit": has_capability(request.user, Capability.EDIT_REGISTRY),
            "can_reveal": has_capability(request.user, Capability.REVEAL_ID_NUMBER),
            "active_nav": "persons",
            "page_title": person.name,
            "today": date.today(),
            "breadcrumbs": [("人口家庭", None), ("人员", reverse("core:person_list")), (person.name, None)],
        },
    )


@require_POST
def reveal_id_number(request, pk: int):
    """htmx: the full 公民身份号码, for roles that need it — every reveal is audited."""
    person = registry.reveal_id_number(request.user, pk, channel="页面")
    return HttpResponse(format_html('<span class="id-full">{}</span>', person.id_number))


@require_POST
def record_death(request, pk: int):
    person = registry_selectors.person_detail(request.user, pk)
    form = DeathForm(request.POST)
    try:
        death_date = _valid(form)["death_date"]
        registry.record_death(request.user, person, death_date=death_date, reason=form.cleaned_data["reason"])
        messages.success(request, f"已登记{person.name}死亡（{death_date:%Y-%m-%d}）")
    except MinzhengError as exc:
        messages.error(request, exc.message)
    return redirect("core:person_detail", pk=pk)


@require_POST
def move_household(request, pk: int):
    household = registry_selectors.household_detail(request.user, pk)
    try:
        registry.move_household(request.user, household, **_valid(MoveForm(request.POST)))
        messages.success(request, f"家庭 {household.number} 已迁移")
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("core:household_detail", pk=pk)
    if not covers(request.user.division_code, household.residence_division_code):
        return redirect("core:household_list")  # moved out of the user's jurisdiction
    return redirect("core:household_detail", pk=pk)


@require_POST
def split_household(request, pk: int):
    household = registry_selectors.household_detail(request.user, pk)
    try:
        typed = _valid(SplitForm(request.POST))
        new = registry.split_household(
            request.user, household, **{**typed, "new_head_id": typed["new_head_id"] or 0}
        )
        messages.success(request, f"已分户，新户编号 {new.number}")
        return redirect("core:household_detail", pk=new.pk)
    except MinzhengError as exc:
        messages.error(request, exc.message)
        return redirect("core:household_detail", pk=pk)


def _valid(form) -> dict:
    """The form's values, or its first error (which names its field) as the page's message."""
    if not form.is_valid():
        name, errors = next(iter(form.errors.items()))
        raise MinzhengError(errors[0], field=name)
    return form.cleaned_data
