"""特困人员认定抽查: the county's recorded draws and the form that draws the next one."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, has_capability

from ..selectors.spot_checks import spot_check_list
from ..services.spot_checks import draw_tekun_spot_check
from .common import page_context


def spot_check_page(request):
    if request.method == "POST":
        post = request.POST
        try:
            check = draw_tekun_spot_check(
                request.user, county_code=post.get("county_code", "") or request.user.division_code,
                period_from=date.fromisoformat(post.get("period_from", "")),
                period_to=date.fromisoformat(post.get("period_to", "")),
            )  # fmt: skip
            messages.success(request, f"已抽取 {len(check.sample_case_ids)} 件（共 {check.population} 件）")
        except ValueError:
            messages.error(request, "日期格式应为 2026-01-31")
        except MinzhengError as exc:
            messages.error(request, exc.message)
        return redirect("assistance:spot_checks")
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
