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
from minzheng.core.indicator_sources import collect_indicator_sources
from minzheng.core.models import Role
from minzheng.core.permissions import Capability, has_capability
from minzheng.core.selectors.dashboard import dashboard_figures
from minzheng.core.services.accounts import authenticate_with_lockout
from minzheng.core.services.audit import record_event
from minzheng.core.views.second_factor import start_login
from minzheng.planning.interface import plan_glance
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


# 领导首页 key figures, each the sum of domain indicator sources (never a domain's tables): label, unit, the
# sources and which part of their value counts (the value, or the denominator: 床位总数 of the bed ratio).
_KEY_FIGURES = (
    ("保障人数", "人", ("assistance.dibao_urban_persons", "assistance.dibao_rural_persons",
                     "assistance.tekun_centralised_persons", "assistance.tekun_dispersed_persons"), "value"),
    ("当月发放", "万元", ("assistance.dibao_urban_spending", "assistance.dibao_rural_spending",
                      "assistance.tekun_spending"), "value"),
    ("预警", "条", ("monitoring.open_warnings",), "value"),
    ("养老床位", "张", ("eldercare.nursing_bed_ratio",), "denominator"),
)  # fmt: skip


def leader_key_figures(user, today: date) -> list[tuple[str, str, object, str]]:
    """The bureau's key figures for the leader's division this month, through the domains' indicator sources
    (each covers the division's subtree): (label, unit, value or None, drill-down URL)."""
    if not user.division_code:
        return []
    available = collect_indicator_sources()
    start = today.replace(day=1)
    found = []
    for label, unit, codes, part in _KEY_FIGURES:
        total, link = None, ""
        for code in codes:
            source = available.get(code)
            if source is None:
                continue
            try:
                value = source.compute(user.division_code, start, today)
            except MinzhengError:
                continue
            figure = getattr(value, part)
            if figure is not None:
                total = (total or 0) + figure
            link = link or value.drilldown_url or ""
        # One source's drill-down lists the records behind the sum only when the sum is that source alone.
        found.append((label, unit, total, link if len(codes) == 1 else ""))
    return found


def _leader_panels(user, today: date) -> dict:
    """领导首页: plan status at a glance and the bureau's key figures, above the 待办 everyone sees."""
    return {"plan": plan_glance(user, today), "key_figures": leader_key_figures(user, today)}


def home(request):
    if not has_capability(request.user, Capability.VIEW_REGISTRY):
        # 安全管理员 (三员分立): no registry figures to show — the home page lists the tools of the role
        return render(request, "web/home_administrator.html", {"active_nav": "home", "page_title": "首页"})
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
            **(
                _leader_panels(request.user, date.today()) if Role.LEADER in request.user.role_codes() else {}
            ),
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
