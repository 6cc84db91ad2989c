"""慈善: applications for 认定 and 公开募捐资格, 募捐方案 filings with their 募捐情况公开, 慈善信托 filings."""

from django.db import models

from ..rules.charity import MATTER_LABELS, CharityMatter
from .choices import money
from .organisations import Organisation

MATTER_CHOICES = [(m.value, MATTER_LABELS[m]) for m in CharityMatter]


class CharityStatus(models.TextChoices):
    RECEIVED = "received", "已受理待决定"
    APPROVED = "approved", "准予"
    REJECTED = "rejected", "不予"


class CharityApplication(models.Model):
    """认定为慈善组织 (《慈善法》第十条, 20日) or 公开募捐资格 (第二十二条, 20日) applied for by a registered organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="charity_applications"
    )
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    matter = models.CharField("申请事项", max_length=12, choices=MATTER_CHOICES)
    received_on = models.DateField("受理日期")
    due_on = models.DateField("决定期限")
    status = models.CharField("状态", max_length=10, choices=CharityStatus.choices, default="received")
    received_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_note = models.CharField("决定意见", max_length=500, blank=True)
    certificate_number = models.CharField("公开募捐资格证书编号", max_length=40, blank=True)

    class Meta:
        verbose_name = "慈善组织认定、公开募捐资格申请"
        verbose_name_plural = "慈善组织认定、公开募捐资格申请"
        indexes = [models.Index(fields=["division_code", "status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_matter_display()} {self.organisation_id}"


class FundraisingPlan(models.Model):
    """募捐方案备案 (《慈善法》第二十四条, 办法第十条、第十一条): one public fundraising campaign."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="fundraising_plans")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    title = models.CharField("公开募捐活动名称", max_length=100)
    purpose = models.CharField("募捐目的", max_length=500)
    area = models.CharField("募捐地域", max_length=100)
    person_in_charge = models.CharField("活动负责人", max_length=50)
    bank_account = models.CharField("银行账户", max_length=40)
    expected_amount = money("预期募集款物数额（元）")
    beneficiaries = models.CharField("受益人范围", max_length=300)
    use = models.CharField("募得款物用途", max_length=500)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("结束日期")
    emergency = models.BooleanField("为应对重大突发事件", default=False)
    filed_on = models.DateField("备案日期")
    filing_deadline = models.DateField("应备案日期")
    late = models.BooleanField("逾期备案", default=False)
    # the next 募捐情况公开 owed (第七十九条), kept by the services at filing and at each disclosure
    disclosure_due_on = models.DateField("下一次募捐情况公开期限", null=True, blank=True)
    disclosure_final = models.BooleanField("下一次为结束后全面公开", default=False)
    filed_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "募捐方案备案"
        verbose_name_plural = "募捐方案备案"
        indexes = [models.Index(fields=["division_code", "disclosure_due_on"])]

    def __str__(self) -> str:
        return self.title


class Disclosure(models.Model):
    """募捐情况公开 (第七十九条): a periodic one, or the full one after the campaign ended."""

    plan = models.ForeignKey(FundraisingPlan, on_delete=models.CASCADE, related_name="disclosures")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    disclosed_on = models.DateField("公开日期")
    final = models.BooleanField("结束后全面公开", default=False)
    amount_raised = money("累计募得款物（元）", null=True, blank=True)
    summary = models.CharField("公开内容摘要", max_length=500)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "募捐情况公开"
        verbose_name_plural = "募捐情况公开"
        ordering = ["disclosed_on", "pk"]

    def __str__(self) -> str:
        return f"募捐情况公开 {self.plan_id} {self.disclosed_on}"


class TrustFilingKind(models.TextChoices):
    ESTABLISH = "establish", "设立备案"
    CHANGE_TRUSTEE = "change_trustee", "变更受托人重新备案"


class TrustFiling(models.Model):
    """慈善信托备案 (第四十五条, 第四十八条) with the 民政部门 where the trustee is located."""

    division_code = models.CharField("备案民政部门区划", max_length=12, db_index=True)
    kind = models.CharField("备案类别", max_length=16, choices=TrustFilingKind.choices)
    trust_name = models.CharField("慈善信托名称", max_length=100)
    trustee = models.CharField("受托人", max_length=100)
    settlor = models.CharField("委托人", max_length=200)
    supervisor = models.CharField("信托监察人", max_length=100, blank=True)
    purpose = models.CharField("信托目的", max_length=500)
    property_amount = money("信托财产（元）")
    signed_on = models.DateField("信托文件签订（受托人变更）日期")
    filed_on = models.DateField("备案日期")
    filing_deadline = models.DateField("应备案日期")
    late = models.BooleanField("逾期备案", default=False)
    filed_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "慈善信托备案"
        verbose_name_plural = "慈善信托备案"

    def __str__(self) -> str:
        return self.trust_name
