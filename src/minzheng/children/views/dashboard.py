"""儿童福利 总览: children by current category, overdue contacts, applications at each step."""

from datetime import date

from django.shortcuts import render

from ..selectors.dashboard import summary
from .common import crumbs, frame


def dashboard(request):
    figures = summary(request.user, date.today())
    return render(request, "children/dashboard.html", {**frame("儿童福利", crumbs()), "summary": figures})
