"""入住记录: admissions, discharges and transfers — the only source of an institution's occupancy."""

from django.db import models

from minzheng.core.money import money_constraint

from .providers import Institution


class BedKind(models.TextChoices):
    NURSING = "nursing", "护理型床位"
    GENERAL = "general", "普通床位"


class CareGrade(models.TextChoices):
    """机构护理等级 the institution charges by (set from the latest 能力评估 at admission)."""

    SELF_CARE = "self_care", "自理"
    GRADE_3 = "grade3", "三级护理"
    GRADE_2 = "grade2", "二级护理"
    GRADE_1 = "grade1", "一级护理"
    SPECIAL = "special", "特级护理"


class DischargeReason(models.TextChoices):
    HOME = "home", "返回家庭"
    TRANSFER = "transfer", "转至其他养老机构"
    HOSPITAL = "hospital", "转入医疗机构"
    DEATH = "death", "去世"
    OTHER = "other", "其他"


class FundingKind(models.TextChoices):
    SELF = "self", "自费"
    TEKUN = "tekun", "特困供养（政府供养）"
    SUBSIDISED = "subsidised", "政府补贴入住"


class Residency(models.Model):
    """一次入住: from admission to discharge (open while ``discharged_on`` is empty)."""

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="residencies")
    person = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="入住老人"
    )
    division_code = models.CharField("机构区划代码", max_length=12, db_index=True)
    admitted_on = models.DateField("入住日期")
    bed_kind = models.CharField("床位类型", max_length=8, choices=BedKind.choices)
    room = models.CharField("房间/床号", max_length=30, blank=True)
    care_grade = models.CharField("护理等级", max_length=10, choices=CareGrade.choices)
    funding = models.CharField("入住类型", max_length=10, choices=FundingKind.choices, default="self")
    monthly_fee = models.DecimalField("月收费（元）", max_digits=10, decimal_places=2)
    discharged_on = models.DateField("离院日期", null=True, blank=True)
    discharge_reason = models.CharField(
        "离院原因", max_length=10, choices=DischargeReason.choices, blank=True
    )
    transferred_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="transferred_to"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "入住记录"
        verbose_name_plural = "入住记录"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(discharged_on__isnull=True),
                name="eldercare_one_open_stay",
            ),
            money_constraint("eldercare_residency", "monthly_fee"),
        ]
        indexes = [models.Index(fields=["institution", "discharged_on"], name="eldercare_stay_open_idx")]

    def __str__(self) -> str:
        return f"入住 {self.person_id} @ {self.institution_id}"
