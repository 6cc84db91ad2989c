"""节假日: the schedule by year, and entering a day of a newly published schedule."""

from datetime import date

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from minzheng.core.errors import MinzhengError
from minzheng.core.permissions import Capability, has_capability, require
from minzheng.core.query_params import parse_year

from ..forms import HolidayForm
from ..selectors.calendar import calendar_days, calendar_years
from ..services.calendar import add_calendar_day
from .common import add_service_error, page_context

WEEKDAYS = "一二三四五六日"


def _year(text: str | None, years: list[int]) -> int:
    year = parse_year(text)
    if year is not None:
        return year
    return date.today().year if date.today().year in years or not years else years[0]


def holiday_list(request, form: HolidayForm | None = None):
    years = calendar_years()
    shown = form["year"].value() if form is not None and form.is_bound else None
    year = _year(request.GET.get("year") or shown, years)
    days = [(day, f"星期{WEEKDAYS[day.day.weekday()]}") for day in calendar_days(year)]
    return render(
        request,
        "policy/holiday_list.html",
        {
            **page_context("holidays", f"节假日（{year}年）"),
            "years": years,
            "year": year,
            "days": days,
            "form": form or HolidayForm(),
            "can_manage": has_capability(request.user, Capability.MANAGE_POLICY),
        },
    )


@require_POST
def holiday_create(request):
    require(request.user, Capability.MANAGE_POLICY)
    form = HolidayForm(request.POST)
    if form.is_valid():
        try:
            row = add_calendar_day(
                request.user,
                day=form.cleaned_data["day"],
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
        except MinzhengError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"已登记 {row.day:%Y-%m-%d}（{row.get_kind_display()}）")
            return redirect(f"{reverse('policy:holiday_list')}?year={row.day.year}")
    return holiday_list(request, form)
