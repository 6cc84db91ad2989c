"""资金发放: monthly rosters (发放花名册), their lines, bank file formats and bank result imports.

A line is a snapshot: payee, account and amount are copied from the entitlement when the roster is
generated, because an approved roster is the legal record of what was paid, whatever changes later.
Double payment is impossible at the database level: one regular line per enrolment and month across all
rosters, one reissue per failed line (partial unique indexes, on SQLite and PostgreSQL alike).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now

from minzheng.core.identity import mask_account


class RosterStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待审核"
    APPROVED = "approved", "已审核（锁定）"
    SETTLED = "settled", "已回盘"


LOCKED_STATUSES = frozenset({RosterStatus.APPROVED, RosterStatus.SETTLED})


class LineKind(models.TextChoices):
    REGULAR = "regular", "正常发放"
    REISSUE = "reissue", "补发（发放失败重发）"
    ARREARS = "arrears", "补发（金额追溯调增）"
    DEDUCTION = "deduction", "扣发（金额追溯调减）"


class PaymentStatus(models.TextChoices):
    PENDING = "pending", "待回盘"
    PAID = "paid", "发放成功"
    FAILED = "failed", "发放失败"


class FollowUp(models.TextChoices):
    NONE = "", "—"
    OPEN = "open", "待处理"
    REISSUE = "reissue", "待补发"
    REISSUED = "reissued", "已补发"
    RESOLVED = "resolved", "已办结"


class PayrollRoster(models.Model):
    """发放花名册（批次）: one program, one county or township, one month."""

    program_code = models.CharField("救助项目代码", max_length=40)
    program_name = models.CharField("救助项目", max_length=100)
    division_code = models.CharField("发放区划", max_length=12, db_index=True)
    month = models.DateField("发放月份", help_text="当月1日")
    status = models.CharField("状态", max_length=10, choices=RosterStatus.choices, default=RosterStatus.DRAFT)
    line_count = models.PositiveIntegerField("明细条数", default=0)
    household_count = models.PositiveIntegerField("户数", default=0)
    person_count = models.PositiveIntegerField("人数", default=0)
    total_amount = models.DecimalField("金额合计（元）", max_digits=14, decimal_places=2, default=0)
    generation = models.PositiveIntegerField("生成次数", default=0)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name="制表人"
    )
    generated_at = models.DateTimeField("生成时间", null=True)
    submitted_at = models.DateTimeField("提交审核时间", null=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="审核人",
    )
    approved_at = models.DateTimeField("审核时间", null=True)
    returned_reason = models.CharField("退回原因", max_length=200, blank=True)
    created_at = models.DateTimeField("创建时间", db_default=Now())

    class Meta:
        verbose_name = "发放花名册"
        verbose_name_plural = "发放花名册"
        ordering = ["-month", "division_code", "program_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["program_code", "division_code", "month"],
                name="one_roster_per_program_division_month",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y年%m月}{self.program_name}发放花名册"

    @property
    def is_locked(self) -> bool:
        return self.status in LOCKED_STATUSES


class PayrollLine(models.Model):
    """花名册明细: one payment (or adjustment) to one household's payee."""

    # Indexed by the (roster, seq) unique constraint.
    roster = models.ForeignKey(PayrollRoster, on_delete=models.PROTECT, related_name="lines", db_index=False)
    seq = models.PositiveIntegerField("序号")
    kind = models.CharField("类别", max_length=10, choices=LineKind.choices, default=LineKind.REGULAR)
    month = models.DateField("发放月份")
    for_month = models.DateField("所属月份", help_text="补发、扣发所属的月份；正常发放即发放月份")
    enrolment_id = models.BigIntegerField("救助对象编号")
    # A snapshot reference (links and 户数), not an integrity guard: the household came from the entitlement.
    # No constraint and no index, because checking 200,000 deferred foreign keys at commit costs seconds.
    household = models.ForeignKey(
        "core.Household", on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    household_number = models.CharField("户编号", max_length=24)
    division_code = models.CharField("区划代码", max_length=12)
    township_code = models.CharField("乡镇（街道）", max_length=12)
    payee_name = models.CharField("领款人", max_length=50)
    payee_id_number = models.CharField("领款人证件号码", max_length=20)
    bank_name = models.CharField("开户银行", max_length=50, blank=True)
    bank_account = models.CharField("银行账号", max_length=32, blank=True)
    persons = models.PositiveSmallIntegerField("保障人数")
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    # DO_NOTHING in Django, PROTECT in the database: the foreign key still refuses deleting a failed line a
    # reissue points to, while regenerating a draft deletes its lines in one statement (Django's collector
    # would first fetch every line to look for protected references).
    adjusts_line = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        verbose_name="原发放明细",
    )
    note = models.CharField("说明", max_length=200, blank=True)
    payment_status = models.CharField(
        "发放结果", max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    failure_reason = models.CharField("失败原因", max_length=200, blank=True)
    follow_up = models.CharField("后续处理", max_length=10, choices=FollowUp.choices, blank=True, default="")
    follow_up_note = models.CharField("处理说明", max_length=200, blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    followed_up_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "花名册明细"
        verbose_name_plural = "花名册明细"
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment_id", "month"],
                condition=Q(kind="regular"),
                name="one_regular_payment_per_enrolment_month",
            ),
            models.UniqueConstraint(
                fields=["adjusts_line"], condition=Q(kind="reissue"), name="one_reissue_per_failed_line"
            ),
            models.UniqueConstraint(
                fields=["roster", "enrolment_id", "kind", "for_month"],
                condition=~Q(kind="regular"),
                name="one_adjustment_per_roster_month",
            ),
            models.UniqueConstraint(fields=["roster", "seq"], name="line_seq_unique_in_roster"),
        ]
        # Few indexes on purpose: each one is maintained for every line of a 200,000-line roster.
        indexes = [
            models.Index(fields=["for_month", "division_code"], name="line_month_division_idx"),
            models.Index(
                fields=["division_code", "follow_up"],
                condition=Q(payment_status="failed"),
                name="line_failed_follow_up_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roster_id}#{self.seq} {self.payee_name} {self.amount}"

    @property
    def masked_account(self) -> str:
        return mask_account(self.bank_account)


class BankFormat(models.Model):
    """代发文件格式: which columns a bank's 批量代发 file has, in which order, encoding and amount unit.

    ``columns`` is a list of {"header", "field", "format"} — fields from ``rules.bank_files.FIELDS``. A
    format with ``bank_keywords`` takes the lines whose 开户银行 contains one of them (one file per bank).
    """

    YUAN, FEN = "yuan", "fen"
    AMOUNT_UNITS = [(YUAN, "元（两位小数）"), (FEN, "分（整数）")]
    ENCODINGS = [("gbk", "GBK"), ("gb18030", "GB18030"), ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8（带 BOM）")]

    code = models.SlugField("格式代码", max_length=40, unique=True)
    name = models.CharField("格式名称", max_length=100)
    bank_keywords = models.CharField(
        "适用银行关键字", max_length=200, blank=True, help_text="以“、”或逗号分隔；空为全部银行"
    )
    columns = models.JSONField("列定义", default=list)
    amount_unit = models.CharField("金额单位", max_length=4, choices=AMOUNT_UNITS, default=YUAN)
    csv_encoding = models.CharField("CSV 编码", max_length=10, choices=ENCODINGS, default="gbk")
    csv_delimiter = models.CharField("CSV 分隔符", max_length=2, default=",")
    csv_header = models.BooleanField("CSV 含表头", default=True)
    enabled = models.BooleanField("启用", default=True)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = "银行代发格式"
        verbose_name_plural = "银行代发格式"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class BankResultImport(models.Model):
    """回盘文件: the bank's results for a roster; the same file twice is recognised by its hash."""

    roster = models.ForeignKey(PayrollRoster, on_delete=models.PROTECT, related_name="result_imports")
    file_name = models.CharField("文件名", max_length=200)
    file_sha256 = models.CharField(max_length=64)
    rows = models.PositiveIntegerField("行数", default=0)
    paid = models.PositiveIntegerField("成功", default=0)
    failed = models.PositiveIntegerField("失败", default=0)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField("导入时间", db_default=Now())

    class Meta:
        verbose_name = "银行回盘"
        verbose_name_plural = "银行回盘"
        constraints = [models.UniqueConstraint(fields=["roster", "file_sha256"], name="result_file_once")]

    def __str__(self) -> str:
        return self.file_name
