"""Tables of 婚姻登记: registries and registrars, marriages with their two parties, divorce applications with the
冷静期 dates, the yearly certificate counters, and the registry-outbox cursor."""

from django.db import models
from django.db.models import Q


class RegistryLevel(models.TextChoices):
    """婚姻登记条例 第二条: county-level 民政, a township the province designates, or the provincial level."""

    COUNTY = "county", "县级民政部门"
    TOWNSHIP = "township", "省级政府确定的乡（镇）人民政府"
    PROVINCIAL = "provincial", "省级民政部门（涉外、涉港澳台、华侨）"


class Registry(models.Model):
    """婚姻登记机关 (a registry office). ``certificate_code``: the 6-digit GB/T 2260 code its certificates
    carry; registries sharing a code share one yearly sequence, so a 字号 is unique whatever the office."""

    name = models.CharField("登记机关名称", max_length=100, unique=True)
    division_code = models.CharField("所在区划代码", max_length=12, db_index=True)
    certificate_code = models.CharField("证书区划代码", max_length=6)
    level = models.CharField("机关类别", max_length=12, choices=RegistryLevel.choices)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    active = models.BooleanField("在用", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "婚姻登记机关"
        verbose_name_plural = "婚姻登记机关"

    def __str__(self) -> str:
        return self.name


class Registrar(models.Model):
    """婚姻登记员: a platform user who may register at a registry (one row per registry they serve)."""

    registry = models.ForeignKey(Registry, on_delete=models.PROTECT, related_name="registrars")
    user = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    qualification_number = models.CharField("登记员资格证号", max_length=40, blank=True)
    active = models.BooleanField("在岗", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "婚姻登记员"
        verbose_name_plural = "婚姻登记员"
        constraints = [
            models.UniqueConstraint(fields=["registry", "user"], name="marriage_one_registrar_row")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.registry_id}"


class CertificateCounter(models.Model):
    """The last 字号 sequence issued per certificate code, kind and year; locked (select_for_update) while a
    registration takes the next number, so numbers are unique and gap-free under concurrent registrations."""

    certificate_code = models.CharField(max_length=6)
    kind = models.CharField(max_length=2)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "证书字号计数"
        verbose_name_plural = "证书字号计数"
        constraints = [
            models.UniqueConstraint(fields=["certificate_code", "kind", "year"], name="marriage_one_counter")
        ]

    def __str__(self) -> str:
        return f"{self.kind}{self.certificate_code}-{self.year}: {self.last}"


class MarriageStatus(models.TextChoices):
    IN_FORCE = "in_force", "婚姻存续"
    DIVORCED = "divorced", "已离婚"
    WIDOWED = "widowed", "一方死亡（丧偶）"
    VOID = "void", "婚姻无效或被撤销（自始无效）"


class MarriageRecord(models.Model):
    """结婚登记: one marriage, registered and certified the same day; divorce and death end it."""

    registry = models.ForeignKey(Registry, on_delete=models.PROTECT, related_name="marriages")
    division_code = models.CharField("登记机关区划代码", max_length=12, db_index=True)
    registrar = models.ForeignKey(Registrar, on_delete=models.PROTECT, related_name="+")
    registered_on = models.DateField("登记日期")
    certificate_number = models.CharField("结婚证字号", max_length=20, unique=True)
    status = models.CharField(
        "婚姻状态", max_length=10, choices=MarriageStatus.choices, default=MarriageStatus.IN_FORCE
    )
    ended_on = models.DateField("婚姻终止日期", null=True, blank=True)
    end_note = models.CharField("终止说明", max_length=200, blank=True)
    # 婚姻登记条例 (2025) and 民法典 第一千零四十九、一千零五十三条: what both parties declared before the registrar.
    declared_voluntary = models.BooleanField("双方完全自愿", default=False)
    declared_no_spouse = models.BooleanField("声明均无配偶", default=False)
    declared_no_prohibited_kinship = models.BooleanField(
        "声明无直系血亲和三代以内旁系血亲关系", default=False
    )
    disease_disclosure = models.CharField("重大疾病告知情况", max_length=200, blank=True)
    # 补录 (MZ/T 113-2018): a historical paper record entered later, with the registry that registered it.
    backfilled = models.BooleanField("历史档案补录", default=False)
    original_registry = models.CharField("原登记机关", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "结婚登记"
        verbose_name_plural = "结婚登记"
        indexes = [models.Index(fields=["registry", "registered_on"], name="marriage_by_day_idx")]

    def __str__(self) -> str:
        return self.certificate_number


class IdType(models.TextChoices):
    RESIDENT = "resident", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"


class PriorStatus(models.TextChoices):
    """婚前婚姻状况 (GB/T 2261.2: 10 未婚, 30 丧偶, 40 离婚)."""

    NEVER = "10", "未婚"
    WIDOWED = "30", "丧偶"
    DIVORCED = "40", "离婚"


class Party(models.Model):
    """当事人: one of the two persons of a marriage, as identified at registration."""

    MALE, FEMALE = "1", "2"
    SEXES = [(MALE, "男"), (FEMALE, "女")]

    marriage = models.ForeignKey(MarriageRecord, on_delete=models.PROTECT, related_name="parties")
    sex = models.CharField("性别", max_length=1, choices=SEXES)
    id_type = models.CharField("证件类型", max_length=10, choices=IdType.choices, default=IdType.RESIDENT)
    id_number = models.CharField("证件号码", max_length=30, db_index=True)
    name = models.CharField("姓名", max_length=50)
    birth_date = models.DateField("出生日期")
    nationality = models.CharField("国籍", max_length=30, default="中国")
    prior_status = models.CharField("婚前婚姻状况", max_length=2, choices=PriorStatus.choices)
    person = models.ForeignKey(
        "core.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        constraints = [models.UniqueConstraint(fields=["marriage", "sex"], name="marriage_one_party_per_sex")]

    def __str__(self) -> str:
        return self.name


class DivorceStatus(models.TextChoices):
    COOLING_OFF = "cooling_off", "冷静期中"
    WITHDRAWN = "withdrawn", "已撤回"
    DEEMED_WITHDRAWN = "deemed_withdrawn", "视为撤回"
    REGISTERED = "registered", "已登记离婚"
    REFUSED = "refused", "不予登记"
    TERMINATED = "terminated", "婚姻已终止（一方死亡或法院裁判）"


class DivorceApplication(models.Model):
    """离婚登记申请 on a marriage: 受理 (T0) → 冷静期 → both appear → 审查 → 登记 (L 字号), or withdrawn."""

    marriage = models.ForeignKey(MarriageRecord, on_delete=models.PROTECT, related_name="divorces")
    registry = models.ForeignKey(Registry, on_delete=models.PROTECT, related_name="divorces")
    division_code = models.CharField("受理机关区划代码", max_length=12, db_index=True)
    received_by = models.ForeignKey(Registrar, on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField("受理日期")
    withdrawal_end = models.DateField("冷静期届满日")
    appearance_start = models.DateField("申请发证起始日")
    appearance_end = models.DateField("申请发证截止日")
    dates_provisional = models.BooleanField("期限按未载入的节假日暂算", default=False)
    # 民法典 第一千零七十六条: the written agreement — 子女抚养、财产以及债务处理.
    children_arrangement = models.TextField("子女抚养", max_length=2000)
    property_arrangement = models.TextField("财产处理", max_length=2000)
    debt_arrangement = models.TextField("债务处理", max_length=2000)
    status = models.CharField(
        "状态", max_length=20, choices=DivorceStatus.choices, default=DivorceStatus.COOLING_OFF
    )
    closed_on = models.DateField("办结日期", null=True, blank=True)
    withdrawn_by = models.CharField("撤回方", max_length=1, choices=Party.SEXES, blank=True)
    review_note = models.CharField("审查意见", max_length=500, blank=True)
    registered_by = models.ForeignKey(
        Registrar, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    certificate_number = models.CharField("离婚证字号", max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "离婚登记申请"
        verbose_name_plural = "离婚登记申请"
        constraints = [
            models.UniqueConstraint(
                fields=["marriage"], condition=Q(status="cooling_off"), name="marriage_one_open_divorce"
            ),
            models.UniqueConstraint(
                fields=["certificate_number"],
                condition=~Q(certificate_number=""),
                name="marriage_unique_divorce_number",
            ),
        ]
        indexes = [models.Index(fields=["status", "appearance_end"], name="marriage_divorce_due_idx")]

    def __str__(self) -> str:
        return f"离婚申请 {self.pk}"


class ConsumerCursor(models.Model):
    """How far 婚姻登记 has read the registry's outbox (its own cursor; ``core.services.registry.changes_since``)."""

    name = models.CharField("消费者", max_length=50, unique=True)
    position = models.PositiveBigIntegerField("已处理至", default=0)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "变更消费位置"
        verbose_name_plural = "变更消费位置"

    def __str__(self) -> str:
        return f"{self.name}@{self.position}"


class SlotPeriod(models.TextChoices):
    MORNING = "am", "上午"
    AFTERNOON = "pm", "下午"


class AppointmentSlot(models.Model):
    """预约号源: one half-day of a registry with its capacity (working days only, from the policy calendar)."""

    registry = models.ForeignKey(Registry, on_delete=models.PROTECT, related_name="slots")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    day = models.DateField("日期")
    period = models.CharField("时段", max_length=2, choices=SlotPeriod.choices)
    capacity = models.PositiveSmallIntegerField("可预约数")

    class Meta:
        verbose_name = "预约号源"
        verbose_name_plural = "预约号源"
        constraints = [
            models.UniqueConstraint(fields=["registry", "day", "period"], name="marriage_one_slot")
        ]

    def __str__(self) -> str:
        return f"{self.registry_id} {self.day} {self.period}"


class AppointmentBusiness(models.TextChoices):
    MARRIAGE = "marriage", "结婚登记"
    DIVORCE_APPLICATION = "divorce_apply", "离婚登记申请"
    DIVORCE_CERTIFICATE = "divorce_issue", "离婚登记（冷静期届满后申请发证）"


class AppointmentStatus(models.TextChoices):
    BOOKED = "booked", "已预约"
    CANCELLED = "cancelled", "已取消"
    ATTENDED = "attended", "已到场"


class Appointment(models.Model):
    """预约: one person's booking of a slot (a local practice, not in the regulation — domain-rules-2 §2.1)."""

    slot = models.ForeignKey(AppointmentSlot, on_delete=models.PROTECT, related_name="appointments")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    day = models.DateField("日期")
    business = models.CharField("预约事项", max_length=16, choices=AppointmentBusiness.choices)
    name = models.CharField("预约人姓名", max_length=50)
    id_number = models.CharField("预约人证件号码", max_length=18)
    phone = models.CharField("联系电话", max_length=20)
    code = models.CharField("预约号", max_length=12, unique=True)
    status = models.CharField(
        "状态", max_length=10, choices=AppointmentStatus.choices, default=AppointmentStatus.BOOKED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "预约"
        verbose_name_plural = "预约"
        constraints = [
            models.UniqueConstraint(
                fields=["id_number", "day"], condition=Q(status="booked"), name="marriage_one_booking_a_day"
            )
        ]

    def __str__(self) -> str:
        return self.code


class ReissueOutcome(models.TextChoices):
    REISSUED = "reissued", "补发证书"
    RECORD_PROOF = "record_proof", "出具婚姻登记记录证明"


class Reissue(models.Model):
    """补领: after the archive lookup, a BJ/BL certificate when the status is unchanged since the registration,
    otherwise a 婚姻登记记录证明 (domain-rules-2 §2.1: 婚姻登记工作规范)."""

    kind = models.CharField("补领证件", max_length=2, choices=[("BJ", "结婚证"), ("BL", "离婚证")])
    marriage = models.ForeignKey(MarriageRecord, on_delete=models.PROTECT, related_name="reissues")
    divorce = models.ForeignKey(
        DivorceApplication, null=True, blank=True, on_delete=models.PROTECT, related_name="reissues"
    )
    applicant_sex = models.CharField("申请人", max_length=1, choices=Party.SEXES)
    registry = models.ForeignKey(Registry, on_delete=models.PROTECT, related_name="reissues")
    division_code = models.CharField("办理机关区划代码", max_length=12, db_index=True)
    registrar = models.ForeignKey(Registrar, on_delete=models.PROTECT, related_name="+")
    issued_on = models.DateField("办理日期")
    outcome = models.CharField("办理结果", max_length=12, choices=ReissueOutcome.choices)
    certificate_number = models.CharField("补发证书字号", max_length=20, blank=True)
    reason = models.CharField("说明", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "补领"
        verbose_name_plural = "补领"
        constraints = [
            models.UniqueConstraint(
                fields=["certificate_number"],
                condition=~Q(certificate_number=""),
                name="marriage_unique_reissue_number",
            )
        ]

    def __str__(self) -> str:
        return self.certificate_number or f"记录证明 {self.pk}"


class DocumentKind(models.TextChoices):
    DECLARATION = "declaration", "申请结婚登记声明书"
    IDENTITY = "identity", "身份证件"
    PHOTO = "photo", "合影照片"
    AGREEMENT = "agreement", "离婚协议书"
    WITHDRAWAL = "withdrawal", "撤回确认单"
    PAPER = "paper", "纸质档案扫描件"
    OTHER = "other", "其他"


def archive_path(instance: "ArchiveDocument", filename: str) -> str:
    # Under MEDIA_ROOT by marriage, never under a public URL: served only by the jurisdiction-checked view.
    return f"marriage/archives/{instance.marriage_id}/{filename}"


class ArchiveDocument(models.Model):
    """婚姻登记档案 (kept long-term, 婚姻登记条例): a scanned document of a registration."""

    marriage = models.ForeignKey(MarriageRecord, on_delete=models.PROTECT, related_name="documents")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    kind = models.CharField("材料类别", max_length=12, choices=DocumentKind.choices)
    file = models.FileField("文件", upload_to=archive_path, max_length=300)
    original_name = models.CharField("原文件名", max_length=200)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "档案材料"
        verbose_name_plural = "档案材料"

    def __str__(self) -> str:
        return self.original_name


class ArchiveQuery(models.Model):
    """查档记录: who looked up whose marriage records, why, and what was found (the archive's query log)."""

    user = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("查询人区划代码", max_length=12, db_index=True)
    id_number_masked = models.CharField("被查询人证件号码（脱敏）", max_length=30)
    purpose = models.CharField("查询事由", max_length=200)
    results = models.PositiveIntegerField("查得记录数")
    queried_at = models.DateTimeField("查询时间", auto_now_add=True)

    class Meta:
        verbose_name = "查档记录"
        verbose_name_plural = "查档记录"

    def __str__(self) -> str:
        return f"{self.id_number_masked} {self.queried_at:%Y-%m-%d}"


class StatusQuery(models.Model):
    """授权机关查询婚姻状况 (instead of printing 婚姻状况证明, 民函〔2015〕266号): every call with its legal basis."""

    user = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("查询人区划代码", max_length=12, db_index=True)
    agency = models.CharField("查询机关", max_length=100)
    legal_basis = models.CharField("法律依据", max_length=200)
    case_reference = models.CharField("案件/业务编号", max_length=60, blank=True)
    id_number_masked = models.CharField("被查询人证件号码（脱敏）", max_length=30)
    as_of = models.DateField("查询日期点")
    answer = models.CharField("答复婚姻状况", max_length=2)
    channel = models.CharField("渠道", max_length=10, default="api")
    queried_at = models.DateTimeField("查询时间", auto_now_add=True)

    class Meta:
        verbose_name = "婚姻状况查询记录"
        verbose_name_plural = "婚姻状况查询记录"

    def __str__(self) -> str:
        return f"{self.agency} {self.queried_at:%Y-%m-%d}"


class CounsellingRoom(models.Model):
    """婚姻家庭辅导室 of a registry (婚姻登记条例 2025: registries provide 婚姻家庭辅导)."""

    registry = models.ForeignKey(Registry, on_delete=models.PROTECT, related_name="counselling_rooms")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    name = models.CharField("辅导室名称", max_length=100)
    opened_on = models.DateField("启用日期")
    active = models.BooleanField("在用", default=True)

    class Meta:
        verbose_name = "婚姻家庭辅导室"
        verbose_name_plural = "婚姻家庭辅导室"

    def __str__(self) -> str:
        return self.name


class CounsellingKind(models.TextChoices):
    PREMARITAL = "premarital", "婚前辅导"
    COOLING_OFF = "cooling_off", "离婚冷静期辅导"
    FAMILY = "family", "婚姻家庭关系调适"
    OTHER = "other", "其他"


class CounsellingOutcome(models.TextChoices):
    RECONCILED = "reconciled", "矛盾化解（和好）"
    PROCEEDING = "proceeding", "仍坚持离婚"
    REFERRED = "referred", "转介（心理、法律援助等）"
    OPEN = "open", "未明确"


class CounsellingSession(models.Model):
    """一次辅导: kind, counsellor, outcome — no personal details beyond need (a divorce application is linked,
    never the parties' names or what was said)."""

    room = models.ForeignKey(CounsellingRoom, on_delete=models.PROTECT, related_name="sessions")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    held_on = models.DateField("辅导日期")
    kind = models.CharField("辅导类型", max_length=12, choices=CounsellingKind.choices)
    counsellor = models.CharField("辅导员", max_length=50)
    divorce = models.ForeignKey(
        DivorceApplication, null=True, blank=True, on_delete=models.PROTECT, related_name="counselling"
    )
    outcome = models.CharField("辅导结果", max_length=12, choices=CounsellingOutcome.choices)
    note = models.CharField("工作记录（不含个人隐私）", max_length=200, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "婚姻家庭辅导"
        verbose_name_plural = "婚姻家庭辅导"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on}"


class JudgmentKind(models.TextChoices):
    """人民法院的生效裁判 on a marriage (民法典 第一千零五十一至一千零五十四条, 第一千零七十九条)."""

    NULLITY = "nullity", "宣告婚姻无效"
    ANNULMENT = "annulment", "撤销婚姻"
    DIVORCE = "divorce", "判决离婚"
    MEDIATION = "mediation", "调解离婚"


class CourtJudgment(models.Model):
    """A court's effective judgment entered on the marriage record and annotated in its archive."""

    marriage = models.ForeignKey(MarriageRecord, on_delete=models.PROTECT, related_name="judgments")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    kind = models.CharField("裁判类型", max_length=10, choices=JudgmentKind.choices)
    court = models.CharField("人民法院", max_length=100)
    case_number = models.CharField("案号", max_length=60, unique=True)
    effective_on = models.DateField("生效日期")
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "法院裁判"
        verbose_name_plural = "法院裁判"

    def __str__(self) -> str:
        return self.case_number
