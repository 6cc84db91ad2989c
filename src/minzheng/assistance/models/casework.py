"""What a case accumulates on its way: its history (CaseEvent), 入户调查 records, attachments, objections."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from .cases import AssistanceCase


class CaseEvent(models.Model):
    """办理记录: one state change (or a recorded step) with its reason — append-only, shown on the case page."""

    case = models.ForeignKey(AssistanceCase, on_delete=models.PROTECT, related_name="events")
    action = models.CharField("操作", max_length=40)
    label = models.CharField("操作名称", max_length=60)
    from_status = models.CharField("原状态", max_length=20, blank=True)
    to_status = models.CharField("新状态", max_length=20, blank=True)
    reason = models.TextField("理由/意见", blank=True)
    details = models.JSONField("详情", default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("时间", db_default=Now())

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.label} {self.at:%Y-%m-%d %H:%M}"


class HomeVisit(models.Model):
    """入户调查 record: who visited when, what they found, the 生活自理能力 assessment for 特困."""

    case = models.ForeignKey(AssistanceCase, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField("调查日期")
    investigators = models.CharField("调查人员", max_length=100, help_text="至少两人")
    living_conditions = models.TextField("居住及生活状况")
    findings = models.TextField("调查结论")
    unable_activities = models.JSONField("不能自主完成的日常活动", default=list, blank=True)
    democratic_appraisal = models.TextField("民主评议情况（可选）", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("录入时间", db_default=Now())

    class Meta:
        verbose_name = "入户调查"
        verbose_name_plural = "入户调查"
        ordering = ["visited_on", "id"]

    def __str__(self) -> str:
        return f"入户调查 {self.visited_on:%Y-%m-%d}"


def attachment_path(instance: "CaseAttachment", filename: str) -> str:
    # Files live under MEDIA_ROOT (var/media) by case, never under a guessable public URL: they are served
    # only through the case's download view, which applies the jurisdiction.
    return f"assistance/cases/{instance.case_id}/{filename}"


class CaseAttachment(models.Model):
    """申请材料、入户调查照片 and other files of a case (type and size checked by the service)."""

    KINDS = [("material", "申请材料"), ("photo", "入户照片"), ("other", "其他")]

    case = models.ForeignKey(AssistanceCase, on_delete=models.PROTECT, related_name="attachments")
    visit = models.ForeignKey(
        HomeVisit, null=True, blank=True, on_delete=models.PROTECT, related_name="files"
    )
    kind = models.CharField("类别", max_length=10, choices=KINDS)
    file = models.FileField("文件", upload_to=attachment_path, max_length=300)
    original_name = models.CharField("原文件名", max_length=200)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("上传时间", db_default=Now())

    class Meta:
        verbose_name = "案件附件"
        verbose_name_plural = "案件附件"
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class Objection(models.Model):
    """公示期间的异议: who raised what, and how the township settled it (a case leaves 公示 only when all are)."""

    case = models.ForeignKey(AssistanceCase, on_delete=models.PROTECT, related_name="objections")
    received_on = models.DateField("收到日期")
    raised_by = models.CharField("反映人（可匿名）", max_length=50, blank=True)
    content = models.TextField("异议内容")
    resolution = models.TextField("核实处理结果", blank=True)
    upheld = models.BooleanField("异议成立", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "公示异议"
        verbose_name_plural = "公示异议"
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"异议 {self.received_on:%Y-%m-%d}"
