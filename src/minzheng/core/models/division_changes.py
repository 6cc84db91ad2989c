"""行政区划变更: changes as events with their approval and links, never overwriting a division.

The Who's On First pattern: a change names its predecessors and successors (``supersedes``/``superseded_by``)
and its dates; the divisions themselves stay as they were (``Division`` rows are closed by ``valid_to``, never
rewritten). A record keyed by an old code resolves to the successor from the effective date
(``core.division_history.resolve``) — the record itself keeps the code it was written with.
"""

from django.db import models


class DivisionChangeKind(models.TextChoices):
    RENAME = "rename", "更名"
    RECLASSIFY = "reclassify", "撤县设市（区）等改设"
    MERGE = "merge", "合并"
    SPLIT = "split", "拆分"
    REPARENT = "reparent", "变更隶属关系"
    CODE_CHANGE = "code_change", "区划代码变更"
    ESTABLISH = "establish", "设立"
    ABOLISH = "abolish", "撤销"


class DivisionChange(models.Model):
    """行政区划变更事项: one approved change (批准文件, dates, the clocks of 行政区划管理条例 Arts 15 and 17)."""

    kind = models.CharField("变更类型", max_length=20, choices=DivisionChangeKind.choices)
    title = models.CharField("事项", max_length=200)
    approved_by = models.CharField("批准机关", max_length=100, blank=True)
    approval_document = models.CharField("批准文件", max_length=200, blank=True)
    approved_on = models.DateField("批准日期")
    effective_on = models.DateField("生效日期")
    date_is_approximate = models.BooleanField("日期仅知年份", default=False)
    extension_granted = models.BooleanField("已批准延期实施（+6个月）", default=False)
    implemented_on = models.DateField("实施完成日期", null=True, blank=True)
    code_published_on = models.DateField("新区划代码公布日期", null=True, blank=True)
    source = models.CharField("资料来源", max_length=500, blank=True)
    note = models.CharField("说明", max_length=500, blank=True)
    division_code = models.CharField("主管区划代码", max_length=12, db_index=True, blank=True)

    class Meta:
        verbose_name = "行政区划变更"
        verbose_name_plural = "行政区划变更"
        ordering = ["effective_on", "pk"]

    def __str__(self) -> str:
        return self.title


class DivisionSuccession(models.Model):
    """One link of a change: ``predecessor`` is superseded by ``successor`` from the change's effective date.
    A rename keeps the code (same code both sides), a merge has several predecessors, a split several
    successors; an abolished division without successor has an empty successor code."""

    change = models.ForeignKey(DivisionChange, on_delete=models.PROTECT, related_name="links")
    predecessor_code = models.CharField("原区划代码", max_length=12, db_index=True)
    predecessor_name = models.CharField("原名称", max_length=100)
    successor_code = models.CharField("新区划代码", max_length=12, db_index=True, blank=True)
    successor_name = models.CharField("新名称", max_length=100, blank=True)

    class Meta:
        verbose_name = "区划承继关系"
        verbose_name_plural = "区划承继关系"
        constraints = [
            models.UniqueConstraint(
                fields=["change", "predecessor_code", "successor_code"], name="division_succession_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_name} → {self.successor_name or '撤销'}"
