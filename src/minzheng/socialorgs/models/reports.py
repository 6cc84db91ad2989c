"""年检/年度工作报告 with the finance summary and the result; 撤销登记 proposals the reports give rise to."""

from django.db import models

from .choices import RESULT_CHOICES, money
from .organisations import Organisation


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", "已报送待审查"
    DECIDED = "decided", "已出结论"


class AnnualReport(models.Model):
    """One organisation's 年度工作报告 on ``year`` (one per year) and its 年检结论."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="reports")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    year = models.PositiveSmallIntegerField("年度")
    supervisor_submitted_on = models.DateField("报送业务主管单位日期", null=True, blank=True)
    registry_submitted_on = models.DateField("报送登记管理机关日期")
    total_income = money("本年总收入（元）")
    previous_year_income = money("上年总收入（元）", null=True, blank=True)
    charitable_spending = money("公益事业/慈善活动支出（元）")
    management_fees = money("管理费用（元）")
    total_spending = money("本年总支出（元）")
    net_assets = money("年末净资产（元）", null=True, blank=True)
    full_time_staff = models.PositiveIntegerField("专职工作人员数", default=0)
    late = models.BooleanField("逾期报送", default=False)
    status = models.CharField("状态", max_length=10, choices=ReportStatus.choices, default="submitted")
    result = models.CharField("年检结论", max_length=12, choices=RESULT_CHOICES, blank=True)
    result_note = models.CharField("结论意见", max_length=500, blank=True)
    decided_on = models.DateField("结论日期", null=True, blank=True)
    rectification_due_on = models.DateField("整改期限", null=True, blank=True)
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)
    entered_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "社会组织年度报告"
        verbose_name_plural = "社会组织年度报告"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="socialorgs_one_report_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.year}年度报告 {self.organisation_id}"


class RevocationStatus(models.TextChoices):
    OPEN = "open", "待决定"
    REVOKED = "revoked", "已撤销登记"
    DISMISSED = "dismissed", "不予撤销"


class RevocationProposal(models.Model):
    """撤销登记建议: raised when two consecutive years were missed or 不合格; decided by reviewing staff."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="revocations")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    grounds = models.CharField("事由", max_length=300)
    last_year = models.PositiveSmallIntegerField("所涉末年度")
    proposed_on = models.DateField("提出日期")
    due_on = models.DateField("办理期限")
    status = models.CharField("状态", max_length=10, choices=RevocationStatus.choices, default="open")
    decided_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_note = models.CharField("决定意见", max_length=500, blank=True)

    class Meta:
        verbose_name = "撤销登记建议"
        verbose_name_plural = "撤销登记建议"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "last_year"], name="socialorgs_one_proposal_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"撤销登记建议 {self.organisation_id}"
