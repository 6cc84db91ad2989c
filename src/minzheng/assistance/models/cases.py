"""救助案件: one application for one program by one household, from 申请 to a decision, never deleted."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from minzheng.core.money import TOTAL_MAX, money_constraint

from .choices import Area, DecidingLevel
from .programs import AssistanceProgram


class CaseSource(models.TextChoices):
    """How the application reached the bureau (民发〔2021〕57号: 申请、代办、主动发现)."""

    SELF = "self", "本人申请"
    PROXY = "proxy", "代为申请（村（居）委会代办）"
    PROACTIVE = "proactive", "主动发现"
    MONITORING = "monitoring", "监测预警转入"
    ONE_STOP = "one_stop", "全市通办受理"


class CaseStatus(models.TextChoices):
    """Where a case stands. The workflow's allowed moves live in the casework rules, not here."""

    APPLIED = "applied", "已申请"
    MATERIALS_PENDING = "materials_pending", "待补齐材料"
    ACCEPTED = "accepted", "已受理"
    VERIFYING = "verifying", "家庭经济状况核对"
    INVESTIGATING = "investigating", "入户调查"
    TOWNSHIP_REVIEW = "township_review", "乡镇（街道）审核"
    PUBLICITY = "publicity", "公示中"
    APPROVAL = "approval", "待审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "不予批准"
    WITHDRAWN = "withdrawn", "已撤回"


CLOSED_STATUSES = frozenset({CaseStatus.APPROVED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN})


class AssistanceCase(models.Model):
    """救助案件 (申请). ``prefill`` holds what the source already knew (e.g. a monitoring warning's evidence)."""

    number = models.CharField("案件编号", max_length=32, unique=True)
    program = models.ForeignKey(AssistanceProgram, on_delete=models.PROTECT, related_name="cases")
    household = models.ForeignKey("core.Household", on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("受理地区划代码", max_length=12, db_index=True)
    area = models.CharField("城乡", max_length=10, choices=Area.choices)
    source = models.CharField("申请方式", max_length=20, choices=CaseSource.choices)
    status = models.CharField("状态", max_length=20, choices=CaseStatus.choices, default=CaseStatus.APPLIED)
    applied_on = models.DateField("申请日期")
    reason = models.TextField("申请理由", blank=True)
    prefill = models.JSONField("预填信息", default=dict, blank=True)
    source_reference = models.CharField("来源编号", max_length=64, blank=True, help_text="如预警编号")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("录入时间", db_default=Now())
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    # Workflow (rules/workflow.py; written only by services/workflow.py).
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    deciding_level = models.CharField(
        "审核确认层级",
        max_length=10,
        choices=DecidingLevel.choices,
        blank=True,
        help_text="受理时按项目设置确定",
    )
    missing_materials = models.JSONField("一次性告知需补齐的材料", default=list, blank=True)
    step_due_on = models.DateField("本环节办理期限", null=True, blank=True, db_index=True)
    procedure_due_on = models.DateField("全流程办理期限", null=True, blank=True)
    publicity_from = models.DateField("公示开始", null=True, blank=True)
    publicity_until = models.DateField("公示截止", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_reason = models.TextField("决定理由", blank=True)

    # What the benefit is computed from (services/case_benefits.py) — every input kept on the case.
    per_capita_income = models.DecimalField(
        "家庭人均月收入（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    household_monthly_income = models.DecimalField(
        "家庭月收入合计（元）",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="已知家庭收入合计时，补差按“标准×人数−家庭收入”计算后一次取整",
    )
    income_persons = models.PositiveSmallIntegerField("计算收入的家庭人数", null=True, blank=True)
    per_capita_assets = models.DecimalField(
        "家庭人均金融资产（元）", max_digits=14, decimal_places=2, null=True, blank=True
    )
    income_source = models.CharField(
        "收入来源", max_length=10, blank=True, choices=[("engine", "核对系统"), ("manual", "人工录入")]
    )
    verification_result_id = models.PositiveIntegerField("核对结果编号", null=True, blank=True)
    verification_conclusion = models.CharField("核对结论", max_length=20, blank=True)
    verification_note = models.TextField("核对说明", blank=True)
    persons = models.PositiveSmallIntegerField("保障人数", null=True, blank=True)
    member_categories = models.JSONField(
        "分类施保类别",
        default=dict,
        blank=True,
        help_text="成员编号 → 类别（老年人、重度残疾人、重病患者、未成年人）",
    )
    care_grade = models.CharField("照料护理等级", max_length=10, blank=True)
    requested_amount = models.DecimalField(
        "临时救助核定需求（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    advance_amount = models.DecimalField(
        "备用金先行救助（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    advance_paid_on = models.DateField("先行救助日期", null=True, blank=True)
    proposed_amount = models.DecimalField(
        "乡镇审核拟保障金额（元）", max_digits=12, decimal_places=2, null=True, blank=True, help_text="公示用"
    )
    decided_amount = models.DecimalField(
        "核定月保障金（元）", max_digits=12, decimal_places=2, null=True, blank=True
    )
    benefit_snapshot = models.JSONField("审批时的计算过程", default=dict, blank=True)
    eligibility_facts = models.JSONField(
        "认定事实",
        default=dict,
        blank=True,
        help_text="经办人记录的认定事实：特困法定义务人、在校就读成员、共同生活家庭成员的排除与更正等",
    )

    class Meta:
        verbose_name = "救助案件"
        verbose_name_plural = "救助案件"
        ordering = ["-applied_on", "-id"]
        indexes = [models.Index(fields=["division_code", "status"])]
        constraints = [
            money_constraint("assistance_case", "per_capita_income"),
            money_constraint("assistance_case", "per_capita_assets", TOTAL_MAX),
            money_constraint("assistance_case", "requested_amount"),
            money_constraint("assistance_case", "advance_amount"),
            money_constraint("assistance_case", "proposed_amount"),
            money_constraint("assistance_case", "decided_amount"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES
