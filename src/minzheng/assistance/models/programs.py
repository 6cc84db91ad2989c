"""救助项目: a program as data — a new local program is a row, not code."""

from django.db import models

from minzheng.policy.interface import NATIONAL

from .choices import Area, BenefitFormula, DecidingLevel, ProgramCategory, StandardKind


class AssistanceProgram(models.Model):
    """救助项目: its category, benefit formula, the standard it is based on, review cycle and deciding level."""

    code = models.SlugField("项目代码", max_length=50, unique=True)
    name = models.CharField("项目名称", max_length=100)
    category = models.CharField("项目类别", max_length=40, choices=ProgramCategory.choices)
    benefit_formula = models.CharField("计发方式", max_length=30, choices=BenefitFormula.choices)
    base_standard = models.CharField("依据标准", max_length=40, choices=StandardKind.choices)
    area = models.CharField("城乡", max_length=10, choices=Area.choices, default=Area.ALL)
    division_code = models.CharField(
        "适用区划代码", max_length=12, default=NATIONAL, help_text="000000000000 表示全国通用项目"
    )
    review_cycle_months = models.PositiveSmallIntegerField(
        "复核周期（月）", null=True, blank=True, help_text="空：按分类复核参数（低保）或不定期复核"
    )
    deciding_level = models.CharField(
        "审核确认层级", max_length=10, choices=DecidingLevel.choices, default=DecidingLevel.COUNTY
    )
    enabled = models.BooleanField("启用", default=True)
    policy_basis = models.CharField("政策依据", max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "救助项目"
        verbose_name_plural = "救助项目"
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name
