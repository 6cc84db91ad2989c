"""节地生态安葬: how the ashes were laid to rest without a conventional plot (树葬、花坛草坪葬、海葬、深埋、骨灰
撒散、格位/壁葬存放), the 奖补 rules as dated per-division data, and the month's award list (maker-checker, like
the waiver settlement)."""

from django.db import models

from minzheng.core.money import TOTAL_MAX, money_constraint
from minzheng.policy.interface import DatedVersion

from .cemeteries import Cemetery
from .deaths import DeathRecord
from .settlements import PayableList


class EcoMethod(models.TextChoices):
    TREE = "tree", "树葬"
    LAWN = "lawn", "花坛、草坪葬"
    SEA = "sea", "海葬"
    DEEP = "deep", "骨灰深埋"
    SCATTER = "scatter", "骨灰撒散"
    NICHE = "niche", "格位、壁葬存放"


class EcoAwardRule(DatedVersion):
    """奖补 for one method in one division from a date: a fixed amount per deceased (0 = no award)."""

    method = models.CharField("安葬方式", max_length=10, choices=EcoMethod.choices)
    amount = models.DecimalField("奖补金额（元/人）", max_digits=10, decimal_places=2)

    class Meta:
        verbose_name = "节地生态安葬奖补标准"
        verbose_name_plural = "节地生态安葬奖补标准"
        constraints = [
            models.UniqueConstraint(
                fields=["division_code", "method", "effective_from"], name="funeral_eco_award_version"
            ),
            money_constraint("funeral_eco_rule", "amount", TOTAL_MAX),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.amount}元（{self.effective_from:%Y-%m-%d}起）"


class EcoAwardList(PayableList):
    """节地生态安葬奖补发放表: a county's (or city's) awards recorded in a month, paid to the families."""

    division_code = models.CharField("发放区划代码", max_length=12, db_index=True)
    month = models.DateField("发放月份（当月1日）")
    awards_count = models.PositiveIntegerField("人数", default=0)
    total = models.DecimalField("奖补金额合计（元）", max_digits=12, decimal_places=2, default=0)

    class Meta:
        verbose_name = "节地生态安葬奖补发放表"
        verbose_name_plural = "节地生态安葬奖补发放表"
        constraints = [
            models.UniqueConstraint(
                fields=["division_code", "month"], name="funeral_one_award_list_per_month"
            ),
            money_constraint("funeral_award_list", "total", TOTAL_MAX),
        ]

    def __str__(self) -> str:
        return f"{self.division_code} {self.month:%Y-%m}"


class EcoBurial(models.Model):
    """One deceased's 节地生态安葬 (at most one), with the award the rule in force that day gave."""

    death = models.OneToOneField(
        DeathRecord, on_delete=models.PROTECT, related_name="eco_burial", verbose_name="逝者"
    )
    division_code = models.CharField("逝者区划代码", max_length=12, db_index=True)
    method = models.CharField("安葬方式", max_length=10, choices=EcoMethod.choices)
    buried_on = models.DateField("安葬日期")
    cemetery = models.ForeignKey(
        Cemetery,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="eco_burials",
        verbose_name="公墓",
    )
    place = models.CharField("安葬地点", max_length=100, blank=True)
    family_name = models.CharField("领取奖补的家属", max_length=50, blank=True)
    award_rule = models.ForeignKey(
        EcoAwardRule,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="奖补标准",
    )
    award = models.DecimalField("奖补金额（元）", max_digits=10, decimal_places=2, default=0)
    award_list = models.ForeignKey(
        EcoAwardList, null=True, blank=True, on_delete=models.PROTECT, related_name="burials"
    )
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    recorded_on = models.DateField("登记日期")

    class Meta:
        verbose_name = "节地生态安葬"
        verbose_name_plural = "节地生态安葬"
        indexes = [models.Index(fields=["division_code", "buried_on"])]
        constraints = [money_constraint("funeral_eco_burial", "award", TOTAL_MAX)]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.buried_on:%Y-%m-%d}"
