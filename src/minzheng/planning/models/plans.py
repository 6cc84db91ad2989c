"""规划 tables: a plan (十四五规划) as structured data, as imported from its document.

A plan belongs to one division (省/市/县级) and implements the plan of a higher division (``parent``).
Its parts are rows: the outline, task items (重点任务, with the 分解落实 fields filled in later), the indicator
table (主要指标) plus quantified targets stated in the text, and key projects (重大项目 / 专栏 items).
Progress over time (monitoring) is not held here yet.
"""

from django.db import models


class PlanLevel(models.TextChoices):
    NATIONAL = "national", "国家级"
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"


class Plan(models.Model):
    """规划: one plan document of one division for one five-year period, imported once (by file hash)."""

    title = models.CharField("规划名称", max_length=200)
    status = models.CharField("文本状态", max_length=20, blank=True, help_text="如 征求意见稿；空为正式文本")
    level = models.CharField("层级", max_length=10, choices=PlanLevel.choices)
    region_name = models.CharField("区域名称", max_length=50, blank=True)
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="上级规划",
    )
    period_start = models.PositiveSmallIntegerField("规划期起")
    period_end = models.PositiveSmallIntegerField("规划期止")
    source_name = models.CharField("来源文件", max_length=255)
    source_sha256 = models.CharField("文件SHA-256", max_length=64, unique=True)
    import_notes = models.JSONField("导入说明", default=list, blank=True)
    imported_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="导入人"
    )
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = "规划"
        verbose_name_plural = "规划"
        ordering = ["division_code", "period_start", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> str:
        return f"{self.period_start}—{self.period_end}年"


class OutlineKind(models.TextChoices):
    CHAPTER = "chapter", "章"
    SECTION = "section", "节"
    HEADING = "heading", "标题"
    BOX = "box", "专栏"
    TABLE = "table", "表"


class OutlineNode(models.Model):
    """规划目录: one heading of the plan, in a tree (章 → 节 → 一、/（一）/1. …)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outline_nodes")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField("类型", max_length=10, choices=OutlineKind.choices)
    number = models.CharField("序号", max_length=20, blank=True)
    title = models.CharField("标题", max_length=300)
    heading = models.CharField("原文标题", max_length=300, blank=True)
    depth = models.PositiveSmallIntegerField("层级", default=0)
    order = models.PositiveIntegerField("顺序")

    class Meta:
        verbose_name = "规划目录"
        verbose_name_plural = "规划目录"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.heading or self.title


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", "未开始"
    IN_PROGRESS = "in_progress", "推进中"
    DONE = "done", "已完成"
    LAGGING = "lagging", "滞后"


class PlanTask(models.Model):
    """重点任务: a task item's lead phrase; 责任单位, 完成时限 and 状态 are filled in by 分解落实."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveIntegerField("顺序")
    lead = models.CharField("任务", max_length=300)
    chapter = models.CharField("所在章", max_length=300, blank=True)
    section = models.CharField("所在节", max_length=300, blank=True)
    responsible_unit = models.CharField("责任单位", max_length=200, blank=True)
    deadline = models.DateField("完成时限", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "重点任务"
        verbose_name_plural = "重点任务"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.lead


class IndicatorAttribute(models.TextChoices):
    # Stored as printed in the plans' 指标属性 column.
    EXPECTED = "预期性", "预期性"
    BINDING = "约束性", "约束性"


class Comparison(models.TextChoices):
    EQUAL = "=", "="
    GREATER = ">", ">"
    AT_LEAST = "≥", "≥"
    LESS = "<", "<"
    AT_MOST = "≤", "≤"
    ABOUT = "≈", "约"


class IndicatorSource(models.TextChoices):
    TABLE = "table", "指标表"
    TEXT = "text", "正文"


class PlanIndicator(models.Model):
    """规划指标: a row of the 主要指标 table, or a quantified target stated in the text (with its quote).

    ``target`` keeps the text exactly as printed (≥60, >30, 1.3, 不低于省定指标要求); ``comparison`` and
    ``target_value`` hold its parsed form where it is a number or a comparison with a number.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveIntegerField("顺序")
    no = models.PositiveSmallIntegerField("序号", null=True, blank=True)
    name = models.CharField("指标名称", max_length=300)
    unit = models.CharField("单位", max_length=30, blank=True)
    target = models.CharField("目标值（原文）", max_length=200, blank=True)
    comparison = models.CharField("比较", max_length=1, choices=Comparison.choices, blank=True)
    target_value = models.DecimalField("目标数值", max_digits=18, decimal_places=4, null=True, blank=True)
    attribute = models.CharField("指标属性", max_length=3, choices=IndicatorAttribute.choices, blank=True)
    baseline = models.CharField("基期值（原文）", max_length=100, blank=True)
    baseline_value = models.DecimalField("基期数值", max_digits=18, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField("基期年份", null=True, blank=True)
    source = models.CharField("来源", max_length=10, choices=IndicatorSource.choices)
    source_table = models.CharField("来源表", max_length=200, blank=True)
    quote = models.TextField("原文", blank=True)
    year = models.CharField("目标年份", max_length=20, blank=True)
    chapter = models.CharField("所在章", max_length=300, blank=True)
    section = models.CharField("所在节", max_length=300, blank=True)

    class Meta:
        verbose_name = "规划指标"
        verbose_name_plural = "规划指标"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_binding(self) -> bool:
        return self.attribute == IndicatorAttribute.BINDING


class PlanProject(models.Model):
    """重大项目 / 专栏工程: a project table row or a numbered 专栏 item."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="projects")
    order = models.PositiveIntegerField("顺序")
    no = models.PositiveSmallIntegerField("序号", null=True, blank=True)
    name = models.CharField("项目名称", max_length=300)
    source = models.CharField("来源", max_length=200, blank=True, help_text="专栏或表的标题；text 为正文")
    location = models.CharField("建设地点", max_length=100, blank=True)
    scale = models.CharField("建设规模", max_length=500, blank=True)
    investment = models.DecimalField("投资额", max_digits=14, decimal_places=4, null=True, blank=True)
    investment_unit = models.CharField("投资单位", max_length=10, blank=True)
    deadline = models.CharField("建设期限（原文）", max_length=50, blank=True)
    description = models.TextField("内容", blank=True)
    targets = models.JSONField("量化目标", default=list, blank=True)

    class Meta:
        verbose_name = "重大项目"
        verbose_name_plural = "重大项目"
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.name


class PlanDraftUpload(models.Model):
    """规划导入草稿: an uploaded plan file parsed and waiting for a person to review it and press 保存."""

    file_name = models.CharField("文件名", max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    draft = models.JSONField("解析结果")
    division_code = models.CharField("上传人区划", max_length=12, db_index=True)
    uploaded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "规划导入草稿"
        verbose_name_plural = "规划导入草稿"

    def __str__(self) -> str:
        return self.file_name
