"""规则修订影响清单: the in-force enrolments the corrected rules would judge differently, for 复核."""

from datetime import date

from django.shortcuts import render
from django.utils import timezone

from minzheng.core.views.common import paginate

from ..services.rule_changes import rule_change_impacts
from .common import page_context


def rule_change_page(request):
    try:
        on = date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        on = timezone.localdate()
    rows = rule_change_impacts(request.user, on)
    return render(
        request,
        "assistance/rule_changes.html",
        {
            **page_context("rule_changes", "规则修订影响清单"),
            "page_obj": paginate(request, rows),
            "on": on,
            "total": len(rows),
        },
    )
