"""办件: one matter applied for (online or at the 综合窗口) under one 受理号 the resident keeps."""

from django.db import models

from .catalogue import Matter
from .residents import Resident


class Channel(models.TextChoices):
    ONLINE = "online", "网上申请"
    WINDOW = "window", "窗口受理"


class AppStatus(models.TextChoices):
    SUBMITTED = "submitted", "待受理"
    MATERIALS_PENDING = "materials_pending", "待补正材料"
    FORWARDED = "forwarded", "已转办属地"
    HANDLING = "handling", "办理中"
    COMPLETED = "completed", "已办结"
    REFUSED = "refused", "不予受理"
    REJECTED = "rejected", "不予批准"
    WITHDRAWN = "withdrawn", "已撤回"


class Application(models.Model):
    """办件. ``division_code`` is the desk that holds it (the township where it was filed, or where it was
    forwarded to); ``home_division_code`` the applicant's registered residence (跨县通办 when they differ)."""

    number = models.CharField("受理号", max_length=32, unique=True)
    matter = models.ForeignKey(Matter, on_delete=models.PROTECT, related_name="applications")
    resident = models.ForeignKey(Resident, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    person_id = models.BigIntegerField("申请人")
    household_id = models.BigIntegerField("申请家庭", null=True, blank=True, db_index=True)
    applicant_name = models.CharField("申请人姓名", max_length=50)
    applicant_id_number = models.CharField("申请人公民身份号码", max_length=18)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    reason = models.TextField("申请事由", blank=True)
    channel = models.CharField("申请渠道", max_length=10, choices=Channel.choices)
    status = models.CharField("状态", max_length=20, choices=AppStatus.choices, default=AppStatus.SUBMITTED)
    division_code = models.CharField("受理地区划代码", max_length=12, db_index=True)
    home_division_code = models.CharField("属地区划代码", max_length=12, db_index=True)
    submitted_on = models.DateField("提交日期")
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    due_on = models.DateField("承诺办结日期", null=True, blank=True)
    statutory_due_on = models.DateField("法定办结日期", null=True, blank=True)
    completed_on = models.DateField("办结日期", null=True, blank=True)
    provisional_due = models.BooleanField(default=False)  # a year whose holidays are not loaded yet
    missing = models.JSONField("需补正材料", default=list)
    notice_number = models.CharField("一次性告知书编号", max_length=40, blank=True)
    notice_on = models.DateField("告知日期", null=True, blank=True)
    outcome = models.TextField("办理结果", blank=True)
    domain_reference = models.BigIntegerField("业务案件", null=True, blank=True)
    domain_number = models.CharField("业务案件编号", max_length=40, blank=True)
    # 跨县通办: the three clocks (push / decide / inform) and where it went
    forwarded_to_code = models.CharField("转办至", max_length=12, blank=True)
    forward_push_due = models.DateField(null=True, blank=True)
    forward_decide_due = models.DateField(null=True, blank=True)
    forward_inform_due = models.DateField(null=True, blank=True)
    forwarded_on = models.DateField(null=True, blank=True)
    received_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_on", "-pk"]
        indexes = [models.Index(fields=["resident", "-submitted_on"], name="onestop_app_resident_idx")]

    def __str__(self) -> str:
        return self.number


class Material(models.Model):
    """An uploaded material (kept privately under ``var/onestop/``; served only to its owner or staff)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    code = models.CharField("材料", max_length=40)
    name = models.CharField("材料名称", max_length=100)
    file_name = models.CharField("文件名", max_length=200)
    stored_as = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    by_resident = models.BooleanField(default=True)

    def __str__(self) -> str:
        return self.name


class AppEvent(models.Model):
    """One step of the 办理进度 the resident follows."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    label = models.CharField(max_length=100)
    note = models.TextField(blank=True)
    actor = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.label


class Evaluation(models.Model):
    """好差评 (国办发〔2019〕51号): five levels; a 差评 has reasons and is followed up within the clock."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="evaluation")
    level = models.PositiveSmallIntegerField("评价")
    reasons = models.JSONField("差评原因", default=list)
    comment = models.TextField("评价内容", blank=True)
    rated_on = models.DateField()
    follow_up_due = models.DateField("整改反馈期限", null=True, blank=True)
    followed_up_on = models.DateField("整改反馈日期", null=True, blank=True)
    follow_up_note = models.TextField("整改反馈", blank=True)
    division_code = models.CharField(max_length=12, db_index=True)

    def __str__(self) -> str:
        return f"评价 {self.level}"
