"""节假日 by year, for the calendar page."""

from django.db.models import QuerySet
from django.db.models.functions import ExtractYear

from ..models import HolidayCalendarDay


def calendar_years() -> list[int]:
    """Years with any day entered, newest first."""
    years = HolidayCalendarDay.objects.annotate(year=ExtractYear("day")).values_list("year", flat=True)
    return sorted(set(years), reverse=True)


def calendar_days(year: int) -> QuerySet[HolidayCalendarDay]:
    return HolidayCalendarDay.objects.filter(day__year=year).order_by("day")
