"""活动异常名录 / 严重违法失信名单: a listing (one episode of one organisation on one list) and its grounds."""

from django.db import models

from .choices import LIST_CHOICES, REASON_CHOICES
from .organisations import Organisation


class ListingStatus(models.TextChoices):
    PROPOSED = "proposed", "待列入"
    LISTED = "listed", "在列"
    REMOVED = "removed", "已移出"
    ESCALATED = "escalated", "已转入严重违法失信名单"
    WITHDRAWN = "withdrawn", "不予列入"


class CreditListing(models.Model):
    """One episode on a list. ``clock_from`` restarts with each new ground; ``first_listed_on`` does not."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="listings")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    list_kind = models.CharField("名录", max_length=10, choices=LIST_CHOICES)
    status = models.CharField("状态", max_length=10, choices=ListingStatus.choices, default="proposed")
    proposed_on = models.DateField("认定事实日期")
    listing_due_on = models.DateField("列入期限")
    first_listed_on = models.DateField("列入日期", null=True, blank=True)
    clock_from = models.DateField("计时起点", null=True, blank=True)
    removal_due_on = models.DateField("移出期限", null=True, blank=True)
    removed_on = models.DateField("移出日期", null=True, blank=True)
    removal_reason = models.CharField("移出理由", max_length=300, blank=True)
    escalated_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="escalated_to"
    )
    proposed_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "信用名录记录"
        verbose_name_plural = "信用名录记录"
        indexes = [models.Index(fields=["division_code", "list_kind", "status"])]

    def __str__(self) -> str:
        return f"{self.get_list_kind_display()} {self.organisation_id}"


class CreditGround(models.Model):
    """One ground (reason code, basis) of a listing; ``fixed_on`` is when its rectification was verified."""

    listing = models.ForeignKey(CreditListing, on_delete=models.CASCADE, related_name="grounds")
    reason = models.CharField("列入事由", max_length=32, choices=REASON_CHOICES)
    basis = models.CharField("依据/文书", max_length=300)
    established_on = models.DateField("事实认定日期")
    listed_on = models.DateField("列入日期", null=True, blank=True)
    fixed_on = models.DateField("履行义务核实日期", null=True, blank=True)
    fix_note = models.CharField("整改情况", max_length=300, blank=True)
    rejected = models.BooleanField("不予列入", default=False)
    recorded_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "信用名录事由"
        verbose_name_plural = "信用名录事由"
        ordering = ["established_on", "pk"]

    def __str__(self) -> str:
        return self.get_reason_display()
