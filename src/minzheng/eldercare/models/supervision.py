"""综合监管: 双随机 inspections, hazards with rectification (隐患排查治理), quality rating (GB/T 37276),
credit records and the 失信 list, incident reports."""

from django.db import models

from .providers import Institution


class InspectionRound(models.Model):
    """双随机抽查批次: the candidates, the published seed and the share drawn — enough to repeat the draw."""

    division_code = models.CharField("组织单位区划", max_length=12, db_index=True)
    title = models.CharField("抽查名称", max_length=100)
    planned_on = models.DateField("抽取日期")
    seed = models.BigIntegerField("随机种子（公开）")
    share_percent = models.PositiveSmallIntegerField("抽查比例（%）")
    team_size = models.PositiveSmallIntegerField("每组检查人员数")
    candidate_ids = models.JSONField("检查对象名录（机构ID）")
    inspector_pool_ids = models.JSONField("执法检查人员名录（用户ID）")
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "双随机抽查批次"
        verbose_name_plural = "双随机抽查批次"

    def __str__(self) -> str:
        return self.title


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", "待检查"
    DONE = "done", "已检查"


class Inspection(models.Model):
    """一次检查 of one institution (drawn in a round, or 专项/投诉 without one)."""

    round = models.ForeignKey(
        InspectionRound, null=True, blank=True, on_delete=models.PROTECT, related_name="inspections"
    )
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="inspections")
    division_code = models.CharField("机构区划代码", max_length=12, db_index=True)
    inspectors = models.ManyToManyField("core.User", related_name="+", verbose_name="检查人员")
    planned_on = models.DateField("计划日期")
    inspected_on = models.DateField("检查日期", null=True, blank=True)
    status = models.CharField("状态", max_length=8, choices=InspectionStatus.choices, default="planned")
    conclusion = models.CharField("检查结论（公开）", max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "检查"
        verbose_name_plural = "检查"

    def __str__(self) -> str:
        return f"检查 {self.institution_id} {self.planned_on}"


class HazardCategory(models.TextChoices):
    """GB 38600-2019 养老机构服务安全基本规范: the safety risks, plus fire and buildings."""

    FIRE = "fire", "消防安全"
    BUILDING = "building", "建筑设施安全"
    FALL = "fall", "跌倒"
    CHOKING = "choking", "噎食"
    FOOD = "food", "食品安全"
    PRESSURE_SORE = "pressure_sore", "压疮"
    BURN = "burn", "烫伤"
    WANDERING = "wandering", "走失"
    MEDICATION = "medication", "用药安全"
    SELF_HARM = "self_harm", "自伤/坠床"
    OTHER = "other", "其他"


class HazardSeverity(models.TextChoices):
    GENERAL = "general", "一般隐患"
    MAJOR = "major", "重大隐患"


class HazardStatus(models.TextChoices):
    OPEN = "open", "待整改"
    RECTIFIED = "rectified", "已整改待复查"
    CLOSED = "closed", "复查合格已销号"


class Hazard(models.Model):
    """隐患: found at an inspection, rectified by the institution by a deadline, re-checked and closed."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="hazards")
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="hazards")
    division_code = models.CharField("机构区划代码", max_length=12, db_index=True)
    category = models.CharField("隐患类别", max_length=14, choices=HazardCategory.choices)
    severity = models.CharField("隐患等级", max_length=8, choices=HazardSeverity.choices)
    description = models.CharField("隐患描述", max_length=500)
    evidence = models.CharField("检查证据（照片编号、笔录等）", max_length=300)
    found_on = models.DateField("发现日期")
    rectification_working_days = models.PositiveSmallIntegerField("整改期限（工作日）")
    deadline = models.DateField("整改期限", db_index=True)
    status = models.CharField("状态", max_length=10, choices=HazardStatus.choices, default="open")
    found_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    rectification_note = models.CharField("整改情况", max_length=500, blank=True)
    rectification_evidence = models.CharField("整改证明材料", max_length=300, blank=True)
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)
    rectified_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rechecks = models.PositiveSmallIntegerField("复查次数", default=0)
    recheck_note = models.CharField("复查意见", max_length=500, blank=True)
    closed_on = models.DateField("销号日期", null=True, blank=True)
    closed_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "隐患"
        verbose_name_plural = "隐患"

    def __str__(self) -> str:
        return f"隐患 {self.pk} {self.get_status_display()}"


class QualityRating(models.Model):
    """服务质量等级 (GB/T 37276-2018 养老机构等级划分与评定: 一级 to 五级, shown as stars)."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="ratings")
    division_code = models.CharField("机构区划代码", max_length=12, db_index=True)
    grade = models.PositiveSmallIntegerField(
        "等级（星）", choices=[(n, f"{'★' * n}（{n}级）") for n in range(1, 6)]
    )
    score = models.DecimalField("评定得分", max_digits=6, decimal_places=1, null=True, blank=True)
    rated_on = models.DateField("评定日期")
    valid_until = models.DateField("有效期至")
    certificate_number = models.CharField("证书编号", max_length=50, blank=True)
    rated_by = models.CharField("评定机构", max_length=100)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "服务质量等级评定"
        verbose_name_plural = "服务质量等级评定"

    def __str__(self) -> str:
        return f"{self.institution_id} {self.grade}级"


class CreditKind(models.TextChoices):
    GOOD = "good", "守信（良好）信息"
    BAD = "bad", "失信（不良）信息"


class CreditRecord(models.Model):
    """信用记录 (养老服务+信用): good or bad information; a bad one may put the operator on the 失信 list."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="credit_records")
    division_code = models.CharField("机构区划代码", max_length=12, db_index=True)
    kind = models.CharField("信息类型", max_length=4, choices=CreditKind.choices)
    reason = models.CharField("事由", max_length=300)
    basis = models.CharField("依据（文书、文号）", max_length=200)
    recorded_on = models.DateField("认定日期")
    hazard = models.ForeignKey(Hazard, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    blacklisted = models.BooleanField("列入失信名单", default=False)
    blacklist_until = models.DateField("失信名单期限至", null=True, blank=True)
    removed_on = models.DateField("移出日期（信用修复）", null=True, blank=True)
    removal_reason = models.CharField("移出理由", max_length=300, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "信用记录"
        verbose_name_plural = "信用记录"

    def __str__(self) -> str:
        return f"{self.institution_id} {self.get_kind_display()}"


class IncidentKind(models.TextChoices):
    FALL = "fall", "跌倒"
    DEATH = "death", "非正常死亡"
    FIRE = "fire", "火灾"
    CHOKING = "choking", "噎食"
    WANDERING = "wandering", "走失"
    FOOD_POISONING = "food", "食物中毒"
    ILLEGAL_FUNDRAISING = "fundraising", "非法集资风险"
    ABUSE = "abuse", "虐待/侵害老人"
    OTHER = "other", "其他"


class IncidentStatus(models.TextChoices):
    REPORTED = "reported", "已报告"
    HANDLING = "handling", "处置中"
    CLOSED = "closed", "已办结"


class Incident(models.Model):
    """安全事件报告: what happened, who was harmed (a count — names are in the institution's own file)."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="incidents")
    division_code = models.CharField("机构区划代码", max_length=12, db_index=True)
    kind = models.CharField("事件类型", max_length=12, choices=IncidentKind.choices)
    occurred_on = models.DateField("发生日期")
    persons_affected = models.PositiveSmallIntegerField("涉及人数", default=0)
    deaths = models.PositiveSmallIntegerField("死亡人数", default=0)
    description = models.CharField("经过", max_length=1000)
    evidence = models.CharField("证据材料", max_length=300, blank=True)
    status = models.CharField("状态", max_length=10, choices=IncidentStatus.choices, default="reported")
    handling = models.CharField("处置情况", max_length=1000, blank=True)
    reported_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    closed_on = models.DateField("办结日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "安全事件"
        verbose_name_plural = "安全事件"

    def __str__(self) -> str:
        return f"{self.institution_id} {self.get_kind_display()} {self.occurred_on}"
