"""儿童档案 (一人一档): one record per child on the shared person registry, with its category flags, the
parents' situations, 委托照护 and the weekly-contact log."""

from django.db import models

from ..rules import care, categories, guardianship


class ChildCategory(models.TextChoices):
    ORPHAN_INSTITUTIONAL = categories.ORPHAN_INSTITUTIONAL, categories.LABELS[categories.ORPHAN_INSTITUTIONAL]
    ORPHAN_SCATTERED = categories.ORPHAN_SCATTERED, categories.LABELS[categories.ORPHAN_SCATTERED]
    DE_FACTO = categories.DE_FACTO, categories.LABELS[categories.DE_FACTO]
    HARDSHIP_POVERTY = categories.HARDSHIP_POVERTY, categories.LABELS[categories.HARDSHIP_POVERTY]
    HARDSHIP_DISABILITY = categories.HARDSHIP_DISABILITY, categories.LABELS[categories.HARDSHIP_DISABILITY]
    HARDSHIP_GUARDIANSHIP = (
        categories.HARDSHIP_GUARDIANSHIP,
        categories.LABELS[categories.HARDSHIP_GUARDIANSHIP],
    )
    LEFT_BEHIND = categories.LEFT_BEHIND, categories.LABELS[categories.LEFT_BEHIND]
    STREET = categories.STREET, categories.LABELS[categories.STREET]


ParentCondition = models.TextChoices(
    "ParentCondition", [(code.upper(), (code, label)) for code, label in guardianship.LABELS.items()]
)


class ParentRole(models.TextChoices):
    FATHER = "father", "父亲"
    MOTHER = "mother", "母亲"


class ChildRecord(models.Model):
    """儿童档案: the child (a registry person), where the file is kept, the responsible 儿童主任."""

    person = models.ForeignKey("core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="儿童")
    division_code = models.CharField("居住区划代码", max_length=12, db_index=True)
    school = models.CharField("就读学校（幼儿园）", max_length=100, blank=True)
    handler = models.ForeignKey(
        "core.User",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="儿童主任",
    )
    registered_on = models.DateField("建档日期")
    ended_on = models.DateField("销档日期", null=True, blank=True)
    end_reason = models.CharField("销档原因", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "儿童档案"
        verbose_name_plural = "儿童档案"
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(ended_on__isnull=True), name="children_one_open_record"
            )
        ]

    def __str__(self) -> str:
        return f"儿童档案 {self.pk}"


class CategoryFlag(models.Model):
    """儿童类别 with its validity and evidence; ended by setting ``valid_to`` (never deleted)."""

    child = models.ForeignKey(ChildRecord, on_delete=models.PROTECT, related_name="flags")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    category = models.CharField("儿童类别", max_length=30, choices=ChildCategory.choices)
    valid_from = models.DateField("有效期起")
    valid_to = models.DateField("有效期止", null=True, blank=True)
    evidence = models.CharField("认定依据（证明材料）", max_length=300)
    end_reason = models.CharField("结束原因", max_length=100, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "儿童类别"
        verbose_name_plural = "儿童类别"

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.valid_from}"


class ParentStatus(models.Model):
    """A parent's situation from ``since`` (to ``until``: a term's end, or when it stopped), with evidence."""

    child = models.ForeignKey(ChildRecord, on_delete=models.PROTECT, related_name="parent_statuses")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    role = models.CharField("父母", max_length=6, choices=ParentRole.choices)
    parent = models.ForeignKey(
        "core.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="父（母）",
    )
    parent_name = models.CharField("姓名", max_length=50, blank=True)
    condition = models.CharField("状况", max_length=20, choices=ParentCondition.choices)
    since = models.DateField("起始日期", null=True, blank=True)
    until = models.DateField("截止日期（刑期、强制措施期满或状况结束）", null=True, blank=True)
    disability_grade = models.PositiveSmallIntegerField("残疾等级", null=True, blank=True)
    disability_kind = models.CharField("残疾类别", max_length=4, blank=True)
    evidence = models.CharField("证明材料", max_length=300)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "父母监护状况"
        verbose_name_plural = "父母监护状况"

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.get_condition_display()}"

    def situation(self) -> guardianship.ParentSituation:
        return guardianship.ParentSituation(
            self.condition, self.since, self.until, self.disability_grade, self.disability_kind
        )


class EntrustedCare(models.Model):
    """委托照护 (未保法 Arts 22–23): the carer, the written agreement, the written notices, disqualifications."""

    child = models.ForeignKey(ChildRecord, on_delete=models.PROTECT, related_name="entrustments")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    carer_name = models.CharField("被委托人姓名", max_length=50)
    carer_relation = models.CharField("与儿童关系", max_length=20)
    carer_birth_date = models.DateField("被委托人出生日期", null=True, blank=True)
    carer_phone = models.CharField("被委托人电话", max_length=20, blank=True)
    started_on = models.DateField("委托起始日期")
    agreement_signed_on = models.DateField("书面协议签订日期", null=True, blank=True)
    school_notified_on = models.DateField("书面告知学校日期", null=True, blank=True)
    committee_notified_on = models.DateField("书面告知村（居）委会日期", null=True, blank=True)
    disqualifications = models.JSONField("不得作为被委托人的情形", default=list, blank=True)
    ended_on = models.DateField("委托结束日期", null=True, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "委托照护"
        verbose_name_plural = "委托照护"
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(ended_on__isnull=True),
                name="children_one_open_entrustment",
            )
        ]

    def __str__(self) -> str:
        return f"委托照护 {self.carer_name}"

    def disqualification_labels(self) -> list[str]:
        return [care.DISQUALIFICATIONS.get(code, code) for code in self.disqualifications]


class ContactMethod(models.TextChoices):
    PHONE = "phone", "电话"
    VIDEO = "video", "视频"
    VISIT = "visit", "回家探望"


class CareContact(models.Model):
    """父母与儿童、被委托人的联系 (至少每周一次, 未保法 Art 23), as reported to the 儿童主任."""

    entrustment = models.ForeignKey(EntrustedCare, on_delete=models.PROTECT, related_name="contacts")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    contacted_on = models.DateField("联系日期", db_index=True)
    by_role = models.CharField("联系人", max_length=6, choices=ParentRole.choices)
    method = models.CharField("联系方式", max_length=6, choices=ContactMethod.choices)
    with_child = models.BooleanField("与儿童交流", default=True)
    with_carer = models.BooleanField("与被委托人交流", default=True)
    note = models.CharField("了解情况", max_length=300, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "亲情联系记录"
        verbose_name_plural = "亲情联系记录"

    def __str__(self) -> str:
        return f"联系 {self.contacted_on}"


class VisitMethod(models.TextChoices):
    HOME = "home", "入户走访"
    SCHOOL = "school", "到校了解"
    PHONE = "phone", "电话（视频）回访"


class ChildVisit(models.Model):
    """定期走访 (国发〔2016〕13号、36号 "定期走访、全面排查"): who went, how, what was found, follow-up."""

    child = models.ForeignKey(ChildRecord, on_delete=models.PROTECT, related_name="visits")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    visited_on = models.DateField("走访日期", db_index=True)
    method = models.CharField("走访方式", max_length=6, choices=VisitMethod.choices)
    visitor = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name="走访人"
    )
    findings = models.CharField("走访情况（安全、监护、生活、学习、身心）", max_length=500)
    needs_follow_up = models.BooleanField("需跟进处置", default=False)
    follow_up = models.CharField("跟进需求", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "走访记录"
        verbose_name_plural = "走访记录"

    def __str__(self) -> str:
        return f"走访 {self.visited_on}"
