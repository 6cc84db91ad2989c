"""待办责任人: who owns an open item of any domain, kept here by (source, record key)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class WorkOwner(models.Model):
    """待办责任人: the person an item is claimed by or assigned to.

    Keyed by the work source's code and the record's key (``core.work_items``), so every domain's work gets an
    owner without a column of its own. ``division_code`` is the item's division when last assigned: owners are
    read by jurisdiction in one query. A row may outlive its item (the case is decided): nothing lists it then.
    """

    source = models.CharField("事项来源", max_length=40)
    key = models.CharField("记录标识", max_length=40)
    division_code = models.CharField("事项区划代码", max_length=12, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="责任人"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="指派人"
    )
    assigned_at = models.DateTimeField("指派时间", db_default=Now())

    class Meta:
        verbose_name = "待办责任人"
        verbose_name_plural = "待办责任人"
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="worklist_one_owner_per_item")]

    def __str__(self) -> str:
        return f"{self.source}:{self.key}"
