"""Community service centres, 社区工作者, grids with their workers, households and events."""

from django.db import models

from minzheng.core.money import money_constraint

from .base import Row
from .choices import CERTIFICATES, GRID_ROLES, SEX_CHOICES, WORKER_POSTS, EventKind, EventStatus
from .committees import Committee, VillagerGroup


class ServiceCentre(Row):
    """城乡社区综合服务设施 of a committee."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="centres")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    name = models.CharField("名称", max_length=100)
    area_m2 = models.DecimalField("建筑面积（平方米）", max_digits=9, decimal_places=2)
    rooms = models.PositiveSmallIntegerField("功能用房间数", default=0)
    volunteer_station = models.BooleanField("设有志愿服务站点", default=False)
    opened_on = models.DateField("投入使用日期")
    closed_on = models.DateField("停用日期", null=True, blank=True)

    class Meta:
        verbose_name = "社区综合服务设施"
        verbose_name_plural = "社区综合服务设施"


class CommunityWorker(Row):
    """社区工作者 with post, grade and pay."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="workers")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    name = models.CharField("姓名", max_length=50)
    sex = models.CharField("性别", max_length=1, choices=SEX_CHOICES)
    post = models.CharField("岗位", max_length=10, choices=WORKER_POSTS)
    grade = models.PositiveSmallIntegerField("岗位等级")
    monthly_pay = models.DecimalField("月薪酬（元）", max_digits=12, decimal_places=2)
    certificate = models.CharField("社会工作职业资格", max_length=10, choices=CERTIFICATES, blank=True)
    started_on = models.DateField("入职日期")
    left_on = models.DateField("离职日期", null=True, blank=True)

    class Meta:
        verbose_name = "社区工作者"
        verbose_name_plural = "社区工作者"
        constraints = [money_constraint("community_worker", "monthly_pay")]


class Grid(Row):
    """A grid (网格) of a committee: urban grids by households, a rural one per villagers' group."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="grids")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    number = models.CharField("网格编号", max_length=20, unique=True)
    name = models.CharField("名称", max_length=100)
    group = models.ForeignKey(
        VillagerGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="村民小组",
    )

    class Meta:
        verbose_name = "网格"
        verbose_name_plural = "网格"
        ordering = ["number"]


class GridWorker(Row):
    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, related_name="workers")
    name = models.CharField("姓名", max_length=50)
    role = models.CharField("职责", max_length=8, choices=GRID_ROLES)
    number = models.CharField("网格员编号", max_length=20)
    phone = models.CharField("联系电话", max_length=20, blank=True)

    class Meta:
        verbose_name = "网格员"
        verbose_name_plural = "网格员"


class GridHousehold(Row):
    """A registry household attached to a grid (one grid per household)."""

    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, related_name="attached")
    household = models.OneToOneField("core.Household", on_delete=models.PROTECT, related_name="+")
    attached_on = models.DateField("纳入日期")

    class Meta:
        verbose_name = "网格住户"
        verbose_name_plural = "网格住户"


class GridEvent(Row):
    """An event a grid worker reports; a hardship can be referred to 社会救助 as 主动发现."""

    grid = models.ForeignKey(Grid, on_delete=models.PROTECT, related_name="events")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    reported_by = models.ForeignKey(
        GridWorker, on_delete=models.PROTECT, related_name="+", verbose_name="报告人"
    )
    reported_on = models.DateField("报告日期")
    kind = models.CharField("事件类型", max_length=10, choices=EventKind.choices)
    description = models.CharField("情况描述", max_length=500)
    household = models.ForeignKey(
        "core.Household",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="涉及住户",
    )
    status = models.CharField("状态", max_length=10, choices=EventStatus.choices, default=EventStatus.OPEN)
    case_number = models.CharField("救助申请编号", max_length=40, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    outcome = models.CharField("处置结果", max_length=300, blank=True)

    class Meta:
        verbose_name = "网格事件"
        verbose_name_plural = "网格事件"
        ordering = ["-reported_on", "-pk"]
