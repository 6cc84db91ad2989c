"""指标 tables: indicator definitions (DHIS2-style), their binding to plan rows, entered values with
maker-checker approval, the monitoring status rules, and progress evidence of tasks and projects.

A definition's value for a division and period comes from one of three places (``source_kind``): a domain's
computed source (``core.indicator_sources``), approved entered values, or a formula over other definitions.
"""

from django.db import models

from .plans import Comparison, PlanIndicator, PlanProject, PlanTask, TaskStatus


class PeriodType(models.TextChoices):
    MONTH = "month", "月"
    QUARTER = "quarter", "季"
    YEAR = "year", "年"


class SourceKind(models.TextChoices):
    COMPUTED = "computed", "业务数据计算"
    ENTERED = "entered", "填报"
    FORMULA = "formula", "公式"


class Aggregation(models.TextChoices):
    # How entered values of the divisions inside a division make its figure.
    SUM = "sum", "求和"
    RATIO = "ratio", "分子分母分别求和后相除"
    AVERAGE = "average", "平均"
    NONE = "none", "不汇总（仅本级填报）"


class Direction(models.TextChoices):
    HIGHER = "higher", "越高越好"
    LOWER = "lower", "越低越好"


class ValueType(models.TextChoices):
    DECIMAL = "decimal", "数值"
    INTEGER = "integer", "整数"


class IndicatorDefinition(models.Model):
    """指标定义: what an indicator measures, in which unit and period, and where its value comes from."""

    code = models.CharField("指标编码", max_length=80, unique=True)
    name = models.CharField("指标名称", max_length=200)
    unit = models.CharField("单位", max_length=30, blank=True)
    period_type = models.CharField("周期", max_length=10, choices=PeriodType.choices, default=PeriodType.YEAR)
    source_kind = models.CharField("来源", max_length=10, choices=SourceKind.choices)
    source_code = models.CharField("计算来源编码", max_length=80, blank=True)
    expression = models.CharField(
        "公式", max_length=500, blank=True, help_text="如 {eldercare.nursing_beds} / {eldercare.beds} * 100"
    )
    numerator_label = models.CharField("分子", max_length=200, blank=True)
    denominator_label = models.CharField("分母", max_length=200, blank=True)
    factor = models.DecimalField("系数", max_digits=10, decimal_places=2, default=1)
    aggregation = models.CharField(
        "汇总方式", max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    direction = models.CharField("方向", max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    decimals = models.PositiveSmallIntegerField("小数位", default=2)
    value_type = models.CharField(
        "数值类型", max_length=10, choices=ValueType.choices, default=ValueType.DECIMAL
    )
    min_value = models.DecimalField("最小值", max_digits=18, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField("最大值", max_digits=18, decimal_places=4, null=True, blank=True)
    change_comment_percent = models.DecimalField(
        "需说明的变动幅度(%)", max_digits=8, decimal_places=2, null=True, blank=True
    )
    definition = models.TextField("口径说明", blank=True)
    is_active = models.BooleanField("启用", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "指标定义"
        verbose_name_plural = "指标定义"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_ratio(self) -> bool:
        return bool(self.denominator_label)


class IndicatorBinding(models.Model):
    """规划指标绑定: one row of a plan's indicator table bound to a definition, with the target and baseline
    monitoring uses (taken from the plan's text where it states them, inherited or set by hand otherwise)."""

    plan_indicator = models.OneToOneField(PlanIndicator, on_delete=models.CASCADE, related_name="binding")
    definition = models.ForeignKey(IndicatorDefinition, on_delete=models.PROTECT, related_name="bindings")
    target_comparison = models.CharField("目标比较", max_length=1, choices=Comparison.choices, blank=True)
    target_value = models.DecimalField("目标数值", max_digits=18, decimal_places=4, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField("目标年份")
    target_basis = models.CharField("目标来源", max_length=100, blank=True)
    baseline_value = models.DecimalField("基期值", max_digits=18, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField("基期年份", null=True, blank=True)
    baseline_basis = models.CharField("基期值来源", max_length=200, blank=True)
    updated_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "规划指标绑定"
        verbose_name_plural = "规划指标绑定"

    def __str__(self) -> str:
        return f"{self.plan_indicator} → {self.definition.code}"


class EntryStatus(models.TextChoices):
    SUBMITTED = "submitted", "待审核"
    APPROVED = "approved", "已审核"
    REJECTED = "rejected", "已退回"


class EnteredValue(models.Model):
    """指标填报: one version of a value entered for a division and period. Corrections are new rows; the
    latest approved row counts. The person who entered a value cannot approve it (maker-checker)."""

    definition = models.ForeignKey(IndicatorDefinition, on_delete=models.PROTECT, related_name="entries")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    period = models.CharField("期别", max_length=8, help_text="2024 / 2024Q2 / 2024M03")
    period_end = models.DateField("期末")
    value = models.DecimalField("数值", max_digits=18, decimal_places=4)
    numerator = models.DecimalField("分子", max_digits=18, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField("分母", max_digits=18, decimal_places=4, null=True, blank=True)
    comment = models.TextField("填报说明", blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=EntryStatus.choices, default=EntryStatus.SUBMITTED
    )
    entered_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField("审核意见", max_length=300, blank=True)

    class Meta:
        verbose_name = "指标填报"
        verbose_name_plural = "指标填报"
        indexes = [models.Index(fields=["definition", "period", "status"])]

    def __str__(self) -> str:
        return f"{self.definition.name} {self.division_code} {self.period}"


class StatusRule(models.Model):
    """监测状态规则: the thresholds that turn progress into 达标 / 进度正常 / 滞后 / 预警 — dated, per division
    (the most specific division's latest rule in force applies), so a bureau can tighten them without code."""

    division_code = models.CharField("适用区划", max_length=12, default="000000000000")
    effective_from = models.DateField("生效日期")
    normal_ratio = models.DecimalField(
        "进度正常比例", max_digits=5, decimal_places=2, help_text="完成进度不低于时间进度的该倍数为进度正常"
    )
    lagging_ratio = models.DecimalField(
        "滞后比例", max_digits=5, decimal_places=2, help_text="低于该倍数为预警，介于两者之间为滞后"
    )
    use_projection = models.BooleanField("按线性预测达标视为进度正常", default=True)
    binding_escalates = models.BooleanField("约束性指标滞后即预警", default=True)
    note = models.CharField("依据", max_length=300, blank=True)
    created_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监测状态规则"
        verbose_name_plural = "监测状态规则"
        ordering = ["division_code", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["division_code", "effective_from"], name="status_rule_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.division_code} {self.effective_from:%Y-%m-%d}"


class TaskProgress(models.Model):
    """重点任务进展: a dated status report with its evidence (what was done, documents)."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="progress")
    reported_on = models.DateField("报告日期")
    status = models.CharField("状态", max_length=20, choices=TaskStatus.choices)
    progress_percent = models.PositiveSmallIntegerField("完成进度(%)", null=True, blank=True)
    evidence = models.TextField("进展与佐证")
    reported_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "重点任务进展"
        verbose_name_plural = "重点任务进展"
        ordering = ["task", "-reported_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.task} {self.reported_on:%Y-%m-%d}"


class ProjectStatus(models.TextChoices):
    NOT_STARTED = "not_started", "未开工"
    BUILDING = "building", "在建"
    DONE = "done", "已竣工"
    LAGGING = "lagging", "滞后"


class ProjectProgress(models.Model):
    """重大项目进展: progress and money spent to date, reported over time."""

    project = models.ForeignKey(PlanProject, on_delete=models.CASCADE, related_name="progress")
    reported_on = models.DateField("报告日期")
    status = models.CharField("状态", max_length=20, choices=ProjectStatus.choices)
    progress_percent = models.PositiveSmallIntegerField("形象进度(%)")
    spent = models.DecimalField("累计完成投资(万元)", max_digits=14, decimal_places=2)
    evidence = models.TextField("进展与佐证", blank=True)
    reported_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "重大项目进展"
        verbose_name_plural = "重大项目进展"
        ordering = ["project", "-reported_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.project} {self.reported_on:%Y-%m-%d}"
