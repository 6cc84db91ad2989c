"""社会救助 统计分析: figures by division, program and month (ECharts), each linked to its list."""

from datetime import date

from django.shortcuts import render
from django.utils import timezone

from minzheng.core.jurisdiction import covers
from minzheng.policy.interface import month_start
from minzheng.web.kit.charts import numbers, pie

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
    charts = {
        "trend": {
            "tooltip": {"trigger": "axis"},
            "legend": {"top": 0, "data": ["户数", "金额（元）"]},
            "grid": {"top": 50, "left": 60, "right": 70, "bottom": 40},
            "xAxis": {"type": "category", "data": [label for label, _ in figures.trend]},
            "yAxis": [{"type": "value", "name": "户"}, {"type": "value", "name": "元"}],
            "series": [
                {"name": "户数", "type": "bar", "data": [f.households for _, f in figures.trend]},
                {
                    "name": "金额（元）",
                    "type": "line",
                    "yAxisIndex": 1,
                    "data": numbers(f.amount for _, f in figures.trend),
                },
            ],
        },
        "programs": pie(
            [{"name": name or code, "value": f.households} for code, name, f in figures.by_program]
        ),
    }
    return render(
        request,
        "assistance/dashboard.html",
        {
            **page_context("dashboard", "社会救助统计分析"),
            "figures": figures,
            "charts": charts,
            "month_value": f"{month:%Y-%m}",
            "division": division,
            "stale_standards": stale_standards(request.user, today),
        },
    )
