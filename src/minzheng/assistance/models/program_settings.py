"""项目设置 per division with validity dates: eligibility criteria, materials, deciding level, enabled."""

from django.db import models

from minzheng.policy.interface import DatedVersion

from .choices import DecidingLevel
from .programs import AssistanceProgram


class ProgramSetting(DatedVersion):
    """A division's configuration of a program from a date (a county's own 高龄津贴 age, 审核确认权限下放 …).

    Empty fields fall back to the program's defaults (``rules.program_defaults`` and the program row); the
    most specific division's version in force wins, as for standards and parameters.
    """

    program = models.ForeignKey(AssistanceProgram, on_delete=models.PROTECT, related_name="settings")
    enabled = models.BooleanField("启用", default=True)
    deciding_level = models.CharField(
        "审核确认层级", max_length=10, choices=DecidingLevel.choices, blank=True, help_text="空：按项目缺省"
    )
    criteria = models.JSONField("认定条件", default=dict, blank=True)
    materials = models.JSONField("申请材料清单", default=list, blank=True)

    class Meta:
        verbose_name = "项目地方设置"
        verbose_name_plural = "项目地方设置"
        ordering = ["program", "division_code", "-effective_from"]
