"""特殊困难老年人: the registry, monthly visit assignments and visit records (探访关爱)."""

from django.db import models


class HardshipCategory(models.TextChoices):
    LIVING_ALONE = "alone", "独居"
    EMPTY_NEST = "empty_nest", "空巢"
    LEFT_BEHIND = "left_behind", "留守"
    DISABLED = "disabled", "失能"
    SEVERE_DISABILITY = "severe_disability", "重残"
    FAMILY_PLANNING = "family_planning", "计划生育特殊家庭"


class HardshipElder(models.Model):
    """特殊困难老年人 on the register; ``assigned_to`` is the community worker who visits them."""

    person = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="老年人"
    )
    division_code = models.CharField("居住区划代码", max_length=12, db_index=True)
    categories = models.JSONField("困难类型")
    # 特困供养人员 status is decided in 社会救助 casework (assistance.services.beneficiaries, which the
    # indicators read); this flag records it as found on registration, for elders enrolled elsewhere.
    is_tekun = models.BooleanField("特困供养人员", default=False)
    assigned_to = models.ForeignKey(
        "core.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="探访责任人",
    )
    contact_name = models.CharField("紧急联系人", max_length=50, blank=True)
    contact_phone = models.CharField("紧急联系人电话", max_length=20, blank=True)
    registered_on = models.DateField("登记日期")
    ended_on = models.DateField("退出日期", null=True, blank=True)
    end_reason = models.CharField("退出原因", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "特殊困难老年人"
        verbose_name_plural = "特殊困难老年人"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ended_on__isnull=True),
                name="eldercare_one_open_hardship",
            )
        ]

    def __str__(self) -> str:
        return f"特殊困难老年人 {self.person_id}"

    def tekun_label(self) -> str:
        """特困供养人员 as the register shows it: from the 社会救助 enrolment (``tekun_enrolled``, annotated by
        the selectors), else as recorded on registration."""
        if getattr(self, "tekun_enrolled", False):
            return "是（社会救助在保）"
        return "是（登记时记录）" if self.is_tekun else ""

    def category_labels(self) -> list[str]:
        labels = dict(HardshipCategory.choices)
        return [labels.get(code, code) for code in self.categories]


class VisitAssignment(models.Model):
    """月度探访计划: one elder, one month, one responsible worker."""

    elder = models.ForeignKey(HardshipElder, on_delete=models.PROTECT, related_name="assignments")
    month = models.DateField("月份（当月1日）")
    assigned_to = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name="探访人"
    )
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "探访计划"
        verbose_name_plural = "探访计划"
        constraints = [
            models.UniqueConstraint(fields=["elder", "month"], name="eldercare_one_plan_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.elder_id} {self.month:%Y-%m}"


class VisitMethod(models.TextChoices):
    HOME = "home", "入户探访"
    PHONE = "phone", "电话探访"
    VIDEO = "video", "视频探访"


class Visit(models.Model):
    """探访记录: what the visitor found (安全、健康、生活) and whether follow-up is needed."""

    elder = models.ForeignKey(HardshipElder, on_delete=models.PROTECT, related_name="visits")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    visited_on = models.DateField("探访日期", db_index=True)
    method = models.CharField("探访方式", max_length=6, choices=VisitMethod.choices)
    visitor = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name="探访人"
    )
    findings = models.CharField("探访情况", max_length=500)
    needs_follow_up = models.BooleanField("需跟进处置", default=False)
    follow_up = models.CharField("跟进需求", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "探访记录"
        verbose_name_plural = "探访记录"

    def __str__(self) -> str:
        return f"探访 {self.elder_id} {self.visited_on}"
