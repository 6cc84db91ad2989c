"""惠民殡葬结算: each month the bureau pays the funeral home the waivers on the bills issued that month — a payable
list prepared by one person and approved by another (maker-checker), exported like a payroll."""

from django.db import models

from minzheng.core.money import TOTAL_MAX, money_constraint

from .homes import FuneralHome


class SettlementStatus(models.TextChoices):
    DRAFT = "draft", "待提交"
    SUBMITTED = "submitted", "待审核"
    APPROVED = "approved", "已审核"


class PayableList(models.Model):
    """A month's payable list with maker-checker (制表 → 提交 → 审核, or 退回): the state every such list shares
    (惠民殡葬结算, 节地生态安葬奖补); ``services.payable_lists`` moves it."""

    status = models.CharField(
        "状态", max_length=10, choices=SettlementStatus.choices, default=SettlementStatus.DRAFT
    )
    prepared_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name="制表人"
    )
    approved_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="审核人"
    )
    approved_at = models.DateTimeField("审核时间", null=True, blank=True)
    return_note = models.CharField("退回意见", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class WaiverSettlement(PayableList):
    home = models.ForeignKey(FuneralHome, on_delete=models.PROTECT, related_name="settlements")
    division_code = models.CharField("殡仪馆区划代码", max_length=12, db_index=True)
    month = models.DateField("结算月份（当月1日）")
    orders_count = models.PositiveIntegerField("订单数", default=0)
    total = models.DecimalField("减免金额合计（元）", max_digits=12, decimal_places=2, default=0)

    class Meta:
        verbose_name = "惠民殡葬结算"
        verbose_name_plural = "惠民殡葬结算"
        constraints = [
            models.UniqueConstraint(fields=["home", "month"], name="funeral_one_settlement_per_home_month"),
            money_constraint("funeral_settlement", "total", TOTAL_MAX),
        ]

    def __str__(self) -> str:
        return f"{self.home_id} {self.month:%Y-%m}"
