"""福利彩票: sales outlets (专营/兼营/福彩公益驿站) and their monthly sales per game type."""

from django.db import models

from minzheng.core.money import TOTAL_MAX, money_constraint


class OutletKind(models.TextChoices):
    DEDICATED = "dedicated", "专营网点"
    SHARED = "shared", "兼营网点"
    STATION = "station", "福彩公益驿站"


class GameType(models.TextChoices):
    """Game types of the 财政部 公益金提取比例 (rates are policy parameters ``funds_lottery_rate_<type>``)."""

    LOTTO = "lotto", "乐透数字型"
    KENO = "keno", "基诺型"
    INSTANT = "instant", "即开型"


class LotteryOutlet(models.Model):
    """福利彩票销售网点."""

    code = models.CharField("网点编号", max_length=20, unique=True)
    name = models.CharField("网点名称", max_length=100)
    kind = models.CharField("网点类型", max_length=10, choices=OutletKind.choices)
    division_code = models.CharField("所在区划", max_length=12, db_index=True)
    address = models.CharField("地址", max_length=200, blank=True)
    opened_on = models.DateField("开设日期")
    closed_on = models.DateField("关闭日期", null=True, blank=True)

    class Meta:
        ordering = ["division_code", "code"]

    def __str__(self) -> str:
        return self.name


class OutletSales(models.Model):
    """一个网点一个月一种玩法的销售额."""

    outlet = models.ForeignKey(LotteryOutlet, on_delete=models.PROTECT, related_name="sales")
    month = models.DateField("月份")
    game_type = models.CharField("玩法类型", max_length=10, choices=GameType.choices)
    amount = models.DecimalField("销售额（元）", max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["month", "outlet"]
        constraints = [
            models.UniqueConstraint(
                fields=["outlet", "month", "game_type"], name="outlet_sales_once_a_month"
            ),
            money_constraint("outletsales", "amount", TOTAL_MAX),
        ]

    def __str__(self) -> str:
        return f"{self.outlet} {self.month:%Y-%m}"
