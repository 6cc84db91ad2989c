"""老年人能力评估 records (GB/T 42195-2022); the scoring itself is ``rules.assessment``."""

from django.db import models

from ..rules.assessment import LEVEL_LABELS


class AssessmentReason(models.TextChoices):
    INITIAL = "initial", "首次评估"
    ROUTINE = "routine", "定期评估"
    CHANGE = "change", "即时评估（状况发生变化）"
    DISPUTE = "dispute", "因评估结果有疑问复评"


class CapabilityAssessment(models.Model):
    """一次老年人能力评估: the 26 item scores as entered, the computed part scores, total and level."""

    person = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="老年人"
    )
    division_code = models.CharField("居住区划代码", max_length=12, db_index=True)
    assessed_on = models.DateField("评估日期", db_index=True)
    reason = models.CharField("评估原因", max_length=10, choices=AssessmentReason.choices)
    assessors = models.CharField("评估员（至少2名）", max_length=100)
    agency = models.CharField("评估机构", max_length=100, blank=True)
    scores = models.JSONField("各项评分")
    self_care_score = models.PositiveSmallIntegerField("自理能力")
    motor_score = models.PositiveSmallIntegerField("基础运动能力")
    mental_score = models.PositiveSmallIntegerField("精神状态")
    perception_score = models.PositiveSmallIntegerField("感知觉与社会参与")
    total_score = models.PositiveSmallIntegerField("总分")
    level = models.PositiveSmallIntegerField(
        "能力等级", choices=sorted((int(k), v) for k, v in LEVEL_LABELS.items())
    )
    level_by_coma = models.BooleanField("因昏迷直接评定", default=False)
    # GB/T 42195-2022 附录C C.4 inputs and what they did (empty on assessments recorded before C.4 was applied).
    coma = models.BooleanField("昏迷（A.5.11）", default=False)
    diagnosis_codes = models.JSONField("疾病诊断（ICD-10）", default=list, blank=True)
    care_risk_events_30d = models.PositiveSmallIntegerField("近30天照护风险事件次数", default=0)
    base_level = models.PositiveSmallIntegerField(
        "按总分的能力等级",
        null=True,
        blank=True,
        choices=sorted((int(k), v) for k, v in LEVEL_LABELS.items()),
    )
    upgrade_reasons = models.JSONField("等级提高原因（C.4）", default=list, blank=True)
    next_due_on = models.DateField("下次定期评估日期", db_index=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "老年人能力评估"
        verbose_name_plural = "老年人能力评估"
        indexes = [models.Index(fields=["person", "-assessed_on"], name="eldercare_assess_latest_idx")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.assessed_on} {self.get_level_display()}"
