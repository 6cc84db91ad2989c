"""导入批次: one uploaded roster file, committed whole or rejected whole."""

from django.db import models


class ImportBatch(models.Model):
    COMMITTED = "committed"
    REJECTED = "rejected"
    STATUSES = [(COMMITTED, "已导入"), (REJECTED, "未导入（有错误）")]

    kind = models.CharField("导入类型", max_length=30, default="household_roster")
    file_name = models.CharField("文件名", max_length=255)
    file_sha256 = models.CharField(max_length=64, db_index=True)
    status = models.CharField("状态", max_length=10, choices=STATUSES)
    division_code = models.CharField("导入单位区划", max_length=12, db_index=True)
    uploaded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField("数据行数", default=0)
    created_households = models.PositiveIntegerField("新增户数", default=0)
    created_persons = models.PositiveIntegerField("新增人数", default=0)
    unchanged_rows = models.PositiveIntegerField("未变更行数", default=0)
    errors = models.JSONField("错误明细", default=list, blank=True)

    class Meta:
        verbose_name = "导入批次"
        verbose_name_plural = "导入批次"

    def __str__(self) -> str:
        return f"导入批次{self.pk}（{self.file_name}）"
