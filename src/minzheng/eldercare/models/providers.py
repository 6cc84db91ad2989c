"""养老服务提供方: 养老机构 (with 备案), community facilities and 家庭养老床位, plus the staff behind them.

Occupied beds are never stored: they are counted from ``Residency`` rows (see ``selectors.occupancy``).
"""

from django.db import models


class Nature(models.TextChoices):
    PUBLIC = "public", "公办"
    PRIVATE = "private", "民办"
    PUBLIC_BUILT_PRIVATE_RUN = "pbpr", "公建民营"


class MedicalCare(models.TextChoices):
    """医养结合 capability."""

    NONE = "none", "无"
    CONTRACTED = "contracted", "与医疗机构签约合作"
    CLINIC = "clinic", "内设医务室/护理站"
    HOSPITAL = "hospital", "内设医院/护理院"


class FireSafety(models.TextChoices):
    PASSED = "passed", "消防验收/检查合格"
    RECTIFYING = "rectifying", "整改中"
    FAILED = "failed", "不合格"
    UNKNOWN = "unknown", "未核查"


class ProviderStatus(models.TextChoices):
    OPERATING = "operating", "运营中"
    SUSPENDED = "suspended", "暂停运营"
    CLOSED = "closed", "已注销/停办"


class Institution(models.Model):
    """养老机构: registered by 备案 with the county civil-affairs bureau (《养老机构管理办法》2020 第九条)."""

    name = models.CharField("机构名称", max_length=100)
    filing_number = models.CharField("备案编号", max_length=50, blank=True)
    filed_on = models.DateField("备案日期", null=True, blank=True)
    nature = models.CharField("机构性质", max_length=10, choices=Nature.choices)
    operator_name = models.CharField("运营主体名称", max_length=100)
    operator_uscc = models.CharField("统一社会信用代码", max_length=18, db_index=True)
    division_code = models.CharField("所在区划代码", max_length=12, db_index=True)
    address = models.CharField("地址", max_length=200)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    beds_total = models.PositiveIntegerField("床位总数")
    nursing_beds = models.PositiveIntegerField("护理型床位数")
    medical_care = models.CharField("医养结合", max_length=12, choices=MedicalCare.choices, default="none")
    fire_safety = models.CharField(
        "消防安全状况", max_length=12, choices=FireSafety.choices, default="unknown"
    )
    # 街道/乡镇综合功能养老服务机构: an institution that also runs 居家社区 services for its township.
    comprehensive_function = models.BooleanField("具备综合功能（机构+居家社区服务）", default=False)
    status = models.CharField("状态", max_length=10, choices=ProviderStatus.choices, default="operating")
    opened_on = models.DateField("开业日期", null=True, blank=True)
    closed_on = models.DateField("停办日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "养老机构"
        verbose_name_plural = "养老机构"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nursing_beds__lte=models.F("beds_total")),
                name="eldercare_nursing_within_total",
            )
        ]

    def __str__(self) -> str:
        return self.name


class FacilityKind(models.TextChoices):
    REGIONAL_CENTER = "regional", "区域养老服务中心"
    DAY_CARE = "daycare", "日间照料中心"
    STATION = "station", "社区养老服务站"
    RURAL_MUTUAL = "rural_mutual", "农村互助养老大院"


class FacilityService(models.TextChoices):
    MEALS = "meals", "助餐"
    BATHING = "bathing", "助浴"
    CLEANING = "cleaning", "助洁"
    EMERGENCY = "emergency", "助急"
    MEDICAL = "medical", "助医"
    MOBILITY = "mobility", "助行"
    DAY_CARE = "day_care", "日间照料"
    RESPITE = "respite", "短期托养"
    REHAB = "rehab", "康复护理"
    CULTURE = "culture", "文化娱乐"
    HOME_VISITS = "home_visits", "上门服务"


class CommunityFacility(models.Model):
    """社区养老服务设施: the 居家社区 side of 居家社区机构相协调."""

    name = models.CharField("设施名称", max_length=100)
    kind = models.CharField("设施类型", max_length=14, choices=FacilityKind.choices)
    division_code = models.CharField("所在区划代码", max_length=12, db_index=True)
    address = models.CharField("地址", max_length=200)
    operator_name = models.CharField("运营主体", max_length=100, blank=True)
    operator_uscc = models.CharField("运营主体统一社会信用代码", max_length=18, blank=True)
    services = models.JSONField("服务项目", default=list, blank=True)
    beds = models.PositiveIntegerField("托养床位", default=0)
    area_sqm = models.PositiveIntegerField("建筑面积（平方米）", null=True, blank=True)
    status = models.CharField("状态", max_length=10, choices=ProviderStatus.choices, default="operating")
    opened_on = models.DateField("启用日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "社区养老服务设施"
        verbose_name_plural = "社区养老服务设施"

    def __str__(self) -> str:
        return self.name

    def service_labels(self) -> list[str]:
        labels = dict(FacilityService.choices)
        return [labels.get(code, code) for code in self.services]


class HomeCareBed(models.Model):
    """家庭养老床位: professional care delivered at home by an institution, for one elder."""

    person = models.ForeignKey(
        "core.Person", on_delete=models.PROTECT, related_name="+", verbose_name="老年人"
    )
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="home_beds")
    division_code = models.CharField("居住区划代码", max_length=12, db_index=True)
    address = models.CharField("床位地址", max_length=200)
    services = models.JSONField("服务项目", default=list, blank=True)
    started_on = models.DateField("建床日期")
    ended_on = models.DateField("撤床日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "家庭养老床位"
        verbose_name_plural = "家庭养老床位"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ended_on__isnull=True),
                name="eldercare_one_open_home_bed",
            )
        ]

    def __str__(self) -> str:
        return f"家庭养老床位 {self.person_id}"


class StaffRole(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "社会工作者"
    CARE_WORKER = "care_worker", "养老护理员"
    NURSE = "nurse", "护士"
    DOCTOR = "doctor", "医生"
    MANAGER = "manager", "管理人员"
    OTHER = "other", "其他"


class StaffMember(models.Model):
    """机构/设施从业人员: counted for 每百张床位社会工作者 and 每千名老年人社会工作者."""

    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    facility = models.ForeignKey(
        CommunityFacility, null=True, blank=True, on_delete=models.PROTECT, related_name="staff"
    )
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    name = models.CharField("姓名", max_length=50)
    role = models.CharField("岗位", max_length=14, choices=StaffRole.choices)
    certificate = models.CharField("职业资格/证书", max_length=50, blank=True)
    hired_on = models.DateField("入职日期")
    left_on = models.DateField("离职日期", null=True, blank=True)

    class Meta:
        verbose_name = "从业人员"
        verbose_name_plural = "从业人员"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(institution__isnull=False) | models.Q(facility__isnull=False),
                name="eldercare_staff_has_employer",
            )
        ]

    def __str__(self) -> str:
        return self.name
