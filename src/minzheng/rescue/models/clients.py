"""受助人员 (a stay at a station) with belongings, services and filed extensions. Sensitive columns (health,
photo, fingerprint, DNA sample, face template ids) are shown to the station's handlers only (selectors)."""

from django.db import models

from .stations import Room, RoomSex, Station


class IntakeSource(models.TextChoices):
    SELF = "self", "自行求助"
    POLICE = "police", "公安机关护送"
    URBAN = "urban", "城管等部门引导护送"
    PUBLIC = "public", "群众报告"


class Discharge(models.TextChoices):
    RETURNED = "returned", "接送返回"
    FAMILY = "family", "亲属领回"
    CARE = "care", "转介托养"
    HOSPITAL = "hospital", "送医救治"
    SETTLED = "settled", "落户安置"
    LEFT = "left", "自愿离站"
    DIED = "died", "死亡"


class Client(models.Model):
    """受助人员: one stay. ``division_code`` is the station's (jurisdiction); identity may be 无法查明."""

    station = models.ForeignKey(Station, on_delete=models.PROTECT, related_name="clients")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    number = models.CharField("受助编号", max_length=30, unique=True)
    identified = models.BooleanField("身份已查明", default=False)
    name = models.CharField("姓名（自述或查明）", max_length=50, blank=True)
    id_number = models.CharField("公民身份号码", max_length=18, blank=True)
    sex = models.CharField("性别", max_length=6, choices=RoomSex.choices)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    estimated_age = models.PositiveSmallIntegerField("估计年龄", null=True, blank=True)
    dialect = models.CharField("语言/口音", max_length=50, blank=True)
    hometown_code = models.CharField("户籍地（查明）区划代码", max_length=12, blank=True)
    hometown_text = models.CharField("户籍地或自述来处", max_length=100, blank=True)
    features = models.CharField("体貌特征", max_length=300, blank=True)
    health_notes = models.CharField("健康状况（敏感）", max_length=300, blank=True)
    photo_ref = models.CharField("照片编号（敏感）", max_length=60, blank=True)
    fingerprint_ref = models.CharField("指纹编号（敏感）", max_length=60, blank=True)
    dna_sample_ref = models.CharField("DNA样本编号（敏感）", max_length=60, blank=True)
    source = models.CharField("来站方式", max_length=8, choices=IntakeSource.choices)
    handover_ref = models.CharField("交接表编号", max_length=40, blank=True)
    escort_unit = models.CharField("护送单位", max_length=100, blank=True)
    found_place = models.CharField("发现地点", max_length=200, blank=True)
    found_code = models.CharField("发现地区划代码", max_length=12, blank=True)
    admitted_at = models.DateTimeField("入站时间")
    room = models.ForeignKey(Room, on_delete=models.PROTECT, null=True, blank=True, related_name="clients")
    discharge = models.CharField("离站方式", max_length=10, choices=Discharge.choices, blank=True)
    discharged_at = models.DateTimeField("离站时间", null=True, blank=True)
    destination = models.CharField("去向", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "受助人员"
        verbose_name_plural = "受助人员"
        indexes = [models.Index(fields=["division_code", "discharge"], name="rescue_client_open")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(discharge="") | models.Q(discharged_at__isnull=False),
                name="rescue_discharge_has_time",
            ),
            models.CheckConstraint(
                condition=~models.Q(source="police") | ~models.Q(handover_ref=""),
                name="rescue_police_escort_has_handover",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def in_station(self) -> bool:
        return not self.discharge


class Belonging(models.Model):
    """随身物品登记 (办法 第六条: 受助人员 …… 随身携带的物品 应当登记)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="belongings")
    item = models.CharField("物品", max_length=100)
    quantity = models.PositiveSmallIntegerField("数量", default=1)
    note = models.CharField("备注", max_length=200, blank=True)
    returned = models.BooleanField("已返还", default=False)

    def __str__(self) -> str:
        return f"{self.item}×{self.quantity}"


class ServiceKind(models.TextChoices):
    MEALS = "meals", "提供饮食"
    BEDDING = "bedding", "提供住处"
    MEDICAL = "medical", "疾病救治（送医）"
    CONTACT = "contact", "联系亲属或单位"
    TICKET = "ticket", "乘车凭证"


class ServiceRecord(models.Model):
    """救助服务 (办法 第七条: 食物、住处、急病救治、联系亲属、乘车凭证)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="services")
    kind = models.CharField("服务", max_length=10, choices=ServiceKind.choices)
    on = models.DateField("日期")
    note = models.CharField("说明", max_length=200, blank=True)

    def __str__(self) -> str:
        return self.get_kind_display()


class StayExtension(models.Model):
    """延长救助期限 filed with the supervising 民政部门 (实施细则: 一般不超过10天，延长的报备)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="extensions")
    filed_on = models.DateField("报备日期")
    filing_ref = models.CharField("报备文号", max_length=60)
    until = models.DateField("延长至")
    reason = models.CharField("原因", max_length=200)

    def __str__(self) -> str:
        return self.filing_ref
