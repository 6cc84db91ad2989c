"""The resident portal (/public/onestop/): 办事指南, register/login on the portal's own cookie (ADR 0034),
apply online, 办理进度, 补正, 撤回, 一次性告知书, 好差评. No staff session is read or written here."""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.identity import mask_id_number
from minzheng.web.kit.forms import run_service, submitted

from .. import forms as f
from ..documents import notice_pdf
from ..models import AppStatus
from ..rules.evaluations import BAD_REASONS, LEVELS
from ..rules.materials import asked_materials, shared_materials
from ..selectors.applications import evaluation_of, resident_applications
from ..selectors.catalogue import public_matter, public_matters
from ..services import applications as svc
from ..services import evaluations
from ..services import residents as accounts
from .window import material_response


def _set_cookie(response, token: str) -> None:
    response.set_cookie(
        accounts.COOKIE_NAME, token, max_age=int(accounts.ABSOLUTE.total_seconds()), path=accounts.COOKIE_PATH,
        httponly=True, samesite="Strict", secure=settings.SESSION_COOKIE_SECURE,
    )  # fmt: skip


def resident_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        resident = accounts.resident_for_token(request.COOKIES.get(accounts.COOKIE_NAME, ""))
        if resident is None:
            return redirect(f"{reverse('onestop_public:login')}?next={request.path}")
        request.resident = resident
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapper


def _page(request, template: str, **context):
    return render(request, f"onestop/{template}", {"resident": getattr(request, "resident", None), **context})


def guide_list(request):
    return _page(request, "guide_list.html", matters=public_matters())


def guide(request, code: str):
    matter = public_matter(code)
    return _page(
        request, "guide.html", matter=matter, asked=asked_materials(matter.materials),
        shared=shared_materials(matter.materials),
    )  # fmt: skip


def register(request):
    form = submitted(request, f.RegisterForm)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        resident = run_service(form, lambda: accounts.register(**d))
        if resident is not None:
            response = redirect("onestop_public:home")
            _set_cookie(response, accounts.start_session(resident))
            return response
    return _page(request, "register.html", form=form)


def login(request):
    form = submitted(request, f.LoginForm)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        resident = run_service(form, lambda: accounts.authenticate(d["id_number"], d["password"]))
        if resident is not None:
            target = request.GET.get("next", "")
            if not target.startswith(accounts.COOKIE_PATH) or "//" in target:
                target = reverse("onestop_public:home")
            response = redirect(target)
            _set_cookie(response, accounts.start_session(resident))
            return response
    return _page(request, "login.html", form=form)


@require_POST
def logout(request):
    accounts.end_session(request.COOKIES.get(accounts.COOKIE_NAME, ""))
    response = redirect("onestop_public:login")
    response.delete_cookie(accounts.COOKIE_NAME, path=accounts.COOKIE_PATH)
    return response


@resident_required
def home(request):
    resident = request.resident
    rows = resident_applications(resident, accounts.current_household_id(resident))[:50]
    return _page(request, "home.html", applications=rows, masked=mask_id_number(resident.id_number))


@resident_required
def apply(request, code: str):
    matter = public_matter(code)
    asked, shared = asked_materials(matter.materials), shared_materials(matter.materials)
    form = submitted(request, f.ApplyForm)
    upload_errors = ""
    if request.method == "POST" and form.is_valid():
        uploads = {m["code"]: request.FILES.get(f"file_{m['code']}") for m in asked}
        application = run_service(
            form,
            lambda: svc.apply_online(
                request.resident, matter.code, reason=form.cleaned_data["reason"], uploads=uploads
            ),
        )
        if application is not None:
            return redirect("onestop_public:application", pk=application.pk)
    return _page(
        request,
        "apply.html",
        matter=matter,
        asked=asked,
        shared=shared,
        form=form,
        upload_errors=upload_errors,
    )


@resident_required
def application(request, pk: int):
    item = svc.refresh_from_domain(svc.resident_application(request.resident, pk))
    have = svc.provided_codes(item)
    rated = evaluation_of(item)
    return _page(
        request, "application.html", item=item, events=item.events.all(), have=have,
        checklist=item.matter.materials, rated=rated, levels=LEVELS, bad_reasons=BAD_REASONS,
        can_rate=item.status in evaluations.RATEABLE and rated is None,
        can_withdraw=item.resident_id == request.resident.pk and not item.domain_reference
        and item.status in (AppStatus.SUBMITTED, AppStatus.MATERIALS_PENDING, AppStatus.FORWARDED),
        masked=mask_id_number(item.applicant_id_number), rate_form=f.RateForm(), withdraw_form=f.WithdrawForm(),
    )  # fmt: skip


def _back(request, pk: int, call, success: str):
    from django.contrib import messages

    try:
        call()
    except MinzhengError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("onestop_public:application", pk=pk)


@require_POST
@resident_required
def supplement(request, pk: int):
    item = svc.resident_application(request.resident, pk)
    uploads = {m["code"]: request.FILES.get(f"file_{m['code']}") for m in item.missing}
    return _back(request, pk, lambda: svc.supplement(request.resident, pk, uploads), "材料已提交")


@require_POST
@resident_required
def withdraw(request, pk: int):
    form = f.WithdrawForm(request.POST)
    form.is_valid()
    return _back(
        request,
        pk,
        lambda: svc.withdraw(request.resident, pk, reason=form.cleaned_data.get("reason") or ""),
        "已撤回申请",
    )


@require_POST
@resident_required
def rate(request, pk: int):
    form = f.RateForm(request.POST)
    if not form.is_valid():
        from django.contrib import messages

        messages.error(request, "请选择评价等级")
        return redirect("onestop_public:application", pk=pk)
    d = form.cleaned_data
    return _back(
        request, pk, lambda: evaluations.rate(request.resident, pk, level=d["level"], reasons=d["reasons"], comment=d["comment"]),
        "感谢您的评价",
    )  # fmt: skip


@resident_required
def notice(request, pk: int):
    item = svc.resident_application(request.resident, pk)
    if not item.notice_number:
        from django.http import Http404

        raise Http404("没有一次性告知书")
    response = HttpResponse(notice_pdf(item), content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="notice.pdf"'
    return response


@resident_required
def material(request, pk: int, file_pk: int):
    return material_response(svc.resident_application(request.resident, pk), file_pk)
