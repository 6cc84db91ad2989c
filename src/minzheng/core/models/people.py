"""人口与家庭: the population registry — one person, one record; households with dated memberships.

Changes (迁移, 死亡, 分户) are recorded as dated ``RegistryChange`` rows, never silent overwrites. That
table is also the outbox other domains read (assistance stops benefits after a death, monitoring reacts).
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from .. import codes
from .imports import ImportBatch


class ReversedCopy(models.CharField):
    """Another column of the row spelled backwards: a search key, never shown or typed (ADR 0013).

    "Ends with 1234" cannot use an index; "the reversed text starts with 4321" can (a prefix range), so the
    last digits of an ID number or the given name find a person among millions without a scan. Kept in step
    by every ORM write (``save``, ``create`` and ``bulk_create`` call ``pre_save``) and by
    ``core.bulk.insert_rows``, which fills it for set-based imports; migration 0006 filled existing rows."""

    def __init__(self, *args, source: str = "", **kwargs):
        self.source = source
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        kwargs.pop("editable", None)
        kwargs.pop("blank", None)
        kwargs.pop("default", None)
        return name, path, args, kwargs

    @staticmethod
    def reverse(text) -> str:
        return str(text or "")[::-1]

    def pre_save(self, model_instance, add):
        value = self.reverse(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


class Person(models.Model):
    """人员: one natural person. ``id_number`` is the 公民身份号码, or a temporary number (临时编号)."""

    RESIDENT_ID = "ric"
    TEMPORARY = "temp"
    ID_KINDS = [(RESIDENT_ID, "居民身份证"), (TEMPORARY, "临时编号")]

    id_number = models.CharField("公民身份号码", max_length=20, unique=True)
    id_kind = models.CharField("证件类型", max_length=4, choices=ID_KINDS, default=RESIDENT_ID)
    name = models.CharField("姓名", max_length=50, db_index=True)
    sex = models.CharField("性别", max_length=1, choices=codes.SEXES)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    ethnicity = models.CharField("民族", max_length=10, blank=True, choices=codes.ETHNICITY_CHOICES)
    hukou_division_code = models.CharField("户籍地区划代码", max_length=12, blank=True, db_index=True)
    residence_division_code = models.CharField("居住地区划代码", max_length=12, db_index=True)
    address = models.CharField("详细地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True, db_index=True)
    # Search keys (全局检索 by the last digits of an ID number, by the given name): see ReversedCopy.
    id_number_reversed = ReversedCopy(
        "公民身份号码（倒序）", max_length=20, db_index=True, source="id_number"
    )
    name_reversed = ReversedCopy("姓名（倒序）", max_length=50, db_index=True, source="name")
    disability_category = models.CharField(
        "残疾类别", max_length=10, blank=True, choices=codes.DISABILITY_CATEGORIES
    )
    disability_grade = models.PositiveSmallIntegerField(
        "残疾等级", null=True, blank=True, choices=codes.DISABILITY_GRADES
    )
    is_deceased = models.BooleanField("已死亡", default=False)
    death_date = models.DateField("死亡日期", null=True, blank=True)
    import_batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "人员"
        verbose_name_plural = "人员"

    def __str__(self) -> str:
        return self.name


class Household(models.Model):
    """家庭（户）: lives in one division; members come and go through dated memberships."""

    URBAN = "urban"
    RURAL = "rural"
    AREA_TYPES = [(URBAN, "城市"), (RURAL, "农村")]

    number = models.CharField("户编号", max_length=24, unique=True)
    residence_division_code = models.CharField("居住地区划代码", max_length=12, db_index=True)
    address = models.CharField("详细地址", max_length=200, blank=True)
    area_type = models.CharField("城乡类别", max_length=5, choices=AREA_TYPES)
    head = models.ForeignKey(
        Person, verbose_name="户主", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    established_on = models.DateField("立户日期", null=True, blank=True)
    dissolved_on = models.DateField("销户日期", null=True, blank=True)
    split_from = models.ForeignKey(
        "self", verbose_name="分户自", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    import_batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "家庭"
        verbose_name_plural = "家庭"

    def __str__(self) -> str:
        return self.number


class HouseholdMembership(models.Model):
    """家庭成员关系: a person belongs to at most one household at a time."""

    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="memberships")
    relation = models.CharField("与户主关系", max_length=2, choices=codes.RELATIONS)
    valid_from = models.DateField("起始日期", null=True, blank=True)
    valid_to = models.DateField("终止日期", null=True, blank=True)

    class Meta:
        verbose_name = "家庭成员"
        verbose_name_plural = "家庭成员"
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(valid_to__isnull=True),
                name="person_one_current_household",
            )
        ]
        indexes = [models.Index(fields=["household", "valid_to"], name="membership_current_idx")]

    def __str__(self) -> str:
        return f"{self.household_id}/{self.person_id}（{self.get_relation_display()}）"


class RegistryChange(models.Model):
    """登记变更: a dated change in the registry; also the outbox other domains consume in order of id."""

    REGISTERED = "registered"
    MOVED = "moved"
    DECEASED = "deceased"
    HOUSEHOLD_SPLIT = "household_split"
    MEMBER_JOINED = "member_joined"
    MEMBER_LEFT = "member_left"
    CORRECTED = "corrected"
    MARRIED = "married"
    MARRIAGE_ENDED = "marriage_ended"
    KINDS = [
        (REGISTERED, "新增登记"),
        (MOVED, "迁移"),
        (DECEASED, "死亡"),
        (HOUSEHOLD_SPLIT, "分户"),
        (MEMBER_JOINED, "成员加入"),
        (MEMBER_LEFT, "成员迁出"),
        (CORRECTED, "信息更正"),
        (MARRIED, "结婚"),
        (MARRIAGE_ENDED, "离婚或婚姻解除"),
    ]

    kind = models.CharField("变更类型", max_length=20, choices=KINDS)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="changes"
    )
    household = models.ForeignKey(
        Household, null=True, blank=True, on_delete=models.PROTECT, related_name="changes"
    )
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    effective_date = models.DateField("生效日期")
    before = models.JSONField("变更前", default=dict, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField("变更后", default=dict, blank=True, encoder=DjangoJSONEncoder)
    reason = models.CharField("原因", max_length=200, blank=True)
    recorded_by = models.ForeignKey("core.User", null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "登记变更"
        verbose_name_plural = "登记变更"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_date:%Y-%m-%d}"
