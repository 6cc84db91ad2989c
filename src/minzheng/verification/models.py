"""核对批次 and 核对结果: what was asked, and each household's outcome with its evidence.

The department data itself never enters these tables: it stays in the exchange store (Parquet under
``var/exchange``) and is read only by the batch engine. Results keep the figures, the conclusion and the
evidence rows the engine cited, which is what a caseworker and an auditor need.
"""

from django.db import models


class HouseholdList(models.Model):
    """核对名单: households a caseworker uploaded (.xlsx/.csv) for a batch verification, with every row error.

    Kept after the run as its source (which file, who, when, which households); a rejected list keeps only
    its errors, for the downloadable error report."""

    ACCEPTED, REJECTED = "accepted", "rejected"
    STATUSES = [(ACCEPTED, "已通过校验"), (REJECTED, "未通过校验")]

    file_name = models.CharField("文件名", max_length=255)
    file_sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField("状态", max_length=10, choices=STATUSES)
    division_code = models.CharField("上传单位区划", max_length=12, db_index=True)
    uploaded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField("数据行数", default=0)
    households = models.JSONField("家庭", default=list, blank=True)  # household ids, in list order
    errors = models.JSONField("错误明细", default=list, blank=True)

    class Meta:
        verbose_name = "核对名单"
        verbose_name_plural = "核对名单"

    def __str__(self) -> str:
        return f"核对名单{self.pk}（{self.file_name}）"


class VerificationRun(models.Model):
    """核对批次: one household (from an application) or many (e.g. a county's annual review)."""

    QUEUED, RUNNING, DONE, FAILED, CANCELLED = "queued", "running", "done", "failed", "cancelled"
    STATUSES = [
        (QUEUED, "排队中"),
        (RUNNING, "核对中"),
        (DONE, "已完成"),
        (FAILED, "失败"),
        (CANCELLED, "已取消"),
    ]
    SINGLE, BATCH, LIST = "single", "batch", "list"
    KINDS = [(SINGLE, "单户核对"), (BATCH, "批量核对"), (LIST, "名单核对")]
    PROGRAMS = [("dibao", "最低生活保障"), ("dibao_edge", "低保边缘家庭")]
    ENGINES = [("duckdb", "DuckDB（单机）"), ("spark", "Spark（集群）")]

    run_key = models.CharField("批次键", max_length=120, unique=True)
    kind = models.CharField("类型", max_length=10, choices=KINDS)
    program = models.CharField("救助项目", max_length=20, choices=PROGRAMS)
    division_code = models.CharField("核对范围区划", max_length=12, db_index=True)
    request_date = models.DateField("核对基准日")
    target_household = models.ForeignKey(
        "core.Household",
        verbose_name="核对家庭（单户）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    household_list = models.ForeignKey(
        HouseholdList,
        verbose_name="核对名单（来源）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="runs",
    )
    engine = models.CharField("计算引擎", max_length=10, choices=ENGINES, default="duckdb")
    status = models.CharField("状态", max_length=10, choices=STATUSES, default=QUEUED)
    total = models.PositiveIntegerField("户数", default=0)
    done = models.PositiveIntegerField("已核对户数", default=0)
    eligible = models.PositiveIntegerField("符合", default=0)
    ineligible = models.PositiveIntegerField("不符合", default=0)
    manual_review = models.PositiveIntegerField("需人工复核", default=0)
    cancel_requested = models.BooleanField(default=False)
    error = models.TextField("错误信息", blank=True)
    # host:pid of the task worker running it: a run whose worker died is resumed (ADR 0039)
    worker = models.CharField("执行进程", max_length=100, blank=True, default="")
    requested_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "核对批次"
        verbose_name_plural = "核对批次"

    def __str__(self) -> str:
        return f"核对批次{self.pk}（{self.get_kind_display()}）"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class HouseholdVerification(models.Model):
    """核对结果 of one household in one run. Figures are the engine's; only the note is a person's."""

    ELIGIBLE, INELIGIBLE, MANUAL_REVIEW = "eligible", "ineligible", "manual_review"
    CONCLUSIONS = [(ELIGIBLE, "符合"), (INELIGIBLE, "不符合"), (MANUAL_REVIEW, "需人工复核")]

    run = models.ForeignKey(VerificationRun, on_delete=models.PROTECT, related_name="results")
    household = models.ForeignKey("core.Household", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("区划", max_length=12, db_index=True)
    member_count = models.PositiveSmallIntegerField("人数")
    per_capita_monthly_income = models.DecimalField("人均月收入", max_digits=14, decimal_places=2, null=True)
    total_financial_assets = models.DecimalField("金融资产合计", max_digits=16, decimal_places=2, null=True)
    per_capita_financial_assets = models.DecimalField(
        "人均金融资产", max_digits=16, decimal_places=2, null=True
    )
    dibao_standard = models.DecimalField("低保标准", max_digits=10, decimal_places=2, null=True)
    income_line = models.DecimalField("收入认定线", max_digits=10, decimal_places=2, null=True)
    asset_limit = models.DecimalField("人均金融资产上限", max_digits=14, decimal_places=2, null=True)
    conclusion = models.CharField("结论", max_length=20, choices=CONCLUSIONS, db_index=True)
    reasons = models.JSONField("理由与证据", default=list)
    member_income = models.JSONField("成员收入明细", default=list)
    # every department row about the members the rules read (户籍, vehicles, real estate, businesses, the
    # latest financial statements …), as the engine's evidence objects, whether or not it decided anything
    member_records = models.JSONField("成员核对明细", default=list)
    #: the cases that asked for this report ({"label", "url"}), so the report links back to them; given by
    #: the asking domain (verification does not know what a case is)
    requested_for = models.JSONField("申请来源", default=list)
    note = models.TextField("经办人备注", blank=True)
    note_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "核对结果"
        verbose_name_plural = "核对结果"
        constraints = [
            models.UniqueConstraint(fields=["run", "household"], name="one_result_per_household_run")
        ]

    def __str__(self) -> str:
        return f"{self.household_id}: {self.get_conclusion_display()}"
