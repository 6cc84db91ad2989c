"""殡仪馆/火葬场, their cremation furnaces and their 服务清单 (priced items as dated data)."""

from django.db import models

from minzheng.core.money import money_constraint
from minzheng.policy.interface import DatedVersion


class HomeKind(models.TextChoices):
    FUNERAL_HOME = "funeral_home", "殡仪馆"
    CREMATORIUM = "crematorium", "火葬场"
    SERVICE_STATION = "station", "殡仪服务站"


class FuneralHome(models.Model):
    """殡仪馆 (or 火葬场/殡仪服务站): approved by the government (old Art 8), one price list of its own."""

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=15, choices=HomeKind.choices)
    division_code = models.CharField("所在区划代码", max_length=12, db_index=True)
    address = models.CharField("地址", max_length=200, blank=True)
    approval_document = models.CharField("批准文件", max_length=100, blank=True)
    approved_on = models.DateField("批准日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "殡仪馆"
        verbose_name_plural = "殡仪馆"

    def __str__(self) -> str:
        return self.name


class Furnace(models.Model):
    """火化炉: a cremation slot is booked on one furnace."""

    home = models.ForeignKey(FuneralHome, on_delete=models.PROTECT, related_name="furnaces")
    code = models.CharField("炉号", max_length=20)
    model_name = models.CharField("炉型", max_length=50, blank=True)
    in_service = models.BooleanField("在用", default=True)

    class Meta:
        verbose_name = "火化炉"
        verbose_name_plural = "火化炉"
        constraints = [models.UniqueConstraint(fields=["home", "code"], name="funeral_furnace_code_unique")]

    def __str__(self) -> str:
        return f"{self.home.name} {self.code}"


class ItemCategory(models.TextChoices):
    BASIC = "basic", "基本殡葬服务"
    EXTENDED = "extended", "延伸服务"
    GOODS = "goods", "殡葬用品"


class PriceKind(models.TextChoices):
    GOVERNMENT_SET = "set", "政府定价"
    GOVERNMENT_GUIDED = "guided", "政府指导价"
    MARKET = "market", "市场调节价"


class BasicService(models.TextChoices):
    """基本殡葬服务 a waiver rule may name (辽宁 6 items; 民发〔2012〕211号 names the first, third, fourth, sixth)."""

    PICKUP = "pickup", "遗体接运"
    COFFIN = "coffin", "纸棺"
    STORAGE = "storage", "遗体暂存（冷藏）"
    CREMATION = "cremation", "遗体火化"
    URN = "urn", "骨灰盒"
    ASH_STORAGE = "ash_storage", "骨灰寄存"


class ServiceItem(DatedVersion):
    """服务清单 line of one funeral home: a version per (home, code); a new price closes the old one.
    ``division_code`` is the home's (the policy store's dated-version convention)."""

    home = models.ForeignKey(FuneralHome, on_delete=models.PROTECT, related_name="items")
    code = models.CharField("项目编码", max_length=20)
    name = models.CharField("项目名称", max_length=50)
    category = models.CharField("类别", max_length=10, choices=ItemCategory.choices)
    basic_service = models.CharField("对应基本服务", max_length=15, choices=BasicService.choices, blank=True)
    price_kind = models.CharField("价格管理方式", max_length=10, choices=PriceKind.choices)
    unit = models.CharField("计价单位", max_length=10)
    unit_price = models.DecimalField("单价（元）", max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = "服务清单项目"
        verbose_name_plural = "服务清单项目"
        constraints = [
            models.UniqueConstraint(fields=["home", "code", "effective_from"], name="funeral_item_version"),
            money_constraint("funeral_serviceitem", "unit_price"),
            # 基本殡葬服务 are priced by the government (民发〔2012〕211号; 条例 2026: 政府定价)
            models.CheckConstraint(
                condition=~models.Q(category="basic") | models.Q(price_kind="set"),
                name="funeral_basic_items_government_priced",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.unit_price}元/{self.unit}）"
