"""文书机关 and 文号: how a bureau or township appears on the documents it issues, and their numbers."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class IssuingOffice(models.Model):
    """文书机关设置: the name a division's office prints as heading and seal, its 机关代字 for 文号 and the
    监督电话 printed on 公示 and notices. A division without a row uses the defaults (``rules.documents``)."""

    division_code = models.CharField("区划代码", max_length=12, unique=True)
    name = models.CharField("机关名称", max_length=100, help_text="文书抬头与落款，如 丹东市元宝区民政局")
    abbreviation = models.CharField("机关代字", max_length=10, help_text="文号的机关代字，如 元民")
    supervision_phone = models.CharField("监督电话", max_length=40, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField("更新时间", db_default=Now())

    class Meta:
        verbose_name = "文书机关"
        verbose_name_plural = "文书机关"

    def __str__(self) -> str:
        return self.name


class DocumentNumber(models.Model):
    """文号: one per issued document, numbered per office, kind of document and year without gaps or repeats;
    the same document asks again and gets the same number."""

    office_code = models.CharField("发文机关区划代码", max_length=12)
    kind = models.CharField("文书种类", max_length=40)
    year = models.PositiveSmallIntegerField("年度")
    sequence = models.PositiveIntegerField("序号")
    number = models.CharField("文号", max_length=60)
    object_type = models.CharField("文书对象类型", max_length=40)
    object_id = models.CharField("文书对象", max_length=40)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField("编号时间", db_default=Now())

    class Meta:
        verbose_name = "文号"
        verbose_name_plural = "文号"
        constraints = [
            models.UniqueConstraint(
                fields=["office_code", "kind", "year", "sequence"], name="document_number_in_sequence"
            ),
            models.UniqueConstraint(
                fields=["kind", "object_type", "object_id"], name="one_number_per_document"
            ),
        ]

    def __str__(self) -> str:
        return self.number
