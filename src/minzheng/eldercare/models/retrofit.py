"""居家适老化改造: per-household cases (assessment → works → acceptance → subsidy) and yearly targets."""

from django.db import models

from minzheng.core.money import money_constraint


class RetrofitStatus(models.TextChoices):
    APPLIED = "applied", "已申请"
    ASSESSED = "assessed", "已评估"
    WORKS_DONE = "works_done", "已施工"
    ACCEPTED = "accepted", "已验收"
    SUBSIDISED = "subsidised", "已补贴"
    REJECTED = "rejected", "验收不合格/不予改造"


class RetrofitItem(models.TextChoices):
    """民政部等《关于加快实施老年人居家适老化改造工程的指导意见》(2020) 基础类项目."""

    GRAB_BARS = "grab_bars", "安装扶手"
    ANTI_SLIP = "anti_slip", "地面防滑处理"
    THRESHOLD = "threshold", "高差处理（门槛、坡道）"
    TOILET = "toilet", "蹲便器改坐便器"
    SHOWER_CHAIR = "shower_chair", "配置淋浴椅"
    NIGHT_LIGHT = "night_light", "安装感应夜灯"
    ALARM = "alarm", "紧急呼叫/烟感报警"
    WALKER = "walker", "配置助行器具"
    CARE_BED = "care_bed", "配置护理床"


class RetrofitCase(models.Model):
    """一户适老化改造."""

    household = models.ForeignKey("core.Household", on_delete=models.PROTECT, related_name="+")
    elder = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="老年人"
    )
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    year = models.PositiveSmallIntegerField("计划年度", db_index=True)
    status = models.CharField("状态", max_length=12, choices=RetrofitStatus.choices, default="applied")
    applied_on = models.DateField("申请日期")
    assessed_on = models.DateField("入户评估日期", null=True, blank=True)
    planned_items = models.JSONField("改造项目", default=list, blank=True)
    estimated_cost = models.DecimalField("预算（元）", max_digits=10, decimal_places=2, null=True, blank=True)
    contractor = models.CharField("施工单位", max_length=100, blank=True)
    works_done_on = models.DateField("完工日期", null=True, blank=True)
    accepted_on = models.DateField("验收日期", null=True, blank=True)
    acceptance_note = models.CharField("验收意见", max_length=300, blank=True)
    subsidy_amount = models.DecimalField(
        "补贴金额（元）", max_digits=10, decimal_places=2, null=True, blank=True
    )
    subsidy_paid_on = models.DateField("补贴拨付日期", null=True, blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "适老化改造"
        verbose_name_plural = "适老化改造"
        constraints = [
            models.UniqueConstraint(fields=["household", "year"], name="eldercare_one_retrofit_per_year"),
            money_constraint("eldercare_retrofit", "estimated_cost"),
            money_constraint("eldercare_retrofit", "subsidy_amount"),
        ]

    def __str__(self) -> str:
        return f"适老化改造 {self.household_id} {self.year}"

    def item_labels(self) -> list[str]:
        labels = dict(RetrofitItem.choices)
        return [labels.get(code, code) for code in self.planned_items]


class RetrofitTarget(models.Model):
    """年度改造任务 for a division (e.g. 丹东市 1,500 户 a year)."""

    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    year = models.PositiveSmallIntegerField("年度")
    households = models.PositiveIntegerField("目标户数")
    source_note = models.CharField("依据", max_length=200, blank=True)

    class Meta:
        verbose_name = "适老化改造年度目标"
        verbose_name_plural = "适老化改造年度目标"
        constraints = [models.UniqueConstraint(fields=["division_code", "year"], name="eldercare_one_target")]

    def __str__(self) -> str:
        return f"{self.division_code} {self.year}: {self.households}"
