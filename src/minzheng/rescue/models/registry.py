"""易走失人员信息库: people at risk of wandering, registered with their guardian's consent, and follow-up visits."""

from django.db import models

from .stations import RoomSex


class WanderRisk(models.Model):
    """易走失人员 (丹东/辽宁 plans: 易流浪走失人员信息库). Health facts are the risk factors only, as needed."""

    division_code = models.CharField("居住地区划代码", max_length=12, db_index=True)
    name = models.CharField("姓名", max_length=50)
    id_number = models.CharField("公民身份号码", max_length=18, blank=True)
    sex = models.CharField("性别", max_length=6, choices=RoomSex.choices)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    address = models.CharField("住址", max_length=200, blank=True)
    dementia = models.BooleanField("认知障碍（失智）", default=False)
    intellectual = models.BooleanField("智力残疾", default=False)
    mental = models.BooleanField("精神障碍", default=False)
    features = models.CharField("体貌特征", max_length=300, blank=True)
    photo_ref = models.CharField("照片编号（敏感）", max_length=60, blank=True)
    wearable_id = models.CharField("防走失手环编号", max_length=60, blank=True)
    guardian_name = models.CharField("监护人", max_length=50)
    guardian_phone = models.CharField("监护人电话", max_length=20)
    consent_on = models.DateField("监护人同意日期")
    registered_on = models.DateField("登记日期")

    class Meta:
        verbose_name = "易走失人员"
        verbose_name_plural = "易走失人员"

    def __str__(self) -> str:
        return self.name

    def risk_labels(self) -> list[str]:
        return [label for flag, label in ((self.dementia, "认知障碍"), (self.intellectual, "智力残疾"),
                                          (self.mental, "精神障碍")) if flag]  # fmt: skip


class FollowUpVisit(models.Model):
    entry = models.ForeignKey(WanderRisk, on_delete=models.CASCADE, related_name="visits")
    on = models.DateField("回访日期")
    note = models.CharField("回访情况", max_length=300)

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d}"
