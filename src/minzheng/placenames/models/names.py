"""地名信息库: standard names (never overwritten: a rename closes the old row and links the new one), naming
applications with their checks, the 地名保护名录 flag, 标准地址 built from standard names."""

from django.conf import settings
from django.db import models

from .choices import CATEGORY_CHOICES, ApplicationKind, ApplicationStatus, NameStatus


class PlaceName(models.Model):
    """标准地名: 专名 + 通名 (第九条), category (第三条), reading, location (GeoJSON), meaning and history."""

    specific = models.CharField("专名", max_length=50)
    generic = models.CharField("通名", max_length=20)
    category = models.CharField("类别", max_length=1, choices=CATEGORY_CHOICES)
    division_level = models.PositiveSmallIntegerField("所命名区划的层级", default=0)
    pinyin = models.CharField("汉语拼音（带声调）", max_length=200, blank=True)
    roman = models.CharField("罗马字母拼写", max_length=200, blank=True)
    reading_key = models.CharField("读音键（带声调）", max_length=300, blank=True, db_index=True)
    minority_form = models.CharField("少数民族语或外语形式", max_length=200, blank=True)
    division_code = models.CharField("所属政区代码", max_length=12, db_index=True)
    built_up_area = models.CharField("所在建成区", max_length=50, blank=True, db_index=True)
    location_text = models.CharField("位置描述", max_length=300, blank=True)
    geometry = models.JSONField("位置（GeoJSON 几何）", null=True, blank=True)
    origin = models.CharField("来历", max_length=500, blank=True)
    meaning = models.CharField("含义", max_length=500, blank=True)
    history = models.CharField("历史沿革", max_length=1000, blank=True)
    status = models.CharField("状态", max_length=12, choices=NameStatus.choices, default=NameStatus.APPROVED)
    approved_by = models.CharField("批准机关", max_length=100, blank=True)
    approved_on = models.DateField("批准时间", null=True, blank=True)
    approval_document = models.CharField("批准文号", max_length=100, blank=True)
    filed_on = models.DateField("备案日期", null=True, blank=True)
    announced_on = models.DateField("公告日期", null=True, blank=True)
    protected = models.BooleanField("列入地名保护名录", default=False)
    protection_note = models.CharField("保护名录说明", max_length=300, blank=True)
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name="更名前",
    )
    ended_on = models.DateField("停止使用日期", null=True, blank=True)

    class Meta:
        verbose_name = "标准地名"
        verbose_name_plural = "标准地名"
        indexes = [models.Index(fields=["status", "category", "division_code"], name="placename_scope_idx")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.specific}{self.generic}"


class NamingApplication(models.Model):
    """命名、更名申请 (第十一条): reasons, the reports, the checks' findings and the override reason; decided by
    someone other than the one who entered it."""

    kind = models.CharField("申请类型", max_length=10, choices=ApplicationKind.choices)
    target = models.ForeignKey(
        PlaceName,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renamings",
        verbose_name="原地名",
    )
    specific = models.CharField("拟用专名", max_length=50)
    generic = models.CharField("拟用通名", max_length=20)
    category = models.CharField("类别", max_length=1, choices=CATEGORY_CHOICES)
    division_level = models.PositiveSmallIntegerField("所命名区划的层级", default=0)
    division_code = models.CharField("所属政区代码", max_length=12, db_index=True)
    built_up_area = models.CharField("所在建成区", max_length=50, blank=True)
    location_text = models.CharField("位置描述", max_length=300)
    geometry = models.JSONField("位置（GeoJSON 几何）", null=True, blank=True)
    reasons = models.CharField("申请理由", max_length=1000)
    meaning = models.CharField("含义", max_length=500, blank=True)
    applicant = models.CharField("申请人", max_length=100)
    assessment_report = models.CharField("综合评估（风险评估）报告", max_length=200)
    expert_report = models.CharField("专家论证报告", max_length=200)
    consultation_report = models.CharField("征求意见报告", max_length=200)
    findings = models.JSONField("重名同音和禁用词检查结果", default=list)
    override_reason = models.CharField("仍予申报的理由", max_length=500, blank=True)
    status = models.CharField(
        "状态", max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    received_on = models.DateField("受理日期")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="受理人"
    )
    decided_on = models.DateField("批准日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="审批人",
    )
    approved_by = models.CharField("批准机关", max_length=100, blank=True)
    approval_document = models.CharField("批准文号", max_length=100, blank=True)
    decision_note = models.CharField("审批意见", max_length=500, blank=True)
    result = models.OneToOneField(
        PlaceName,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
        verbose_name="批准的地名",
    )

    class Meta:
        verbose_name = "地名命名更名申请"
        verbose_name_plural = "地名命名更名申请"

    def __str__(self) -> str:
        return f"{self.specific}{self.generic}"


class StandardAddress(models.Model):
    """标准地址 (第二十一条): built from a standard street (or estate) name and numbers."""

    place = models.ForeignKey(
        PlaceName, on_delete=models.PROTECT, related_name="addresses", verbose_name="标准地名"
    )
    house_number = models.CharField("门牌号", max_length=20)
    building = models.CharField("楼栋", max_length=20, blank=True)
    unit = models.CharField("单元", max_length=20, blank=True)
    room = models.CharField("户室", max_length=20, blank=True)
    division_code = models.CharField("所属政区代码", max_length=12, db_index=True)
    full_text = models.CharField("标准地址", max_length=300)

    class Meta:
        verbose_name = "标准地址"
        verbose_name_plural = "标准地址"
        constraints = [
            models.UniqueConstraint(
                fields=["place", "house_number", "building", "unit", "room"], name="standard_address_once"
            )
        ]

    def __str__(self) -> str:
        return self.full_text


class BannedWord(models.Model):
    """禁用词 (第九条: persons' names, foreign names, company and brand names; the 大洋怪重 clean-up): the bureau's
    list, a warning with an override reason, never a refusal."""

    term = models.CharField("词语", max_length=30, unique=True)
    kind = models.CharField("类别", max_length=20)
    source = models.CharField("依据", max_length=200)

    class Meta:
        verbose_name = "地名禁用词"
        verbose_name_plural = "地名禁用词"

    def __str__(self) -> str:
        return self.term
