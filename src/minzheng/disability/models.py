"""残疾人两项补贴: the 残联's certificate data (imported as a department dataset), the applications from 受理
to 审定, and the caseworker's tasks that changes and the yearly review raise (domain-rules-2 §9)."""

from django.db import models

from .rules import eligibility


class CertificateCategory(models.TextChoices):
    VISUAL = "视力", "视力残疾"
    HEARING = "听力", "听力残疾"
    SPEECH = "言语", "言语残疾"
    PHYSICAL = "肢体", "肢体残疾"
    INTELLECTUAL = "智力", "智力残疾"
    MENTAL = "精神", "精神残疾"
    MULTIPLE = "多重", "多重残疾"


GRADES = [(1, "一级"), (2, "二级"), (3, "三级"), (4, "四级")]


class CertificateImport(models.Model):
    """One file of the 残联's 残疾人证 data: all rows or none; the same file twice is the same batch."""

    ACCEPTED, REJECTED = "accepted", "rejected"
    file_name = models.CharField("文件名", max_length=200)
    sha256 = models.CharField("文件摘要", max_length=64, unique=True)
    source_department = models.CharField("来源部门", max_length=50)
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    status = models.CharField(
        "状态", max_length=10, choices=[(ACCEPTED, "已导入"), (REJECTED, "已拒绝")], default=ACCEPTED
    )
    rows_total = models.PositiveIntegerField("行数", default=0)
    rows_added = models.PositiveIntegerField("新增", default=0)
    rows_changed = models.PositiveIntegerField("变更", default=0)
    rows_unchanged = models.PositiveIntegerField("未变", default=0)
    errors = models.JSONField("错误", default=list, blank=True)
    uploaded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = "残疾人证数据导入"
        verbose_name_plural = "残疾人证数据导入"

    def __str__(self) -> str:
        return self.file_name


class DisabilityCertificate(models.Model):
    """第二代残疾人证 as the 残联 holds it: one row per person (the latest data wins; changes are tasks)."""

    person = models.OneToOneField("core.Person", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("户籍地区划代码", max_length=12, db_index=True)
    number = models.CharField("残疾人证号", max_length=24, unique=True)
    category = models.CharField("残疾类别", max_length=4, choices=CertificateCategory.choices)
    grade = models.PositiveSmallIntegerField("残疾等级", choices=GRADES)
    valid_from = models.DateField("发证日期")
    valid_until = models.DateField("有效期至", null=True, blank=True)
    source_import = models.ForeignKey(
        CertificateImport, null=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "残疾人证"
        verbose_name_plural = "残疾人证"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grade__gte=1, grade__lte=4), name="disability_grade_1_4"
            ),
        ]

    def __str__(self) -> str:
        return self.number


class SubsidyKind(models.TextChoices):
    LIVING = eligibility.LIVING, "困难残疾人生活补贴"
    CARE = eligibility.CARE, "重度残疾人护理补贴"


class Channel(models.TextChoices):
    LOCAL = "local", "户籍地乡镇受理"
    TRANSFER = "transfer", "跨省通办（异地窗口收件）"


class Status(models.TextChoices):
    RECEIVED = "received", "待乡镇初审"
    CDPF = "cdpf", "公示及待县残联审核"
    DECISION = "decision", "待县民政审定"
    NOT_PASSED = "not_passed", "初审不通过"
    CDPF_REFUSED = "cdpf_refused", "残联审核不通过"
    REFUSED = "refused", "不予发放"
    PAYING = "paying", "发放中"
    ENDED = "ended", "已停发"


OPEN = ("received", "cdpf", "decision")
LIVE = (*OPEN, "paying")


class SubsidyApplication(models.Model):
    """One person's application for one of the two subsidies, with every clock stamped (due and done)."""

    person = models.ForeignKey("core.Person", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("户籍地区划代码", max_length=12, db_index=True)
    kind = models.CharField("补贴类别", max_length=10, choices=SubsidyKind.choices)
    channel = models.CharField("受理渠道", max_length=10, choices=Channel.choices, default=Channel.LOCAL)
    status = models.CharField("状态", max_length=14, choices=Status.choices, default=Status.RECEIVED)
    applied_on = models.DateField("申请日期")
    # 跨省通办: the receiving window and its three clocks (3 WD push, 10 WD decision, 3 WD notice).
    receiving_window = models.CharField("收件窗口", max_length=100, blank=True)
    push_due = models.DateField("推送期限", null=True, blank=True)
    pushed_on = models.DateField("推送日期", null=True, blank=True)
    transfer_decision_due = models.DateField("户籍地办理期限", null=True, blank=True)
    notice_due = models.DateField("告知期限", null=True, blank=True)
    noticed_on = models.DateField("告知日期", null=True, blank=True)
    received_on = models.DateField("户籍地乡镇受理日期")
    check_due = models.DateField("初审期限")
    checked_on = models.DateField("初审日期", null=True, blank=True)
    check_note = models.CharField("初审意见", max_length=300, blank=True)
    checked_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    publicity_from = models.DateField("公示开始", null=True, blank=True)
    publicity_until = models.DateField("公示结束", null=True, blank=True)
    cdpf_due = models.DateField("残联审核期限", null=True, blank=True)
    cdpf_on = models.DateField("残联审核日期", null=True, blank=True)
    cdpf_note = models.CharField("残联审核意见", max_length=300, blank=True)
    cdpf_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    certificate_number = models.CharField("审核的残疾人证号", max_length=24, blank=True)
    certificate_category = models.CharField("审核的残疾类别", max_length=4, blank=True)
    certificate_grade = models.PositiveSmallIntegerField("审核的残疾等级", null=True, blank=True)
    decision_due = models.DateField("审定期限", null=True, blank=True)
    decided_on = models.DateField("审定日期", null=True, blank=True)
    decision_note = models.CharField("审定意见", max_length=300, blank=True)
    decided_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    in_dibao = models.BooleanField("审定时低保家庭", null=True)
    monthly_amount = models.DecimalField("月补贴金额（元）", max_digits=10, decimal_places=2, null=True)
    standard_note = models.CharField("补贴标准", max_length=200, blank=True)
    start_month = models.DateField("起始发放月份", null=True, blank=True)
    end_month = models.DateField("最后发放月份", null=True, blank=True)
    end_reason = models.CharField("停发原因", max_length=100, blank=True)
    enrolment_id = models.PositiveIntegerField("发放记录", null=True, blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "两项补贴申请"
        verbose_name_plural = "两项补贴申请"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"],
                condition=models.Q(status__in=LIVE),
                name="disability_one_live_per_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(monthly_amount__isnull=True) | models.Q(monthly_amount__gte=0),
                name="disability_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class TaskKind(models.TextChoices):
    DEATH = "death", "死亡停发"
    LEFT_DIBAO = "left_dibao", "退出低保（生活补贴停发）"
    GRADE_CHANGED = "grade_changed", "残疾等级或类别变更"
    EXPIRED = "expired", "残疾人证过期"
    MOVED = "moved", "户籍迁出"
    OUTREACH = "outreach", "应补未补（主动告知申请）"
    NOT_CERTIFIED = "not_certified", "发放对象不在残联持证名单"


class ChangeTask(models.Model):
    """A caseworker's task raised by a change (registry, 低保, certificate) or the yearly 应补尽补、应退尽退 review."""

    kind = models.CharField("任务类型", max_length=16, choices=TaskKind.choices)
    person = models.ForeignKey("core.Person", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    application = models.ForeignKey(
        SubsidyApplication, null=True, on_delete=models.PROTECT, related_name="tasks"
    )
    detail = models.CharField("情况", max_length=300)
    raised_on = models.DateField("发现日期")
    due_on = models.DateField("办理期限")
    key = models.CharField("去重键", max_length=80, unique=True)
    done_on = models.DateField("办结日期", null=True, blank=True)
    outcome = models.CharField("处理结果", max_length=300, blank=True)
    done_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "两项补贴变更任务"
        verbose_name_plural = "两项补贴变更任务"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"


class FeedCursor(models.Model):
    """How far 两项补贴 has read the registry's outbox (its own position)."""

    name = models.CharField("消费者", max_length=50, unique=True)
    position = models.PositiveBigIntegerField("已处理至", default=0)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "登记变更消费位置"
        verbose_name_plural = "登记变更消费位置"

    def __str__(self) -> str:
        return f"{self.name}@{self.position}"
