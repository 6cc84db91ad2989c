"""网络祭扫: a public memorial page per deceased only with the family's consent (the name and dates they choose,
nothing else), 代祭扫 orders (the cemetery tends a grave for a family that cannot come) and 清明 booking quotas per
cemetery and day with the public's bookings."""

from django.db import models

from .cemeteries import Cemetery
from .deaths import DeathRecord


class DateShown(models.TextChoices):
    FULL = "full", "出生和逝世日期"
    YEARS = "years", "仅年份"
    NONE = "none", "不显示日期"


class Memorial(models.Model):
    """网上纪念馆: published only while the family's consent stands; the public page shows ``shown_name`` and the
    dates as chosen, reached by an unguessable token."""

    death = models.OneToOneField(DeathRecord, on_delete=models.PROTECT, related_name="memorial")
    division_code = models.CharField("逝者区划代码", max_length=12, db_index=True)
    token = models.CharField("公开链接标识", max_length=32, unique=True)
    shown_name = models.CharField("显示姓名", max_length=50)
    dates_shown = models.CharField(
        "显示日期", max_length=5, choices=DateShown.choices, default=DateShown.YEARS
    )
    consent_by = models.CharField("同意公开的家属", max_length=50)
    consent_relation = models.CharField("与逝者关系", max_length=20)
    consent_on = models.DateField("同意日期")
    withdrawn_on = models.DateField("撤回同意日期", null=True, blank=True)
    tributes = models.PositiveIntegerField("祭扫次数", default=0)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "网上纪念馆"
        verbose_name_plural = "网上纪念馆"

    def __str__(self) -> str:
        return self.shown_name


class ProxyStatus(models.TextChoices):
    OPEN = "open", "待祭扫"
    DONE = "done", "已完成"


class ProxyTribute(models.Model):
    """代祭扫: the cemetery's staff tend the grave on a day (flowers, cleaning the stone) for the family."""

    death = models.ForeignKey(DeathRecord, on_delete=models.PROTECT, related_name="proxy_tributes")
    cemetery = models.ForeignKey(Cemetery, on_delete=models.PROTECT, related_name="proxy_tributes")
    division_code = models.CharField("公墓区划代码", max_length=12, db_index=True)
    requested_by = models.CharField("委托人", max_length=50)
    services = models.CharField("祭扫内容", max_length=100)
    due_on = models.DateField("约定日期")
    status = models.CharField("状态", max_length=5, choices=ProxyStatus.choices, default=ProxyStatus.OPEN)
    done_on = models.DateField("完成日期", null=True, blank=True)
    done_note = models.CharField("完成情况", max_length=200, blank=True)
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "代祭扫"
        verbose_name_plural = "代祭扫"

    def __str__(self) -> str:
        return f"{self.cemetery_id} {self.due_on:%Y-%m-%d}"


class VisitQuota(models.Model):
    """清明祭扫预约 places of a cemetery on a day (one row per cemetery and day)."""

    cemetery = models.ForeignKey(Cemetery, on_delete=models.PROTECT, related_name="visit_quotas")
    division_code = models.CharField("公墓区划代码", max_length=12, db_index=True)
    day = models.DateField("日期")
    capacity = models.PositiveIntegerField("可预约人数")
    booked = models.PositiveIntegerField("已预约人数", default=0)

    class Meta:
        verbose_name = "祭扫预约号源"
        verbose_name_plural = "祭扫预约号源"
        constraints = [
            models.UniqueConstraint(fields=["cemetery", "day"], name="funeral_one_quota_per_cemetery_day"),
            models.CheckConstraint(
                condition=models.Q(booked__lte=models.F("capacity")), name="funeral_quota_not_over"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cemetery_id} {self.day:%Y-%m-%d}"

    @property
    def free(self) -> int:
        return max(self.capacity - self.booked, 0)


class VisitBooking(models.Model):
    quota = models.ForeignKey(VisitQuota, on_delete=models.PROTECT, related_name="bookings")
    code = models.CharField("预约号", max_length=12, unique=True)
    name = models.CharField("预约人", max_length=50)
    phone = models.CharField("手机号码", max_length=11)
    party = models.PositiveSmallIntegerField("人数")
    cancelled = models.BooleanField("已取消", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "祭扫预约"
        verbose_name_plural = "祭扫预约"

    def __str__(self) -> str:
        return self.code
