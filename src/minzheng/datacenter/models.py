"""数据中心's own tables: the quality rules as data, each night's run with its scores, and the failing
records to fix (问题清单). It keeps no copy of another domain's records — only keys, masked labels, evidence."""

from django.db import models

from .rules.catalogue import DIMENSIONS


class QualityRule(models.Model):
    """质量规则: one check of the batch job, described for people, switched on or off by an administrator."""

    code = models.CharField("规则代码", max_length=40, unique=True)
    name = models.CharField("规则名称", max_length=100)
    domain = models.CharField("业务", max_length=20)
    dimension = models.CharField("质量维度", max_length=20, choices=list(DIMENSIONS.items()))
    basis = models.CharField("依据", max_length=300)
    capability = models.CharField("整改权限", max_length=40)
    record = models.CharField("检查对象", max_length=20)
    enabled = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "质量规则"
        verbose_name_plural = "质量规则"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class QualityRun(models.Model):
    """一次质量检查: one per day (the nightly job's run key); a rerun the same day replaces its scores."""

    run_on = models.DateField("检查日期", unique=True)
    started_at = models.DateTimeField("开始时间")
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    checked = models.PositiveBigIntegerField("检查记录数", default=0)
    failed = models.PositiveBigIntegerField("问题记录数", default=0)

    class Meta:
        verbose_name = "质量检查"
        verbose_name_plural = "质量检查"

    def __str__(self) -> str:
        return f"数据质量检查 {self.run_on:%Y-%m-%d}"


class QualityScore(models.Model):
    """Records checked and failing per rule and township in one run (得分 = 1 − failed / checked)."""

    run = models.ForeignKey(QualityRun, on_delete=models.CASCADE, related_name="scores")
    rule = models.ForeignKey(QualityRule, on_delete=models.PROTECT, related_name="+")
    division_code = models.CharField("乡镇（街道）", max_length=12, db_index=True)
    checked = models.PositiveBigIntegerField("检查记录数")
    failed = models.PositiveBigIntegerField("问题记录数")

    class Meta:
        verbose_name = "质量得分"
        verbose_name_plural = "质量得分"
        constraints = [
            models.UniqueConstraint(fields=["run", "rule", "division_code"], name="datacenter_one_score")
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} {self.division_code}: {self.failed}/{self.checked}"


class QualityIssue(models.Model):
    """问题记录: one failing record of one rule, open until a run no longer finds it (then 已整改)."""

    rule = models.ForeignKey(QualityRule, on_delete=models.PROTECT, related_name="issues")
    record_id = models.BigIntegerField("记录编号")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    evidence = models.CharField("问题说明", max_length=300)
    first_found_on = models.DateField("首次发现")
    last_found_on = models.DateField("最近发现")
    resolved_on = models.DateField("整改日期", null=True, blank=True)

    class Meta:
        verbose_name = "数据质量问题"
        verbose_name_plural = "数据质量问题"
        constraints = [models.UniqueConstraint(fields=["rule", "record_id"], name="datacenter_one_issue")]
        indexes = [models.Index(fields=["resolved_on", "division_code"], name="datacenter_issue_open_idx")]

    def __str__(self) -> str:
        return self.evidence
