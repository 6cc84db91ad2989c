"""村民会议 / 村民代表会议, their decisions (第二十四条 categories), minutes; 村务公开 items."""

from django.db import models

from .base import Row
from .choices import CHANNEL_CHOICES, DECISION_CATEGORIES, DisclosureCategory, MeetingKind
from .committees import Committee


class Meeting(Row):
    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    kind = models.CharField("会议类型", max_length=16, choices=MeetingKind.choices)
    title = models.CharField("议题", max_length=200)
    notified_on = models.DateField("通知日期")
    held_on = models.DateField("召开日期")
    notice_in_time = models.BooleanField("按时通知")
    eligible = models.PositiveIntegerField("应到人数（成年村民或代表）")
    present = models.PositiveIntegerField("实到人数")
    households = models.PositiveIntegerField("本村户数", default=0)
    households_present = models.PositiveIntegerField("到会户代表数", default=0)
    quorum_met = models.BooleanField("达到法定人数")
    minutes = models.TextField("会议记录", max_length=4000, blank=True)

    class Meta:
        verbose_name = "村（居）民会议"
        verbose_name_plural = "村（居）民会议"
        ordering = ["-held_on", "-pk"]


class Decision(Row):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    category = models.CharField("事项类别（第二十四条）", max_length=2, choices=DECISION_CATEGORIES)
    subject = models.CharField("决定事项", max_length=300)
    yes_votes = models.PositiveIntegerField("赞成人数")
    passed = models.BooleanField("通过")

    class Meta:
        verbose_name = "会议决定"
        verbose_name_plural = "会议决定"


class DisclosureItem(Row):
    """One 村务公开 item: what must be published for a period (or a major matter) and when it was."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="disclosures")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    category = models.CharField("公开类别", max_length=10, choices=DisclosureCategory.choices)
    frequency = models.CharField("公开频次", max_length=10)
    period = models.CharField("公开期间或事项", max_length=100)
    period_end = models.DateField("期末日或事项发生日")
    due_on = models.DateField("最迟公开日")
    published_on = models.DateField("公开日期", null=True, blank=True)
    channel = models.CharField("公开方式", max_length=8, choices=CHANNEL_CHOICES, blank=True)
    content = models.CharField("公开内容摘要", max_length=500, blank=True)

    class Meta:
        verbose_name = "村务公开事项"
        verbose_name_plural = "村务公开事项"
        ordering = ["due_on", "pk"]
