"""节假日与调休: the official holiday schedule as data an administrator extends each year."""

from django.conf import settings
from django.db import models


class HolidayCalendarDay(models.Model):
    """One day that breaks the Monday–Friday rule: a 法定节假日 rest day, or a 调休 working weekend.

    Seeded from ``chinese-calendar`` (schedules to 2026); later years are entered when the State Council
    publishes them. A year counts as known once any of its days is here.
    """

    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"
    KINDS = [(HOLIDAY, "法定节假日（休息）"), (MAKEUP_WORKDAY, "调休上班")]

    day = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=20, choices=KINDS)
    note = models.CharField("说明", max_length=100, blank=True)
    source = models.CharField("来源", max_length=50, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        db_table = "policy_holiday_calendar_day"
        verbose_name = "节假日"
        verbose_name_plural = "节假日"
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%Y-%m-%d} {self.get_kind_display()}"

    @property
    def source_label(self) -> str:
        """来源 as a user reads it (the seed package's name is a developer's word)."""
        return "系统预置（国务院办公厅节假日安排）" if self.source == "chinese-calendar" else self.source
