"""收养登记 at the county registry (中国公民收养子女登记办法 Art 2): one application from 受理 through 收养评估 and
the foundlings' 公告 to 登记 (收养登记证) or 不予登记, and later 解除收养关系登记."""

from django.db import models

from ..rules import adoption


class AdoptionCaseType(models.TextChoices):
    INSTITUTION = adoption.INSTITUTION, adoption.CASE_TYPES[adoption.INSTITUTION]
    FOUND = adoption.FOUND, adoption.CASE_TYPES[adoption.FOUND]
    HARDSHIP = adoption.HARDSHIP, adoption.CASE_TYPES[adoption.HARDSHIP]
    GUARDIAN_ORPHAN = adoption.GUARDIAN_ORPHAN, adoption.CASE_TYPES[adoption.GUARDIAN_ORPHAN]
    KIN = adoption.KIN, adoption.CASE_TYPES[adoption.KIN]
    STEPCHILD = adoption.STEPCHILD, adoption.CASE_TYPES[adoption.STEPCHILD]


class AdoptionStatus(models.TextChoices):
    RECEIVED = "received", "已受理"
    EVALUATING = "evaluating", "收养评估中"
    NOTICE = "notice", "公告查找生父母中"
    REVIEWING = "reviewing", "待登记审查"
    REGISTERED = "registered", "已登记"
    REFUSED = "refused", "不予登记"
    DISSOLVED = "dissolved", "已解除"


class Adoption(models.Model):
    division_code = models.CharField("登记机关区划代码", max_length=12, db_index=True)
    case_type = models.CharField("收养类型", max_length=20, choices=AdoptionCaseType.choices)
    child = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="被收养人"
    )
    adopter = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="收养人"
    )
    adopter_spouse = models.ForeignKey(
        "core.Person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="收养人配偶",
    )
    adopter_married = models.BooleanField("收养人有配偶", default=False)
    adopter_children = models.PositiveSmallIntegerField("收养人已有子女数", default=0)
    giver = models.CharField("送养人（生父母、监护人或社会福利机构）", max_length=100)
    child_consents = models.BooleanField("被收养人同意（八周岁以上）", null=True, blank=True)
    documents = models.JSONField("已交材料", default=list, blank=True)
    received_on = models.DateField("受理日期")
    review_due = models.DateField("审查期限")
    status = models.CharField("状态", max_length=12, choices=AdoptionStatus.choices, default="received")
    evaluators = models.CharField("评估人员", max_length=200, blank=True)
    evaluation_started_on = models.DateField("评估开始日期", null=True, blank=True)
    evaluation_due = models.DateField("评估期限", null=True, blank=True)
    evaluation_extended = models.BooleanField("评估已延期", default=False)
    evaluated_on = models.DateField("评估完成日期", null=True, blank=True)
    evaluation_score = models.PositiveSmallIntegerField("评估得分", null=True, blank=True)
    evaluation_passed = models.BooleanField("评估结论合格", null=True, blank=True)
    evaluation_note = models.CharField("评估报告摘要", max_length=300, blank=True)
    notice_started_on = models.DateField("公告开始日期", null=True, blank=True)
    notice_ends_on = models.DateField("公告期满日期", null=True, blank=True)
    notice_claimed = models.BooleanField("公告期间生父母或监护人认领", default=False)
    decided_on = models.DateField("登记（决定）日期", null=True, blank=True)
    decision_note = models.CharField("审查意见（不予登记的理由）", max_length=300, blank=True)
    decided_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    certificate_number = models.CharField("收养登记证字号", max_length=40, blank=True)
    dissolved_on = models.DateField("解除登记日期", null=True, blank=True)
    dissolution_reason = models.CharField("解除原因", max_length=200, blank=True)
    dissolution_number = models.CharField("解除收养关系证明字号", max_length=40, blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "收养登记"
        verbose_name_plural = "收养登记"
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(
                    status__in=["received", "evaluating", "notice", "reviewing", "registered"]
                ),
                name="children_one_open_adoption",
            )
        ]

    def __str__(self) -> str:
        return f"收养登记 {self.pk}"
