"""救助站 and their rooms (sex-separated: 救助管理办法 第八条)."""

from django.db import models


class RoomSex(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class Station(models.Model):
    """救助管理站: set up by the county-level or higher government (办法 第二条), one per division here."""

    name = models.CharField("名称", max_length=100)
    division_code = models.CharField("所在区划代码", max_length=12, db_index=True)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("求助电话", max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "救助管理站"
        verbose_name_plural = "救助管理站"

    def __str__(self) -> str:
        return self.name


class Room(models.Model):
    """A room for men or for women (办法 第八条: 受助人员住宿应当男女分室)."""

    station = models.ForeignKey(Station, on_delete=models.PROTECT, related_name="rooms")
    code = models.CharField("房间号", max_length=20)
    sex = models.CharField("性别", max_length=6, choices=RoomSex.choices)
    beds = models.PositiveSmallIntegerField("床位数")

    class Meta:
        verbose_name = "房间"
        verbose_name_plural = "房间"
        constraints = [models.UniqueConstraint(fields=["station", "code"], name="rescue_room_code_unique")]

    def __str__(self) -> str:
        return f"{self.code}（{self.get_sex_display()}）"
