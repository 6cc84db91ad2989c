"""孤儿基本生活费 / 事实无人抚养儿童基本生活补贴: one application from 受理 through 乡镇查验 and 县级确认 to the
monthly amount paid from the month after confirmation (民发〔2019〕62号 二)."""

from django.db import models

from ..rules import allowances


class AllowanceKind(models.TextChoices):
    ORPHAN_INSTITUTIONAL = allowances.ORPHAN_INSTITUTIONAL, "孤儿基本生活费（集中养育）"
    ORPHAN_SCATTERED = allowances.ORPHAN_SCATTERED, "孤儿基本生活费（散居）"
    DE_FACTO = allowances.DE_FACTO, "事实无人抚养儿童基本生活补贴"


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", "待乡镇查验"
    CHECKED = "checked", "待县级确认"
    NOT_ELIGIBLE = "not_eligible", "查验不符合"
    CONFIRMED = "confirmed", "已确认（保障中）"
    REFUSED = "refused", "不予确认"
    ENDED = "ended", "已终止"


class AllowanceApplication(models.Model):
    child = models.ForeignKey("children.ChildRecord", on_delete=models.PROTECT, related_name="applications")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    kind = models.CharField("保障类别", max_length=30, choices=AllowanceKind.choices)
    applicant_name = models.CharField("申请人", max_length=50)
    applicant_relation = models.CharField("与儿童关系", max_length=20)
    received_on = models.DateField("乡镇受理日期")
    check_due = models.DateField("查验期限")
    status = models.CharField("状态", max_length=14, choices=ApplicationStatus.choices, default="received")
    checked_on = models.DateField("查验日期", null=True, blank=True)
    check_note = models.CharField("查验结论", max_length=300, blank=True)
    checked_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    confirm_due = models.DateField("确认期限", null=True, blank=True)
    decided_on = models.DateField("确认日期", null=True, blank=True)
    decision_note = models.CharField("确认意见（不予确认的理由）", max_length=300, blank=True)
    decided_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    standard = models.DecimalField("保障标准（元/月）", max_digits=10, decimal_places=2, null=True)
    other_benefits = models.DecimalField(
        "已领低保/特困/残疾人生活补贴（元/月）", max_digits=10, decimal_places=2, null=True
    )
    monthly_amount = models.DecimalField("月发放金额（元）", max_digits=10, decimal_places=2, null=True)
    start_month = models.DateField("起始发放月份", null=True, blank=True)
    end_month = models.DateField("停发月份", null=True, blank=True)
    end_reason = models.CharField("终止原因", max_length=100, blank=True)
    # 社会救助's enrolment paying it on the regular rosters (assistance.interface.enrol_decided_elsewhere).
    enrolment_id = models.PositiveIntegerField("发放记录", null=True, blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "儿童基本生活保障申请"
        verbose_name_plural = "儿童基本生活保障申请"
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(status__in=["received", "checked", "confirmed"]),
                name="children_one_open_allowance",
            ),
            models.CheckConstraint(
                condition=models.Q(monthly_amount__isnull=True) | models.Q(monthly_amount__gte=0),
                name="children_allowance_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"
