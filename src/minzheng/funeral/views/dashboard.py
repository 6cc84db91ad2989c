"""殡葬管理 总览."""

from django.shortcuts import render
from django.urls import reverse

from minzheng.core.selectors.divisions import division_name
from minzheng.web.kit.charts import bars

from ..selectors import dashboard
from .common import base_context, crumbs


def dashboard_page(request):
    year = dashboard.this_year()
    figures = dashboard.summary(request.user, year)
    months = dashboard.deaths_by_month(request.user, year)
    charts = {"deaths": bars([m for m, _ in months], {"死亡登记": [n for _, n in months]})}
    return render(
        request,
        "funeral/dashboard.html",
        base_context(
            "殡葬管理", crumbs(("总览", None)), figures=figures, charts=charts, year=year,
            division=division_name(request.user.division_code), death_list=reverse("funeral:death_list"),
        ),
    )  # fmt: skip
