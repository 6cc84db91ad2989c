"""志愿服务: volunteers, activities, service records with corrections, certificates, stations."""

from django.db import models

from .organisations import Organisation


class RegisteredVia(models.TextChoices):
    SELF = "self", "本人注册"
    ORGANISATION = "organisation", "组织代为登记"


class Volunteer(models.Model):
    """志愿者 (办法第五条 basic information); ``division_code`` is the 居住区域 (county) — jurisdiction."""

    name = models.CharField("姓名", max_length=50)
    gender = models.CharField("性别", max_length=1, choices=[("1", "男"), ("2", "女")])
    birth_date = models.DateField("出生日期")
    id_number = models.CharField("身份证件号码", max_length=18, unique=True)
    division_code = models.CharField("居住区域", max_length=12, db_index=True)
    phone = models.CharField("联系方式", max_length=20)
    skills = models.CharField("专业技能", max_length=200, blank=True)
    categories = models.CharField("服务类别", max_length=200, blank=True)
    registered_via = models.CharField("注册方式", max_length=12, choices=RegisteredVia.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="volunteers"
    )
    registered_on = models.DateField("注册日期")

    class Meta:
        verbose_name = "志愿者"
        verbose_name_plural = "志愿者"

    def __str__(self) -> str:
        return self.name


class VolunteerActivity(models.Model):
    """志愿服务活动 (办法第七条): organised by a registered organisation or by the bureau itself."""

    division_code = models.CharField("组织单位区划", max_length=12, db_index=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="volunteer_activities"
    )
    organiser = models.CharField("活动组织单位", max_length=100)
    name = models.CharField("活动名称", max_length=100)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("结束日期")
    place = models.CharField("活动地点", max_length=200)
    content = models.CharField("服务内容", max_length=500)
    person_in_charge = models.CharField("活动负责人", max_length=50)
    record_due_on = models.DateField("服务记录期限")
    station = models.ForeignKey(
        "VolunteerStation", null=True, blank=True, on_delete=models.SET_NULL, related_name="activities"
    )
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "志愿服务活动"
        verbose_name_plural = "志愿服务活动"

    def __str__(self) -> str:
        return self.name


class ServiceRecord(models.Model):
    """One volunteer's service in one activity, with the hours (办法第七条, 第十一条)."""

    activity = models.ForeignKey(VolunteerActivity, on_delete=models.PROTECT, related_name="records")
    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT, related_name="records")
    division_code = models.CharField("组织单位区划", max_length=12, db_index=True)
    hours = models.DecimalField("服务时长（小时）", max_digits=6, decimal_places=1)
    evaluation = models.CharField("服务评价", max_length=200, blank=True)
    recorded_on = models.DateField("记录日期")
    late = models.BooleanField("逾期记录", default=False)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "志愿服务记录"
        verbose_name_plural = "志愿服务记录"
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "volunteer"], name="socialorgs_one_record_per_activity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer_id}@{self.activity_id}"


class CorrectionStatus(models.TextChoices):
    OPEN = "open", "待处理"
    ACCEPTED = "accepted", "已更正"
    REJECTED = "rejected", "不予更正"


class RecordCorrection(models.Model):
    """更正申请 by the volunteer (办法第十三条): the hours they say are right, and the unit's answer."""

    record = models.ForeignKey(ServiceRecord, on_delete=models.PROTECT, related_name="corrections")
    division_code = models.CharField("组织单位区划", max_length=12, db_index=True)
    requested_on = models.DateField("申请日期")
    requested_hours = models.DecimalField("申请更正为（小时）", max_digits=6, decimal_places=1)
    reason = models.CharField("更正理由", max_length=300)
    status = models.CharField("状态", max_length=10, choices=CorrectionStatus.choices, default="open")
    answer = models.CharField("处理意见", max_length=300, blank=True)
    answered_on = models.DateField("处理日期", null=True, blank=True)
    entered_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    answered_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "志愿服务记录更正申请"
        verbose_name_plural = "志愿服务记录更正申请"

    def __str__(self) -> str:
        return f"更正 {self.record_id}"


class VolunteerCertificate(models.Model):
    """志愿服务记录证明 (办法第十四–十七条): free; the hours and records it states are frozen at issue."""

    volunteer = models.ForeignKey(Volunteer, on_delete=models.PROTECT, related_name="certificates")
    division_code = models.CharField("出具单位区划", max_length=12, db_index=True)
    code = models.CharField("证明编号", max_length=19, unique=True)
    issued_on = models.DateField("出具日期")
    total_hours = models.DecimalField("累计服务时长（小时）", max_digits=8, decimal_places=1)
    record_count = models.PositiveIntegerField("服务记录条数")
    first_on = models.DateField("最早服务日期", null=True, blank=True)
    last_on = models.DateField("最近服务日期", null=True, blank=True)
    issued_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "志愿服务记录证明"
        verbose_name_plural = "志愿服务记录证明"

    def __str__(self) -> str:
        return self.code


class VolunteerStation(models.Model):
    """志愿服务站点 in a 城乡社区综合服务设施 (one per community: ``division_code`` is the 村/社区)."""

    division_code = models.CharField("所在村（社区）", max_length=12, db_index=True)
    name = models.CharField("站点名称", max_length=100)
    facility = models.CharField("依托的社区综合服务设施", max_length=100)
    opened_on = models.DateField("设立日期")
    closed_on = models.DateField("撤销日期", null=True, blank=True)
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "志愿服务站点"
        verbose_name_plural = "志愿服务站点"

    def __str__(self) -> str:
        return self.name
