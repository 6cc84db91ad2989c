"""资金台账: a fund (budget by source and year), its allocations down the levels, and the payments that spent them."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from minzheng.core.money import TOTAL_MAX, money_constraint


class FundLevel(models.TextChoices):
    CENTRAL = "central", "中央"
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"


class FundKind(models.TextChoices):
    GENERAL = "general", "一般公共预算"
    LOTTERY = "lottery", "彩票公益金"


class Fund(models.Model):
    """资金: one budget line — source level, kind (一般公共预算 or 彩票公益金) and year — held by a division."""

    name = models.CharField("资金名称", max_length=100)
    year = models.PositiveSmallIntegerField("年度")
    level = models.CharField("资金来源", max_length=10, choices=FundLevel.choices)
    kind = models.CharField("预算类别", max_length=10, choices=FundKind.choices)
    division_code = models.CharField("预算单位区划", max_length=12, db_index=True)
    budget = models.DecimalField("预算金额（元）", max_digits=14, decimal_places=2)
    program_codes = models.CharField("支付项目", max_length=200, help_text="用于发放的救助项目代码，逗号分隔")
    document_number = models.CharField("文号", max_length=100, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("创建时间", db_default=Now())

    class Meta:
        ordering = ["-year", "division_code", "pk"]
        constraints = [money_constraint("fund", "budget", TOTAL_MAX)]

    def __str__(self) -> str:
        return f"{self.year}年{self.name}"

    @property
    def programs(self) -> tuple[str, ...]:
        return tuple(code for code in self.program_codes.split(",") if code)


class Allocation(models.Model):
    """资金下达: part of a fund passed to a division below (or kept by the holder), with its document."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="allocations")
    division_code = models.CharField("下达区划", max_length=12, db_index=True)
    amount = models.DecimalField("下达金额（元）", max_digits=14, decimal_places=2)
    allocated_on = models.DateField("下达日期")
    document_number = models.CharField("下达文号", max_length=100, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("创建时间", db_default=Now())

    class Meta:
        ordering = ["fund", "division_code", "pk"]
        constraints = [money_constraint("allocation", "amount", TOTAL_MAX)]

    def __str__(self) -> str:
        return f"{self.fund} 下达 {self.division_code}"


class Disbursement(models.Model):
    """支出: one payroll line paid from an allocation — a snapshot of the line (ID number masked). A line is
    spent from one fund only: ``payroll_line_id`` is unique across the whole ledger."""

    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="disbursements")
    payroll_line_id = models.BigIntegerField("发放明细编号", unique=True)
    month = models.DateField("发放月份")
    program_name = models.CharField("救助项目", max_length=100)
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    township_code = models.CharField("乡镇（街道）", max_length=12)
    household_number = models.CharField("户编号", max_length=24)
    payee_name = models.CharField("领款人", max_length=50)
    payee_id_masked = models.CharField("领款人证件号码", max_length=20)
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    linked_at = models.DateTimeField("记账时间", db_default=Now())

    class Meta:
        ordering = ["month", "township_code", "pk"]
        indexes = [models.Index(fields=["allocation", "month"], name="funds_disb_alloc_month")]

    def __str__(self) -> str:
        return f"支出 {self.payee_name} {self.month:%Y-%m}"
