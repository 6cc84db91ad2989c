"""监测总览: warnings by rule, severity, status and division (tree with drill-down), disposal figures."""

from datetime import timedelta

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from minzheng.core.jurisdiction import child_prefix_length
from minzheng.core.selectors.divisions import child_names, division_name
from minzheng.core.views.common import parse_date
from minzheng.web.kit.charts import linked

from .. import rules, selectors
from ..rule_catalogue import RULE_KINDS, SEVERITIES
from .common import page


def dashboard(request):
    today = timezone.localdate()
    since = parse_date(request.GET.get("since")) or today - timedelta(days=365)
    code = request.user.division_code or ""
    figures = selectors.dashboard(request.user, since=since, child_prefix_length=child_prefix_length(code))
    names = child_names(code)
    children = [
        {"code": c, "name": names.get(c, c), "total": n, "open": figures["open_by_child"].get(c, 0)}
        for c, n in sorted(figures["by_child"].items())
    ]
    labels = {
        "rule": {k: v.label for k, v in RULE_KINDS.items()},
        "severity": dict(SEVERITIES),
        "status": dict(rules.STATUSES),
        "disposal": dict(rules.DISPOSALS),
    }
    listing = reverse("monitoring:warning_list")
    by_rule = figures["by_rule"]
    charts = {
        # Each figure opens the warning list filtered to it.
        "rule": {
            "tooltip": {"trigger": "axis"}, "grid": {"left": 170, "right": 20},
            "yAxis": {"type": "category", "data": [labels["rule"].get(k, k) for k in by_rule]},
            "xAxis": {"type": "value"},
            "series": [{"type": "bar", "data": linked(by_rule.values(), [f"{listing}?rule={k}" for k in by_rule])}],
        },
        "status": {"tooltip": {"trigger": "item"}, "series": [
            {"type": "pie", "radius": ["0%", "35%"], "label": {"position": "inner"},
             "data": [{"name": labels["severity"].get(k, k), "value": v, "link": f"{listing}?severity={k}"}
                      for k, v in figures["by_severity"].items()]},
            {"type": "pie", "radius": ["45%", "70%"],
             "data": [{"name": labels["status"].get(k, k), "value": v, "link": f"{listing}?status={k}"}
                      for k, v in figures["by_status"].items()]},
        ]},
    }  # fmt: skip
    return render(
        request,
        "monitoring/dashboard.html",
        page(
            request,
            "监测总览",
            "monitoring:dashboard",
            figures=figures,
            children=children,
            charts=charts,
            since=since,
            region=division_name(code) if code else "全国",
            disposal_labels=labels["disposal"],
        ),
    )
