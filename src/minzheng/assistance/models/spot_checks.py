"""县级抽查: the county's random check of the 特困 files its townships sent (《特困人员认定办法》: 抽查比例不得
低于30%) — one recorded draw per county and period, with the seed so anyone can repeat it."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class TekunSpotCheck(models.Model):
    """特困人员认定抽查: the files in the period (``population``), the share in force and the drawn sample."""

    county_code = models.CharField("县级区划代码", max_length=12, db_index=True)
    period_from = models.DateField("报送起始日")
    period_to = models.DateField("报送截止日")
    share = models.DecimalField("抽查比例", max_digits=4, decimal_places=2)
    population = models.PositiveIntegerField("报送案件数")
    sample_case_ids = models.JSONField("抽中案件", default=list)
    seed = models.CharField("随机种子", max_length=80)
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField("抽取时间", db_default=Now())

    class Meta:
        verbose_name = "特困人员认定抽查"
        verbose_name_plural = "特困人员认定抽查"
        ordering = ["-period_to", "county_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["county_code", "period_from", "period_to"], name="one_spot_check_per_county_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.county_code} {self.period_from:%Y-%m-%d}—{self.period_to:%Y-%m-%d}"
