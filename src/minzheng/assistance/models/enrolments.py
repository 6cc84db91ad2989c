"""在保记录: a household receiving a program's benefit, with its dated amounts (增保/减保/停保 as history)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from minzheng.core.money import money_constraint

from ..rules.reviews import ReviewCategory
from .choices import Area
from .programs import AssistanceProgram


class Enrolment(models.Model):
    """救助对象（在保）: one household in one program from ``start_month``; ``end_month`` set by 停保.

    The monthly amount is not stored here: it is the latest ``EnrolmentAmount`` whose month is not after
    the month paid, so a payroll re-run for a past month pays what was in force then.
    """

    program = models.ForeignKey(AssistanceProgram, on_delete=models.PROTECT, related_name="enrolments")
    household = models.ForeignKey("core.Household", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        "assistance.AssistanceCase",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    area = models.CharField("城乡", max_length=10, choices=Area.choices)
    start_month = models.DateField("起始月份", help_text="当月1日")
    end_month = models.DateField("停发月份", null=True, blank=True, help_text="最后发放月份的1日；空为在保")
    end_reason = models.CharField("停保原因", max_length=200, blank=True)
    payee = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="领款人"
    )
    bank_name = models.CharField("开户银行", max_length=50, blank=True)
    bank_account = models.CharField("银行账号（社保卡号）", max_length=32, blank=True)
    review_category = models.CharField(
        "复核分类", max_length=20, blank=True, help_text="决定复核周期，如 stable（收入稳定的老年人、重残户）"
    )
    next_review_on = models.DateField("下次复核日期", null=True, blank=True)
    created_at = models.DateTimeField("录入时间", db_default=Now())

    class Meta:
        verbose_name = "救助对象"
        verbose_name_plural = "救助对象"
        indexes = [
            models.Index(fields=["program", "division_code"]),
            models.Index(fields=["household"]),
        ]

    def __str__(self) -> str:
        return f"{self.program} · {self.household_id}"

    @property
    def review_category_label(self) -> str:
        """复核分类 in Chinese: the stored value is the category's code name (``stable_special``), or
        ``program`` for a program with its own fixed cycle."""
        code = self.review_category
        if code == "program":
            return "按项目复核周期"
        member = ReviewCategory.__members__.get(code.upper()) if code else None
        return member.value if member else code


class EnrolmentAmount(models.Model):
    """保障金额 from a month on: the first amount, then every 增保/减保/提标 as a new row (history kept)."""

    KINDS = [
        ("initial", "新增"),
        ("increase", "增保"),
        ("decrease", "减保"),
        ("raise", "提标调整"),
        ("tapering", "渐退"),
        ("correction", "更正"),
    ]

    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="amounts")
    effective_month = models.DateField("起始月份", help_text="当月1日")
    monthly_amount = models.DecimalField("月保障金（元）", max_digits=12, decimal_places=2)
    persons = models.PositiveSmallIntegerField("保障人数")
    kind = models.CharField("变更类型", max_length=20, choices=KINDS)
    reason = models.CharField("原因", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("录入时间", db_default=Now())

    class Meta:
        verbose_name = "保障金额"
        verbose_name_plural = "保障金额"
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "effective_month"], name="one_amount_per_month"),
            models.CheckConstraint(condition=models.Q(monthly_amount__gte=0), name="amount_not_negative"),
            money_constraint("assistance_enrolment_amount", "monthly_amount"),
        ]

    def __str__(self) -> str:
        return f"{self.effective_month:%Y-%m} {self.monthly_amount}"
