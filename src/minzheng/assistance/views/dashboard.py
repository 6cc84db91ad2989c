"""社会救助 统计分析: figures by division, program and month (ECharts), each linked to its list."""

from datetime import date

from django.shortcuts import render
from django.utils import timezone

from minzheng.core.jurisdiction import covers
from minzheng.policy.interface import month_start

from ..selectors.dashboard import dashboard
from ..selectors.standards import stale_standards
from .common import page_context


def dashboard_page(request):
    today = timezone.localdate()
    try:
        month = date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        month = month_start(today)
    division = request.GET.get("division", "").strip()
    if not division or not covers(request.user.division_code, division):
        division = request.user.division_code
    figures = dashboard(request.user, month, division, today=today)
    chart = {
        "months": [label for label, _ in figures.trend],
        "households": [f.households for _, f in figures.trend],
        "amounts": [float(f.amount) for _, f in figures.trend],
        "programs": [{"name": name or code, "value": f.households} for code, name, f in figures.by_program],
    }
    return render(
        request,
        "assistance/dashboard.html",
        {
            **page_context("dashboard", "社会救助统计分析"),
            "figures": figures,
            "chart": chart,
            "month_value": f"{month:%Y-%m}",
            "division": division,
            "stale_standards": stale_standards(request.user, today),
        },
    )
