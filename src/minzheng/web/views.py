"""The shell's own pages: login/logout, the home dashboard, and 建设中 pages for sub-platforms to come."""

from datetime import date

from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from minzheng.assistance.interface import stale_standards
from minzheng.core.errors import MinzhengError
from minzheng.core.selectors.dashboard import dashboard_figures
from minzheng.core.services.accounts import authenticate_with_lockout
from minzheng.core.services.audit import record_event
from minzheng.core.views.second_factor import start_login
from minzheng.worklist.interface import queue_summary

from .forms import LoginForm
from .kit.charts import bars, pie
from .kit.forms import error_lines
from .navigation import find_item


def login_view(request):
    if request.user.is_authenticated:
        return redirect("web:home")
    error = ""
    username = ""
    if request.method == "POST":
        form = LoginForm(request.POST)
        typed = form.cleaned_data if form.is_valid() else {}
        username = typed.get("username", "")
        try:
            if not typed:  # a control character typed into a field: its error names the field
                raise MinzhengError(error_lines(form)[0])
            user = authenticate_with_lockout(username, typed["password"])
        except MinzhengError as exc:
            error = exc.message
        else:
            target = typed["next"] or request.GET.get("next") or ""
            if second_step := start_login(request, user, target):
                return second_step
            if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                return redirect(target)
            return redirect("web:home")
    return render(
        request,
        "web/login.html",
        {"error": error, "username": username, "next": request.GET.get("next", "")},
        status=401 if error else 200,
    )


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        record_event(request.user, "logout")
    logout(request)
    messages.info(request, "您已安全退出")
    return redirect("web:login")


def home(request):
    figures = dashboard_figures(request.user, date.today())
    names = [name for _, name, _, _ in figures.by_division]
    charts = {
        "divisions": bars(
            names,
            {
                "户数": [n for _, _, n, _ in figures.by_division],
                "人数": [p for _, _, _, p in figures.by_division],
            },
            rotate=30,
            grid={"left": 50, "right": 20, "top": 40, "bottom": 60},
        ),
        "ages": pie([{"name": label, "value": n} for label, n in figures.age_bands]),
    }
    return render(
        request,
        "web/home.html",
        {
            "figures": figures,
            "charts": charts,
            "active_nav": "home",
            "page_title": "首页",
            "todo": queue_summary(request.user, date.today()),
            "stale_standards": stale_standards(request.user, date.today()),
        },
    )


def under_construction(request, slug: str):
    item = find_item(slug)
    if item is None:
        raise Http404("页面不存在")
    return render(
        request,
        "web/under_construction.html",
        {"item": item, "active_nav": slug, "page_title": item.label, "breadcrumbs": [(item.label, None)]},
    )


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")
