"""民政报表 tables: the official 民政统计月报/季报 forms as versioned data, the binding of their rows to computed
sources, and every generated report with its values (kept, so 上期 is always available)."""

from django.db import models


class StatForm(models.Model):
    """统计报表版本: one version of an official form (表号 + 批准文号), with its header as printed."""

    code = models.CharField("表号", max_length=30)
    name = models.CharField("表名", max_length=100)
    period_type = models.CharField("报告期", max_length=10, choices=[("month", "月报"), ("quarter", "季报")])
    issuer = models.CharField("制表机关", max_length=50, default="民政部")
    approver = models.CharField("批准机关", max_length=50, default="国家统计局")
    approval_no = models.CharField("批准文号", max_length=50, blank=True)
    version = models.CharField("版本", max_length=30)
    valid_from = models.DateField("启用日期")
    valid_to = models.DateField("停用日期", null=True, blank=True)
    previous_label = models.CharField("上期列名", max_length=20, default="上期")
    last_month_column = models.BooleanField("上月列", default=False, help_text="2019—2023年季报的“上月”列")
    note = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = "统计报表"
        verbose_name_plural = "统计报表"
        ordering = ["period_type", "code", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="stat_form_version_once")]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"


class StatFormRow(models.Model):
    """A row of a form: label as printed, unit, indicator code (代码), level of indentation and parent. A row
    with ``sum_of_children`` is the sum of its child rows (the form's own arithmetic relations)."""

    form = models.ForeignKey(StatForm, on_delete=models.CASCADE, related_name="rows")
    order = models.PositiveIntegerField("顺序")
    level = models.PositiveSmallIntegerField("层级")
    label = models.CharField("指标名称", max_length=100)
    unit = models.CharField("单位", max_length=10, blank=True)
    code = models.CharField("代码", max_length=20, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    is_heading = models.BooleanField("标题行", default=False)
    sum_of_children = models.BooleanField("等于下级行之和", default=False)
    confirmed = models.BooleanField("已核实", default=True, help_text="代码和顺序经公开报表核实")

    class Meta:
        verbose_name = "报表行"
        verbose_name_plural = "报表行"
        ordering = ["form", "order"]
        constraints = [models.UniqueConstraint(fields=["form", "order"], name="stat_row_order_once")]

    def __str__(self) -> str:
        return self.label


class StatRowBinding(models.Model):
    """报表行取数: a row filled from a computed indicator source; ``scale`` converts units (元 → 万元 = 0.0001).
    Editable data, so a source a domain adds later is bound without code."""

    row = models.OneToOneField(StatFormRow, on_delete=models.CASCADE, related_name="binding")
    source_code = models.CharField("来源编码", max_length=80)
    scale = models.DecimalField("换算系数", max_digits=12, decimal_places=6, default=1)
    note = models.CharField("说明", max_length=200, blank=True)
    updated_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "报表行取数"
        verbose_name_plural = "报表行取数"

    def __str__(self) -> str:
        return f"{self.row} → {self.source_code}"


class StatReportStatus(models.TextChoices):
    DRAFT = "draft", "编制中"
    SUBMITTED = "submitted", "已上报"


class StatReport(models.Model):
    """统计报表: one form filled for one division and period. Kept for good — next period's 上期."""

    form = models.ForeignKey(StatForm, on_delete=models.PROTECT, related_name="reports")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    period = models.CharField("报告期", max_length=8)
    period_end = models.DateField("期末")
    status = models.CharField("状态", max_length=10, choices=StatReportStatus.choices, default="draft")
    generated_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    generated_at = models.DateTimeField("生成时间", auto_now=True)
    submitted_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField("上报时间", null=True, blank=True)
    # The block printed under the form (填报单位 is the division's office, above the table).
    principal = models.CharField("单位负责人", max_length=30, blank=True)
    preparer = models.CharField("填表人", max_length=30, blank=True)
    reported_on = models.DateField("报出日期", null=True, blank=True)
    explanation = models.TextField(
        "审核说明", blank=True, help_text="核实性审核未通过时的说明（强制性审核未通过不能上报）"
    )

    class Meta:
        verbose_name = "统计报表"
        verbose_name_plural = "统计报表"
        ordering = ["-period_end", "division_code"]
        constraints = [
            models.UniqueConstraint(fields=["form", "division_code", "period"], name="stat_report_once")
        ]

    def __str__(self) -> str:
        return f"{self.form.name} {self.division_code} {self.period}"


class ValueOrigin(models.TextChoices):
    COMPUTED = "computed", "系统计算"
    ENTERED = "entered", "填报"
    SUM = "sum", "下级行合计"
    EMPTY = "empty", "无数据"


class StatReportValue(models.Model):
    """One row's 数量 in a report, with where it came from."""

    report = models.ForeignKey(StatReport, on_delete=models.CASCADE, related_name="values")
    row = models.ForeignKey(StatFormRow, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField("数量", max_digits=18, decimal_places=4, null=True, blank=True)
    origin = models.CharField("来源", max_length=10, choices=ValueOrigin.choices)
    source_code = models.CharField("来源编码", max_length=80, blank=True)
    drilldown_url = models.CharField("明细链接", max_length=500, blank=True)
    entered_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "报表数值"
        verbose_name_plural = "报表数值"
        constraints = [models.UniqueConstraint(fields=["report", "row"], name="stat_value_once")]

    def __str__(self) -> str:
        return f"{self.report_id}:{self.row_id}"
