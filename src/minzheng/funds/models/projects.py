"""项目: the plans' 重大项目 and 公益金 projects — budget, milestones, monthly progress, the 3-level performance
indicator tree and its self-assessment."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from minzheng.core.money import TOTAL_MAX, money_constraint

from .ledger import Fund


class ProjectSource(models.TextChoices):
    PLAN = "plan", "规划重大项目"
    LOTTERY = "lottery", "彩票公益金项目"


class ProjectCategory(models.TextChoices):
    ELDERCARE = "eldercare", "养老服务"
    DISABILITY = "disability", "残疾人福利"
    CHILDREN = "children", "儿童福利"
    WELFARE = "welfare", "社会公益"
    COMMUNITY = "community", "社区设施"


class Project(models.Model):
    """项目: one project with its budget (元) and period; ``plan_project_id`` names the plan row it came from."""

    source = models.CharField("项目来源", max_length=10, choices=ProjectSource.choices)
    plan_project_id = models.BigIntegerField("规划项目编号", null=True, blank=True, unique=True)
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, null=True, blank=True, related_name="projects")
    name = models.CharField("项目名称", max_length=300)
    category = models.CharField("项目类别", max_length=12, choices=ProjectCategory.choices)
    division_code = models.CharField("实施区划", max_length=12, db_index=True)
    owner = models.CharField("实施单位", max_length=100, blank=True)
    budget = models.DecimalField("预算（元）", max_digits=14, decimal_places=2)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("完成期限")
    lottery_mark = models.BooleanField("已设置“福彩公益金资助”标识", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("创建时间", db_default=Now())

    class Meta:
        ordering = ["division_code", "ends_on", "pk"]
        constraints = [money_constraint("project", "budget", TOTAL_MAX)]

    def __str__(self) -> str:
        return self.name


class ProjectProgress(models.Model):
    """月度进展: progress (%) and money spent to date, once a month."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="progress")
    month = models.DateField("月份")
    percent = models.PositiveSmallIntegerField("形象进度（%）")
    spent = models.DecimalField("累计支出（元）", max_digits=14, decimal_places=2)
    note = models.CharField("进展说明", max_length=300, blank=True)

    class Meta:
        ordering = ["project", "month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="project_progress_once_a_month"),
            money_constraint("projectprogress", "spent", TOTAL_MAX),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.month:%Y-%m}"


class PerformanceIndicator(models.Model):
    """绩效指标: a node of the 3-level tree (一级 产出/效益/满意度 → 二级 → 三级 with 年度指标值 and 实际完成值)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="indicators")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    level = models.PositiveSmallIntegerField("层级")
    name = models.CharField("指标名称", max_length=100)
    target = models.DecimalField("年度指标值", max_digits=14, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField("实际完成值", max_digits=14, decimal_places=2, null=True, blank=True)
    unit = models.CharField("单位", max_length=20, blank=True)

    class Meta:
        ordering = ["project", "level", "pk"]

    def __str__(self) -> str:
        return self.name
