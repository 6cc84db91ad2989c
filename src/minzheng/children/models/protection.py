"""未成年人保护案件 (强制报告 → 应急处置 → 评估帮扶 → 监护干预 → 结案), its 临时/长期监护 episodes and its
interventions. Visible only to the case's handlers and their supervisors (selectors.protection)."""

from django.db import models

from ..rules import protection as rules


class ReportChannel(models.TextChoices):
    WALK_IN = "walk_in", "来访"
    HOTLINE_12345 = "hotline_12345", "12345热线"
    HOTLINE_MINORS = "hotline_minors", "未成年人保护热线"
    SCHOOL = "school", "学校、幼儿园"
    HOSPITAL = "hospital", "医疗机构"
    POLICE = "police", "公安机关"
    COMMITTEE = "committee", "村（居）民委员会"
    OTHER = "other", "其他"


class ReporterKind(models.TextChoices):
    INSTITUTION = "institution", "单位（强制报告义务主体）"
    PERSON = "person", "个人"
    ANONYMOUS = "anonymous", "匿名"


class Situation(models.TextChoices):
    NEGLECT = "neglect", "疑似疏于照护、无人照料"
    ABANDONMENT = "abandonment", "遗弃"
    ABUSE = "abuse", "虐待、家庭暴力"
    SEXUAL = "sexual", "性侵害"
    INJURY = "injury", "其他人身伤害"
    STREET = "street", "流浪乞讨、身份不明"
    GUARDIAN_MISSING = "guardian_missing", "监护人下落不明"
    CRIME_USE = "crime_use", "被教唆、利用实施违法犯罪"
    OTHER = "other", "其他危险情形"


class RiskLevel(models.TextChoices):
    LOW = "low", "低风险"
    MEDIUM = "medium", "中风险"
    HIGH = "high", "高风险"
    CRITICAL = "critical", "紧急"


PLAN_ITEMS = {
    "guidance": "监护指导",
    "medical": "医疗救治",
    "psychological": "心理疏导",
    "legal_aid": "法律援助",
    "assistance": "纳入社会救助（低保、特困、临时救助）",
    "schooling": "返校复学",
}


class ProtectionCase(models.Model):
    number = models.CharField("案件编号", max_length=24, unique=True)
    division_code = models.CharField("儿童所在区划代码", max_length=12, db_index=True)
    child = models.ForeignKey(
        "core.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="儿童"
    )
    child_description = models.CharField("儿童情况（报告所述）", max_length=200)
    channel = models.CharField("报告渠道", max_length=16, choices=ReportChannel.choices)
    reporter_kind = models.CharField("报告人类型", max_length=12, choices=ReporterKind.choices)
    reporter_name = models.CharField("报告人（单位）", max_length=100, blank=True)
    reporter_contact = models.CharField("报告人联系方式", max_length=50, blank=True)
    situation = models.CharField("情形", max_length=20, choices=Situation.choices)
    description = models.CharField("报告内容", max_length=1000)
    received_at = models.DateTimeField("接报时间")
    received_by = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name="接报人"
    )
    handlers = models.ManyToManyField("core.User", related_name="+", verbose_name="承办人")
    status = models.CharField(
        "状态", max_length=12, default=rules.RECEIVED, choices=list(rules.STATUS_LABELS.items())
    )
    assessment_due = models.DateField("调查评估期限")
    police_referred_on = models.DateField("移送公安日期", null=True, blank=True)
    police_unit = models.CharField("接收公安机关", max_length=100, blank=True)
    assessed_on = models.DateField("评估日期", null=True, blank=True)
    assessed_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    assessment_participants = models.CharField("参与评估（乡镇、民政、公安）", max_length=200, blank=True)
    safety = models.CharField("安全状况", max_length=300, blank=True)
    guardianship = models.CharField("监护状况", max_length=300, blank=True)
    health = models.CharField("身心健康", max_length=300, blank=True)
    risk_level = models.CharField("风险等级", max_length=10, blank=True, choices=RiskLevel.choices)
    plan_due = models.DateField("帮扶计划期限", null=True, blank=True)
    plan_items = models.JSONField("帮扶措施", default=list, blank=True)
    plan_note = models.CharField("帮扶计划", max_length=500, blank=True)
    planned_on = models.DateField("计划日期", null=True, blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True)
    closed_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    closure_note = models.CharField("结案情况", max_length=500, blank=True)
    reporter_informed_on = models.DateField("告知报告人日期", null=True, blank=True)
    reporter_result = models.CharField("告知报告人的处理结果", max_length=300, blank=True)
    review_due = models.DateField("结案复核期限", null=True, blank=True)
    reviewed_on = models.DateField("复核日期", null=True, blank=True)
    reviewed_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    review_note = models.CharField("复核意见", max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "未成年人保护案件"
        verbose_name_plural = "未成年人保护案件"

    def __str__(self) -> str:
        return self.number

    def plan_labels(self) -> list[str]:
        return [PLAN_ITEMS.get(code, code) for code in self.plan_items]


class GuardianshipKind(models.TextChoices):
    TEMPORARY = "temporary", "临时监护（第九十二条）"
    LONG_TERM = "long_term", "长期监护（第九十四条）"


class PlacementType(models.TextChoices):
    RELATIVES = "relatives", "委托亲属抚养"
    FOSTER = "foster", "家庭寄养"
    PROTECTION = "protection", "未成年人救助保护机构"
    WELFARE = "welfare", "儿童福利机构"


class GuardianshipEpisode(models.Model):
    """民政 临时/长期监护: the ground, the placement and its institution, start and end (Art 93: return)."""

    case = models.ForeignKey(ProtectionCase, on_delete=models.PROTECT, related_name="episodes")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    kind = models.CharField("监护类型", max_length=10, choices=GuardianshipKind.choices)
    ground = models.PositiveSmallIntegerField("法定情形")
    placement = models.CharField("安置方式", max_length=12, choices=PlacementType.choices)
    institution_name = models.CharField("安置机构（家庭）", max_length=100)
    institution_uscc = models.CharField("机构统一社会信用代码", max_length=18, blank=True)
    started_on = models.DateField("开始日期")
    ended_on = models.DateField("结束日期", null=True, blank=True)
    end_note = models.CharField("结束情况（如评估后送回监护人）", max_length=300, blank=True)
    decided_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "民政监护"
        verbose_name_plural = "民政监护"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.started_on}"

    def ground_label(self) -> str:
        grounds = (
            rules.TEMPORARY_GROUNDS if self.kind == GuardianshipKind.TEMPORARY else rules.LONG_TERM_GROUNDS
        )
        return grounds.get(self.ground, str(self.ground))


class InterventionKind(models.TextChoices):
    ADMONITION = "admonition", "告诫、训诫（督促履行监护职责）"
    PENALTY = "penalty", "依法处罚"
    COURT_APPLICATION = "court_application", "向人民法院申请撤销监护人资格"
    COURT_REVOCATION = "court_revocation", "人民法院判决撤销监护人资格"
    OTHER = "other", "其他干预措施"


class Intervention(models.Model):
    case = models.ForeignKey(ProtectionCase, on_delete=models.PROTECT, related_name="interventions")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    kind = models.CharField("干预措施", max_length=20, choices=InterventionKind.choices)
    taken_on = models.DateField("日期")
    note = models.CharField("情况（文书号、法院等）", max_length=300)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "监护干预"
        verbose_name_plural = "监护干预"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.taken_on}"
