"""Tables of 低收入人口动态监测: the low-income library, risk rules as dated data, runs and warnings."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from . import rules
from .rule_catalogue import RULE_KINDS, SEVERITIES, parameters_text


class Category(models.TextChoices):
    """人员类别 in the library (the first six are the 社会救助 program codes)."""

    DIBAO_URBAN = "dibao_urban", "城市低保"
    DIBAO_RURAL = "dibao_rural", "农村低保"
    TEKUN_CENTRALISED = "tekun_centralised", "特困（集中供养）"
    TEKUN_DISPERSED = "tekun_dispersed", "特困（分散供养）"
    DIBAO_EDGE = "dibao_edge", "低保边缘"
    EXPENDITURE_HARDSHIP = "expenditure_hardship", "支出型困难"
    FANGPIN = "fangpin", "防止返贫监测对象"
    PROACTIVE = "proactive", "主动发现"


DIBAO_CATEGORIES = frozenset({Category.DIBAO_URBAN, Category.DIBAO_RURAL})
TEKUN_CATEGORIES = frozenset({Category.TEKUN_CENTRALISED, Category.TEKUN_DISPERSED})
ASSISTANCE_CATEGORIES = (
    *DIBAO_CATEGORIES,
    *TEKUN_CATEGORIES,
    Category.DIBAO_EDGE,
    Category.EXPENDITURE_HARDSHIP,
)


class CategorySource(models.TextChoices):
    ASSISTANCE = "assistance", "社会救助在保"
    IMPORT = "import", "名单导入"
    PROACTIVE = "proactive", "主动发现登记"


class LibraryPerson(models.Model):
    """低收入人口信息库 人员: one person, keyed by 公民身份号码, with the household they are monitored in."""

    id_number = models.CharField("公民身份号码", max_length=18, unique=True)
    name = models.CharField("姓名", max_length=50, db_index=True)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    division_code = models.CharField("居住地区划代码", max_length=12, db_index=True)
    household = models.ForeignKey(
        "core.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    #: the household key the job groups by: the registry household, else the number on an imported list
    household_key = models.CharField("家庭标识", max_length=40, db_index=True)
    household_number = models.CharField("户编号", max_length=40, blank=True)
    area = models.CharField("城乡", max_length=5, blank=True, help_text="urban / rural")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "低收入人口"
        verbose_name_plural = "低收入人口信息库"

    def __str__(self) -> str:
        return self.name


class ListImport(models.Model):
    """名单导入 (e.g. 防止返贫监测对象 from 乡村振兴部门): the whole file accepted or rejected with row errors."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    STATUSES = [(ACCEPTED, "已导入"), (REJECTED, "已拒绝")]

    file_name = models.CharField("文件名", max_length=200)
    sha256 = models.CharField("文件摘要", max_length=64, unique=True)
    category = models.CharField("人员类别", max_length=30, choices=Category.choices)
    source_department = models.CharField("来源部门", max_length=50)
    status = models.CharField("状态", max_length=10, choices=STATUSES)
    rows_total = models.PositiveIntegerField("行数", default=0)
    rows_added = models.PositiveIntegerField("新增人员类别", default=0)
    errors = models.JSONField("错误", default=list, blank=True)
    division_code = models.CharField("导入单位区划", max_length=12, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("导入时间", db_default=Now())

    class Meta:
        verbose_name = "名单导入"
        verbose_name_plural = "名单导入"

    def __str__(self) -> str:
        return self.file_name


class LibraryCategory(models.Model):
    """人员类别 with dates: in 低保 from a month, on a 防返贫 list from a date, 主动发现 on a day."""

    person = models.ForeignKey(LibraryPerson, on_delete=models.PROTECT, related_name="categories")
    category = models.CharField("人员类别", max_length=30, choices=Category.choices)
    source = models.CharField("来源", max_length=20, choices=CategorySource.choices)
    valid_from = models.DateField("纳入日期")
    valid_to = models.DateField("退出日期", null=True, blank=True)
    reference = models.CharField("来源编号", max_length=64, blank=True, help_text="在保记录、导入批次")
    note = models.CharField("情况说明", max_length=500, blank=True)
    list_import = models.ForeignKey(ListImport, null=True, blank=True, on_delete=models.PROTECT)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", db_default=Now())

    class Meta:
        verbose_name = "人员类别"
        verbose_name_plural = "人员类别"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "category", "source"],
                condition=models.Q(valid_to__isnull=True),
                name="library_one_open_category",
            )
        ]
        indexes = [models.Index(fields=["category", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.valid_from:%Y-%m-%d}"


class RiskRule(models.Model):
    """预警规则 version: one rule for one division (``000000000000`` = national) from a date, switched on or
    off, with its severity, parameters and verification time limit. A new version closes the previous one."""

    code = models.CharField("规则", max_length=30, choices=[(k.code, k.label) for k in RULE_KINDS.values()])
    division_code = models.CharField("适用区划", max_length=12, db_index=True)
    valid_from = models.DateField("生效日期")
    valid_to = models.DateField("失效日期", null=True, blank=True)
    enabled = models.BooleanField("启用", default=True)
    severity = models.CharField("预警等级", max_length=10, choices=SEVERITIES)
    parameters = models.JSONField("参数", default=dict, blank=True)
    verify_days = models.PositiveSmallIntegerField("核实时限（工作日）")
    note = models.CharField("依据/说明", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("录入时间", db_default=Now())

    class Meta:
        verbose_name = "预警规则"
        verbose_name_plural = "预警规则"
        constraints = [
            models.UniqueConstraint(
                fields=["code", "division_code", "valid_from"], name="one_rule_version_a_day"
            )
        ]

    def __str__(self) -> str:
        return self.get_code_display()

    @property
    def parameters_text(self) -> str:
        """参数 as the pages show them (``损失金额线 10,000 元``), never the stored keys."""
        return parameters_text(self.code, self.parameters or {})


class MonitoringRun(models.Model):
    """监测批次: a daily (incremental) or full run, or a trial of one rule against history (nothing stored)."""

    DAILY = "daily"
    FULL = "full"
    TRIAL = "trial"
    KINDS = [(DAILY, "每日增量"), (FULL, "全量"), (TRIAL, "规则试算")]
    RUNNING, SUCCEEDED, FAILED = "running", "succeeded", "failed"
    STATUSES = [(RUNNING, "运行中"), (SUCCEEDED, "已完成"), (FAILED, "失败")]
    ENGINES = [("duckdb", "DuckDB（单机）"), ("spark", "Spark（集群）")]

    kind = models.CharField("类型", max_length=10, choices=KINDS)
    since = models.DateField("事件起（不含）", null=True, blank=True)
    until = models.DateField("事件止（含）")
    engine = models.CharField("计算引擎", max_length=10, choices=ENGINES, default="duckdb")
    status = models.CharField("状态", max_length=10, choices=STATUSES, default=RUNNING)
    division_code = models.CharField("范围", max_length=12, db_index=True, default="000000000000")
    rule = models.ForeignKey(RiskRule, null=True, blank=True, on_delete=models.PROTECT, related_name="trials")
    population = models.PositiveIntegerField("监测人数", default=0)
    found = models.PositiveIntegerField("命中预警", default=0)
    created = models.PositiveIntegerField("新增预警", default=0)
    by_rule = models.JSONField("按规则", default=dict, blank=True)
    seconds = models.DecimalField("耗时（秒）", max_digits=9, decimal_places=2, null=True, blank=True)
    error = models.TextField("错误", blank=True)
    # host:pid of the process running it: a run left 运行中 by a dead process is marked failed (ADR 0039)
    worker = models.CharField("执行进程", max_length=100, blank=True, default="")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField("开始时间", db_default=Now())

    class Meta:
        verbose_name = "监测批次"
        verbose_name_plural = "监测批次"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.until:%Y-%m-%d}"


class RiskWarning(models.Model):
    """预警: one rule's finding about one household and event, through 分派 → 核实 → 处置 → 关闭."""

    number = models.CharField("预警编号", max_length=32, unique=True)
    warning_key = models.CharField(
        "预警键", max_length=200, unique=True, help_text="规则/人员/事件，重跑不重复"
    )
    run = models.ForeignKey(MonitoringRun, on_delete=models.PROTECT, related_name="warnings")
    rule = models.ForeignKey(RiskRule, on_delete=models.PROTECT, related_name="warnings")
    rule_code = models.CharField(
        "规则", max_length=30, choices=[(k.code, k.label) for k in RULE_KINDS.values()]
    )
    severity = models.CharField("预警等级", max_length=10, choices=SEVERITIES)
    household = models.ForeignKey(
        "core.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    household_key = models.CharField("家庭标识", max_length=40)
    # indexed for the 全局检索 (by the person's ID number or name; ADR 0013)
    id_number = models.CharField("相关人员证件号码", max_length=18, db_index=True)
    person_name = models.CharField("相关人员", max_length=50, blank=True, db_index=True)
    division_code = models.CharField("居住地区划代码", max_length=12, db_index=True)
    assigned_division_code = models.CharField("分派至", max_length=12, blank=True)
    event_date = models.DateField("事件日期")
    reason = models.CharField("预警原因", max_length=500)
    evidence = models.JSONField("证据", default=list)
    status = models.CharField("状态", max_length=10, choices=rules.STATUSES, default=rules.NEW)
    created_at = models.DateTimeField("预警时间", db_default=Now())
    assigned_at = models.DateTimeField("分派时间", null=True, blank=True)
    due_on = models.DateField("核实处置时限", null=True, blank=True)
    escalated_to = models.CharField("已上报至", max_length=12, blank=True)
    escalated_at = models.DateTimeField("上报时间", null=True, blank=True)
    disposal = models.CharField("处置方式", max_length=20, choices=rules.DISPOSALS, blank=True)
    disposal_note = models.CharField("处置说明", max_length=500, blank=True)
    disposed_at = models.DateTimeField("处置时间", null=True, blank=True)
    case_number = models.CharField("救助案件编号", max_length=32, blank=True)
    closed_at = models.DateTimeField("关闭时间", null=True, blank=True)

    class Meta:
        verbose_name = "预警"
        verbose_name_plural = "预警"
        indexes = [
            models.Index(fields=["division_code", "status"]),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["rule_code", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.number


class WarningStep(models.Model):
    """预警处理记录: each step of a warning's life, for its timeline (the audit log holds the same)."""

    warning = models.ForeignKey(RiskWarning, on_delete=models.PROTECT, related_name="steps")
    action = models.CharField("环节", max_length=20)
    note = models.CharField("说明", max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("时间", db_default=Now())

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.note


class WarningVisit(models.Model):
    """核实记录: a visit (入户核实) with findings and attachments."""

    warning = models.ForeignKey(RiskWarning, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField("核实日期")
    findings = models.TextField("核实情况")
    visitor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("录入时间", db_default=Now())

    class Meta:
        ordering = ["visited_on", "pk"]

    def __str__(self) -> str:
        return f"{self.visited_on:%Y-%m-%d}"


class VisitAttachment(models.Model):
    """核实附件 (photos, signed statements)."""

    visit = models.ForeignKey(WarningVisit, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField("附件", upload_to="monitoring/visits/%Y/%m/")
    original_name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField("摘要", max_length=64)

    def __str__(self) -> str:
        return self.original_name


class RegistryCursor(models.Model):
    """How far 动态监测 has read the registry's outbox (its own cursor; ``core.services.registry.changes_since``)."""

    name = models.CharField("消费者", max_length=50, unique=True)
    position = models.BigIntegerField("已处理至变更编号", default=0)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "登记变更读取位置"
        verbose_name_plural = "登记变更读取位置"

    def __str__(self) -> str:
        return f"{self.name} @ {self.position}"
