"""等级评估: one application, its score and level, 公示 with objections, the confirmed level and its changes."""

from django.db import models

from .organisations import Organisation


class RatingStatus(models.TextChoices):
    APPLIED = "applied", "已申请待评分"
    PUBLICISED = "publicised", "评估结果公示中"
    CONFIRMED = "confirmed", "已确认等级"
    NOT_RATED = "not_rated", "未达到等级"
    DOWNGRADED = "downgraded", "已降低等级"
    CANCELLED = "cancelled", "已取消等级"


class Rating(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="ratings")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    applied_on = models.DateField("申请日期")
    status = models.CharField("状态", max_length=12, choices=RatingStatus.choices, default="applied")
    score = models.PositiveSmallIntegerField("评估得分（千分制）", null=True, blank=True)
    level = models.PositiveSmallIntegerField("评估等级（1–5A）", null=True, blank=True)
    scored_on = models.DateField("评分日期", null=True, blank=True)
    publicity_until = models.DateField("公示截止日期", null=True, blank=True)
    objection = models.CharField("异议内容", max_length=500, blank=True)
    objected_on = models.DateField("提出异议日期", null=True, blank=True)
    objection_due_on = models.DateField("复核答复期限", null=True, blank=True)
    objection_answer = models.CharField("复核意见", max_length=500, blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    confirmed_on = models.DateField("确认日期", null=True, blank=True)
    valid_to = models.DateField("有效期至", null=True, blank=True)
    changed_on = models.DateField("降级/取消日期", null=True, blank=True)
    change_reason = models.CharField("降级/取消事由", max_length=300, blank=True)
    plaque_due_on = models.DateField("牌匾证书退回期限", null=True, blank=True)
    plaque_returned_on = models.DateField("牌匾证书退回日期", null=True, blank=True)
    applied_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    scored_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "社会组织等级评估"
        verbose_name_plural = "社会组织等级评估"
        indexes = [models.Index(fields=["division_code", "status"])]

    def __str__(self) -> str:
        return f"等级评估 {self.organisation_id}"
