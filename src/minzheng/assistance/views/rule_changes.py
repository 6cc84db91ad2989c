"""规则修订影响清单: the in-force enrolments the corrected rules would judge differently, for 复核."""

from datetime import date

from django.shortcuts import render
from django.utils import timezone

from minzheng.core.jurisdiction import covers, division_level, parse_division_code
from minzheng.core.selectors.divisions import children_in_jurisdiction, division_name, names_of
from minzheng.core.views.common import paginate

from ..services.rule_changes import rule_change_impacts
from .common import page_context


def rule_change_page(request):
    try:
        on = date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        on = timezone.localdate()
    chosen = parse_division_code(request.GET.get("division", "")) or request.user.division_code
    if not covers(request.user.division_code, chosen):
        chosen = request.user.division_code
    context = {**page_context("rule_changes", "规则修订影响清单"), "on": on, "division": chosen}
    if division_level(chosen) < 3:
        # Re-judging every enrolment of a city takes seconds: a city or province picks a county first.
        context["choices"] = children_in_jurisdiction(request.user, chosen)
        return render(request, "assistance/rule_changes.html", context)
    rows = rule_change_impacts(request.user, on, division_code=chosen)
    page = paginate(request, rows)
    return render(
        request,
        "assistance/rule_changes.html",
        {
            **context,
            "division_name": division_name(chosen),
            "page_obj": page,
            "division_names": names_of({r.division_code for r in page}),
            "total": len(rows),
        },
    )
