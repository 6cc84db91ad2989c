"""The shape every dated policy record shares: a division, the day it takes effect, the day it was closed."""

from django.conf import settings
from django.db import models

NATIONAL = "000000000000"


class DatedVersion(models.Model):
    """One version of a per-division policy figure. Versions are never edited: a new one closes the last."""

    division_code = models.CharField(
        "适用区划代码", max_length=12, db_index=True, help_text="12 位统计用区划代码；000000000000 表示全国"
    )
    effective_from = models.DateField("生效日期")
    valid_to = models.DateField("失效日期", null=True, blank=True, help_text="由下一版本生效自动填写")
    source_note = models.CharField("依据/来源", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        abstract = True
