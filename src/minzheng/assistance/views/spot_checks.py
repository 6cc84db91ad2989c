"""特困人员认定抽查: the county's recorded draws and the form that draws the next one."""

from django.shortcuts import render
from django.urls import reverse

from minzheng.core.permissions import Capability, has_capability
from minzheng.web.kit.forms import act_then_redirect

from ..page_forms import SpotCheckForm
from ..selectors.spot_checks import spot_check_list
from ..services.spot_checks import draw_tekun_spot_check
from .common import page_context


def spot_check_page(request):
    if request.method == "POST":
        form = SpotCheckForm(request.POST)
        return act_then_redirect(
            request,
            form,
            lambda typed: draw_tekun_spot_check(
                request.user,
                county_code=typed["county_code"] or request.user.division_code,
                period_from=typed["period_from"],
                period_to=typed["period_to"],
            ),
            lambda check: f"已抽取 {len(check.sample_case_ids)} 件（共 {check.population} 件）",
            reverse("assistance:spot_checks"),
        )
    return render(
        request,
        "assistance/spot_checks.html",
        {
            **page_context("spot_checks", "特困人员认定抽查"),
            "checks": spot_check_list(request.user),
            "can_draw": has_capability(request.user, Capability.APPROVE_CASES),
            "county_code": request.user.division_code,
        },
    )
