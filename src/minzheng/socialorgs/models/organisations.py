"""The registry: organisations (with their 统一社会信用代码 and name history) and the applications that create,
change and deregister them (受理 by a caseworker, 决定 by reviewing staff — maker-checker)."""

from django.db import models

from .choices import FORM_CHOICES, KIND_CHOICES, money


class OrgStatus(models.TextChoices):
    REGISTERED = "registered", "正常"
    DEREGISTERED = "deregistered", "已注销"
    REVOKED = "revoked", "已撤销登记"


class Organisation(models.Model):
    """社会组织: one registered organisation; ``division_code`` is its registry's division (jurisdiction)."""

    uscc = models.CharField("统一社会信用代码", max_length=18, unique=True)
    name = models.CharField("名称", max_length=100, db_index=True)
    kind = models.CharField("类型", max_length=12, choices=KIND_CHOICES)
    form = models.CharField("登记形式", max_length=12, choices=FORM_CHOICES)
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    address = models.CharField("住所", max_length=200)
    purpose = models.CharField("宗旨", max_length=500)
    business_scope = models.CharField("业务范围", max_length=500)
    activity_area = models.CharField("活动地域", max_length=100)
    legal_rep_name = models.CharField("法定代表人（负责人）", max_length=50)
    legal_rep_id_number = models.CharField("法定代表人身份证号码", max_length=18, db_index=True)
    funds = money("注册资金（活动资金/开办资金/原始基金，元）")
    supervisor = models.CharField("业务主管单位", max_length=100)
    individual_members = models.PositiveIntegerField("个人会员数", default=0)
    unit_members = models.PositiveIntegerField("单位会员数", default=0)
    full_time_staff = models.PositiveIntegerField("专职工作人员数", default=0)
    certificate_number = models.CharField("登记证书号", max_length=30, blank=True)
    registered_on = models.DateField("成立登记日期")
    status = models.CharField("状态", max_length=14, choices=OrgStatus.choices, default=OrgStatus.REGISTERED)
    ended_on = models.DateField("注销/撤销日期", null=True, blank=True)
    charity_on = models.DateField("登记或认定为慈善组织日期", null=True, blank=True)
    fundraising_on = models.DateField("取得公开募捐资格日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "社会组织"
        verbose_name_plural = "社会组织"
        indexes = [models.Index(fields=["division_code", "status", "kind"])]

    def __str__(self) -> str:
        return self.name


class NameRecord(models.Model):
    """名称变更历史: each name the organisation has borne and when."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="names")
    name = models.CharField("名称", max_length=100, db_index=True)
    valid_from = models.DateField("启用日期")
    valid_to = models.DateField("停用日期", null=True, blank=True)

    class Meta:
        verbose_name = "社会组织名称记录"
        verbose_name_plural = "社会组织名称记录"
        ordering = ["valid_from", "pk"]

    def __str__(self) -> str:
        return self.name


class UsccSerial(models.Model):
    """The registry's counter of 主体标识码 serials (one row per six-digit registry code, locked to issue)."""

    registry_code = models.CharField("登记管理机关代码", max_length=6, primary_key=True)
    last = models.PositiveIntegerField("已发号", default=0)

    class Meta:
        verbose_name = "统一社会信用代码发号"
        verbose_name_plural = "统一社会信用代码发号"

    def __str__(self) -> str:
        return f"{self.registry_code}:{self.last}"


class ApplicationKind(models.TextChoices):
    ESTABLISH = "establish", "成立登记"
    CHANGE = "change", "变更登记"
    DEREGISTER = "deregister", "注销登记"


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", "已受理待决定"
    APPROVED = "approved", "准予登记"
    REJECTED = "rejected", "不予登记"


class Application(models.Model):
    """登记申请 (成立/变更/注销): what was applied for, the clock, the decision."""

    kind = models.CharField("申请类别", max_length=12, choices=ApplicationKind.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="applications"
    )
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    org_kind = models.CharField("组织类型", max_length=12, choices=KIND_CHOICES)
    org_form = models.CharField("登记形式", max_length=12, choices=FORM_CHOICES)
    name = models.CharField("名称", max_length=100)
    address = models.CharField("住所", max_length=200, blank=True)
    purpose = models.CharField("宗旨", max_length=500, blank=True)
    business_scope = models.CharField("业务范围", max_length=500, blank=True)
    activity_area = models.CharField("活动地域", max_length=100, blank=True)
    legal_rep_name = models.CharField("法定代表人（负责人）", max_length=50, blank=True)
    legal_rep_id_number = models.CharField("法定代表人身份证号码", max_length=18, blank=True)
    funds = money("注册资金（元）", default=0)
    funds_in_cash = models.BooleanField("原始基金为到账货币资金", default=True)
    supervisor = models.CharField("业务主管单位", max_length=100, blank=True)
    supervisor_approved_on = models.DateField("业务主管单位审查同意日期", null=True, blank=True)
    individual_members = models.PositiveIntegerField("个人会员数", default=0)
    unit_members = models.PositiveIntegerField("单位会员数", default=0)
    full_time_staff = models.PositiveIntegerField("专职工作人员数", default=0)
    liquidated_on = models.DateField("清算结束日期", null=True, blank=True)
    reason = models.CharField("申请事由", max_length=300, blank=True)
    received_on = models.DateField("收到全部有效文件日期")
    due_on = models.DateField("决定期限")
    late_filing = models.CharField("逾期申请说明", max_length=200, blank=True)
    status = models.CharField("状态", max_length=10, choices=ApplicationStatus.choices, default="received")
    received_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_note = models.CharField("决定意见", max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "社会组织登记申请"
        verbose_name_plural = "社会组织登记申请"
        indexes = [models.Index(fields=["division_code", "status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"
