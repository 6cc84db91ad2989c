"""资金大数据比对: a run of the anomaly checks and its findings (疑点), each with its outcome."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from minzheng.core.money import money_constraint


class CheckRun(models.Model):
    """比对批次: the checks run over an area's payments of a period."""

    division_code = models.CharField("比对区划", max_length=12, db_index=True)
    month_from = models.DateField("起始月份")
    month_to = models.DateField("截止月份")
    payments = models.PositiveIntegerField("比对发放笔数", default=0)
    findings = models.PositiveIntegerField("新增疑点", default=0)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField("比对时间", db_default=Now())

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"资金比对 {self.month_from:%Y-%m}至{self.month_to:%Y-%m}"


class FindingStatus(models.TextChoices):
    OPEN = "open", "待核实"
    CONFIRMED = "confirmed", "确认问题"
    EXPLAINED = "explained", "核实无问题"


class Finding(models.Model):
    """疑点: one payment a check flagged, with its evidence; the county records the outcome (确认 → 追回金额,
    or 核实无问题 with the explanation). One finding per check and payment, whatever the number of runs."""

    run = models.ForeignKey(CheckRun, on_delete=models.PROTECT, related_name="+")
    finding_key = models.CharField(max_length=60, unique=True)
    check_code = models.CharField("疑点类型", max_length=30)
    payroll_line_id = models.BigIntegerField("发放明细编号")
    month = models.DateField("发放月份")
    amount = models.DecimalField("发放金额（元）", max_digits=12, decimal_places=2)
    program_name = models.CharField("救助项目", max_length=100)
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    township_code = models.CharField("乡镇（街道）", max_length=12)
    household_number = models.CharField("户编号", max_length=24)
    payee_name = models.CharField("领款人", max_length=50)
    payee_id_masked = models.CharField("领款人证件号码", max_length=20)
    evidence = models.CharField("比对依据", max_length=300)
    status = models.CharField(
        "核实结果", max_length=10, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    recovered_amount = models.DecimalField(
        "追回金额（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    explanation = models.CharField("核实说明", max_length=300, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decided_at = models.DateTimeField("核实时间", null=True, blank=True)
    found_at = models.DateTimeField("发现时间", db_default=Now())

    class Meta:
        ordering = ["status", "-month", "pk"]
        constraints = [money_constraint("finding", "recovered_amount"), money_constraint("finding", "amount")]

    def __str__(self) -> str:
        return f"疑点 {self.payee_name} {self.month:%Y-%m}"
