"""公示: the list per community for staff (in the jurisdiction) and the public notice page (no login,
masked names, no ID numbers), both printable."""

from datetime import date

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from minzheng.core.jurisdiction import covers, division_level
from minzheng.core.selectors.divisions import division_name
from minzheng.policy.interface import issuing_office, month_start, township_code

from ..selectors.publicity import publicity_applications, publicity_beneficiaries
from .common import page_context


def _lists(code: str, today: date) -> dict:
    return {
        "community_code": code,
        "community_name": division_name(code),
        "applications": publicity_applications(code, today),
        "beneficiaries": publicity_beneficiaries(code, month_start(today)),
        "today": today,
        # the township's own 监督电话, else its county's, else 12345 (policy's 文书机关)
        "supervision_phone": issuing_office(township_code(code)).supervision_phone,
    }


def publicity(request):
    code = request.GET.get("division", "").strip().ljust(12, "0") if request.GET.get("division") else ""
    if not code and division_level(request.user.division_code) >= 4:
        # A township's staff picking "七道街道（全部）" (or nothing) mean their own township, not "nothing".
        code = request.user.division_code
    today = timezone.localdate()
    context = {**page_context("publicity", "救助公示"), "division": code}
    if code:
        if division_level(code) < 4 or not covers(request.user.division_code, code):
            raise Http404("请选择本辖区内的乡镇（街道）或村（社区）")
        context |= _lists(code, today)
    return render(request, "assistance/publicity.html", context)


def public_notice(request, code: str):
    """The public page a community posts (linked from the notice board's QR code): minimised data only."""
    if len(code) != 12 or not code.isdigit() or division_level(code) < 4:
        raise Http404("页面不存在")
    return render(request, "assistance/public_notice.html", _lists(code, timezone.localdate()))
