"""执法: 双随机 inspection rounds (drawn through ``core.random_inspection``), inspections, penalty cases."""

from django.db import models

from ..rules.enforcement import PENALTY_LABELS, PenaltyKind
from .choices import money
from .organisations import Organisation

PENALTY_CHOICES = [(k.value, PENALTY_LABELS[k]) for k in PenaltyKind]


class InspectionRound(models.Model):
    """双随机抽查批次: the candidates, the published seed and the share drawn — enough to repeat the draw."""

    division_code = models.CharField("组织单位区划", max_length=12, db_index=True)
    title = models.CharField("抽查名称", max_length=100)
    drawn_on = models.DateField("抽取日期")
    seed = models.BigIntegerField("随机种子（公开）")
    share_percent = models.PositiveSmallIntegerField("抽查比例（%）")
    team_size = models.PositiveSmallIntegerField("每组检查人员数")
    candidate_ids = models.JSONField("检查对象名录（社会组织ID）")
    inspector_pool_ids = models.JSONField("执法检查人员名录（用户ID）")
    created_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "社会组织双随机抽查批次"
        verbose_name_plural = "社会组织双随机抽查批次"

    def __str__(self) -> str:
        return self.title


class OrgInspection(models.Model):
    round = models.ForeignKey(InspectionRound, on_delete=models.CASCADE, related_name="inspections")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="inspections")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    inspectors = models.ManyToManyField("core.User", related_name="+")
    inspected_on = models.DateField("检查日期", null=True, blank=True)
    findings = models.CharField("检查结果", max_length=500, blank=True)
    problems = models.BooleanField("发现问题", default=False)

    class Meta:
        verbose_name = "社会组织抽查检查"
        verbose_name_plural = "社会组织抽查检查"

    def __str__(self) -> str:
        return f"抽查 {self.organisation_id}"


class PenaltyStatus(models.TextChoices):
    PROPOSED = "proposed", "待决定"
    DECIDED = "decided", "已作出处罚决定"
    DROPPED = "dropped", "不予处罚"


class PenaltyCase(models.Model):
    """行政处罚案件: the caseworker's 立案 with facts and proposed penalty; the reviewer's decision. A decided
    penalty proposes its credit ground (5万+ fines and 限期停止活动 → 严重违法失信)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="penalties")
    division_code = models.CharField("登记管理机关区划", max_length=12, db_index=True)
    inspection = models.ForeignKey(OrgInspection, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField("处罚种类", max_length=10, choices=PENALTY_CHOICES)
    amount = money("罚款金额（元）", null=True, blank=True)
    stop_until = models.DateField("停止活动至", null=True, blank=True)
    facts = models.CharField("违法事实", max_length=500)
    basis = models.CharField("处罚依据", max_length=300)
    opened_on = models.DateField("立案日期")
    status = models.CharField("状态", max_length=10, choices=PenaltyStatus.choices, default="proposed")
    decision_number = models.CharField("处罚决定书文号", max_length=60, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decision_note = models.CharField("决定意见", max_length=500, blank=True)
    entered_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "社会组织行政处罚案件"
        verbose_name_plural = "社会组织行政处罚案件"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.organisation_id}"
