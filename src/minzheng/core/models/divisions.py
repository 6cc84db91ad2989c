"""行政区划: statistical division codes (统计用区划代码) with validity dates.

A code is 12 digits: province 2 + city 2 + county 2 + township 3 + village 3. A record anywhere in the
platform names its region by this code; a jurisdiction is a code prefix (see ``core.jurisdiction``).
Renamed or merged divisions keep their old rows, closed by ``valid_to``.
"""

from django.db import models


class DivisionLevel(models.IntegerChoices):
    PROVINCE = 1, "省级"
    CITY = 2, "地级"
    COUNTY = 3, "县级"
    TOWNSHIP = 4, "乡级（乡镇、街道）"
    VILLAGE = 5, "村级（村、社区）"


class Division(models.Model):
    """行政区划: one version of one division; the current version has ``valid_to`` empty."""

    code = models.CharField("区划代码", max_length=12, db_index=True)
    name = models.CharField("名称", max_length=100)
    level = models.PositiveSmallIntegerField("层级", choices=DivisionLevel.choices)
    parent_code = models.CharField("上级区划代码", max_length=12, blank=True, db_index=True)
    urban_rural_code = models.CharField(
        "城乡分类代码",
        max_length=3,
        blank=True,
        help_text="111 主城区 … 220 村庄；仅村级，来源未提供时为空",
    )
    valid_from = models.DateField("启用日期", null=True, blank=True)
    valid_to = models.DateField("停用日期", null=True, blank=True)
    source = models.CharField("数据来源", max_length=100, blank=True)

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(valid_to__isnull=True),
                name="division_one_current_version",
            ),
        ]
        indexes = [models.Index(fields=["parent_code", "valid_to"], name="division_children_idx")]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    @property
    def is_urban(self) -> bool | None:
        """城镇 (1xx) or 乡村 (2xx) by 城乡分类代码; None when the source did not say."""
        if not self.urban_rural_code:
            return None
        return self.urban_rural_code.startswith("1")
