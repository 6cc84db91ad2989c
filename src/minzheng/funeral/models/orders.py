"""殡葬服务订单 and its lines: what the funeral home did for one death, and the bill with 惠民殡葬 waivers."""

from django.db import models

from minzheng.core.money import TOTAL_MAX, money_constraint

from .deaths import DeathRecord
from .homes import FuneralHome, Furnace, ServiceItem
from .waivers import WaiverRule


class AshHandling(models.TextChoices):
    TAKEN_HOME = "home", "家属领回"
    NICHE = "niche", "骨灰寄存（格位）"
    BURIAL = "burial", "公墓安葬"
    ECO = "eco", "节地生态安葬"
    UNDECIDED = "undecided", "待定"


class OrderStatus(models.TextChoices):
    OPEN = "open", "办理中"
    BILLED = "billed", "已出账单"


class ServiceOrder(models.Model):
    """服务订单: one per death; lines only from the home's 服务清单 in force on the order date."""

    number = models.CharField("订单编号", max_length=30, unique=True)
    death = models.OneToOneField(DeathRecord, on_delete=models.PROTECT, related_name="order")
    home = models.ForeignKey(FuneralHome, on_delete=models.PROTECT, related_name="orders")
    division_code = models.CharField("殡仪馆区划代码", max_length=12, db_index=True)
    ordered_on = models.DateField("受理日期")
    contact_name = models.CharField("丧事承办人", max_length=50)
    contact_phone = models.CharField("联系电话", max_length=20, blank=True)
    pickup_at = models.DateTimeField("接运时间", null=True, blank=True)
    pickup_address = models.CharField("接运地点", max_length=200, blank=True)
    pickup_distance_km = models.DecimalField("接运里程（公里）", max_digits=7, decimal_places=1, default=0)
    storage_days = models.PositiveIntegerField("暂存天数", default=0)
    cremation_at = models.DateTimeField("火化时间", null=True, blank=True)
    furnace = models.ForeignKey(
        Furnace, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="火化炉"
    )
    ash_handling = models.CharField(
        "骨灰去向", max_length=10, choices=AshHandling.choices, default=AshHandling.UNDECIDED
    )
    eligible_categories = models.JSONField("惠民殡葬对象类别（死亡之日）", default=list, blank=True)
    status = models.CharField("状态", max_length=10, choices=OrderStatus.choices, default=OrderStatus.OPEN)
    total = models.DecimalField("合计（元）", max_digits=12, decimal_places=2, default=0)
    waived = models.DecimalField("惠民减免（元）", max_digits=12, decimal_places=2, default=0)
    payable = models.DecimalField("家属应付（元）", max_digits=12, decimal_places=2, default=0)
    billed_on = models.DateField("出账日期", null=True, blank=True)
    settlement = models.ForeignKey(
        "funeral.WaiverSettlement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="orders",
        verbose_name="惠民殡葬结算",
    )
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "殡葬服务订单"
        verbose_name_plural = "殡葬服务订单"
        constraints = [
            money_constraint("funeral_order", "total", TOTAL_MAX),
            money_constraint("funeral_order", "waived", TOTAL_MAX),
            money_constraint("funeral_order", "payable", TOTAL_MAX),
        ]

    def __str__(self) -> str:
        return self.number

    def category_labels(self) -> list[str]:
        from .waivers import WaiverCategory

        labels = dict(WaiverCategory.choices)
        return [labels.get(c, c) for c in self.eligible_categories]


class OrderLine(models.Model):
    """账单明细: an item of the list at its price that day; the waived part, by which rule."""

    order = models.ForeignKey(ServiceOrder, on_delete=models.PROTECT, related_name="lines")
    item = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, related_name="+")
    quantity = models.DecimalField("数量", max_digits=8, decimal_places=2)
    unit_price = models.DecimalField("单价（元）", max_digits=10, decimal_places=2)
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    waived_quantity = models.DecimalField("减免数量", max_digits=8, decimal_places=2, default=0)
    waived_amount = models.DecimalField("减免金额（元）", max_digits=12, decimal_places=2, default=0)
    waiver_rule = models.ForeignKey(
        WaiverRule, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "账单明细"
        verbose_name_plural = "账单明细"
        constraints = [
            models.UniqueConstraint(fields=["order", "item"], name="funeral_one_line_per_item"),
            money_constraint("funeral_orderline", "amount", TOTAL_MAX),
            money_constraint("funeral_orderline", "waived_amount", TOTAL_MAX),
        ]

    def __str__(self) -> str:
        return f"{self.order_id}:{self.item_id}"
