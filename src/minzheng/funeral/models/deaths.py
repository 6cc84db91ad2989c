"""死亡信息: each 居民死亡医学证明 received (from a 卫健/公安 file or entered at the 殡仪馆) and each 无名尸体."""

from django.db import models

from ..rules import deaths as r


class IssuerKind(models.TextChoices):
    HOSPITAL = r.HOSPITAL, "医疗卫生机构"
    COMMUNITY = r.COMMUNITY, "社区卫生服务机构（乡镇卫生院）"
    POLICE = r.POLICE, "公安机关"


class DeathPlace(models.TextChoices):
    HOSPITAL = r.PLACE_HOSPITAL, "医疗卫生机构"
    HOME = r.PLACE_HOME, "家中"
    CARE_HOME = r.PLACE_CARE_HOME, "养老服务机构"
    OTHER = r.PLACE_OTHER, "其他场所"


class DeathCause(models.TextChoices):
    NATURAL = r.NATURAL, "正常死亡"
    UNNATURAL = r.UNNATURAL, "非正常死亡"


class CertificateForm(models.TextChoices):
    PAPER = r.PAPER, "纸质证明"
    ELECTRONIC = r.ELECTRONIC, "电子证明"


class DeathSource(models.TextChoices):
    FILE = "file", "部门数据文件"
    MANUAL = "manual", "殡仪馆录入"
    API = "api", "接口推送"


class DeathImport(models.Model):
    """死亡信息文件: one file from 卫健/公安, committed whole or rejected whole (same file again: recognised)."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    STATUSES = [(ACCEPTED, "已导入"), (REJECTED, "未导入（有错误）")]

    file_name = models.CharField("文件名", max_length=200)
    sha256 = models.CharField(max_length=64, unique=True)
    source_department = models.CharField("来源部门", max_length=50)
    status = models.CharField("状态", max_length=10, choices=STATUSES)
    division_code = models.CharField("导入单位区划", max_length=12, db_index=True)
    rows_total = models.PositiveIntegerField("数据行数", default=0)
    rows_added = models.PositiveIntegerField("新增", default=0)
    rows_unchanged = models.PositiveIntegerField("已登记未变更", default=0)
    errors = models.JSONField("错误明细", default=list, blank=True)
    uploaded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = "死亡信息文件"
        verbose_name_plural = "死亡信息文件"

    def __str__(self) -> str:
        return self.file_name


class DeathRecord(models.Model):
    """一例死亡: the certificate's facts, the person it names (when in the registry) and the registry change
    it became. An unidentified body (无名尸体) has no ID number and is recorded on the police documents."""

    certificate_number = models.CharField("死亡医学证明编号", max_length=40, blank=True)
    certificate_form = models.CharField("证明形式", max_length=10, choices=CertificateForm.choices)
    issuer_kind = models.CharField("签发机构类别", max_length=10, choices=IssuerKind.choices)
    issuer_name = models.CharField("签发机构", max_length=100)
    issued_on = models.DateField("签发日期")
    id_number = models.CharField("公民身份号码", max_length=20, blank=True)
    name = models.CharField("姓名", max_length=50)
    sex = models.CharField("性别", max_length=1, blank=True)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    death_date = models.DateField("死亡日期", db_index=True)
    death_place = models.CharField("死亡地点", max_length=10, choices=DeathPlace.choices)
    cause = models.CharField("死亡原因类别", max_length=10, choices=DeathCause.choices)
    unidentified = models.BooleanField("无名尸体", default=False)
    police_document_number = models.CharField("公安机关证明文书编号", max_length=60, blank=True)
    body_description = models.CharField("体貌特征及发现情况", max_length=300, blank=True)
    person = models.ForeignKey(
        "core.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="人员"
    )
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    registry_change_id = models.PositiveBigIntegerField("登记变更编号", null=True, blank=True)
    registry_note = models.CharField("人口库处理", max_length=100, blank=True)
    source = models.CharField("来源", max_length=10, choices=DeathSource.choices)
    death_import = models.ForeignKey(
        DeathImport, null=True, blank=True, on_delete=models.PROTECT, related_name="deaths"
    )
    recorded_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = "死亡信息"
        verbose_name_plural = "死亡信息"
        constraints = [
            # one certificate, one record; one death per person (重复 by 公民身份号码 is refused)
            models.UniqueConstraint(
                fields=["certificate_number"],
                condition=~models.Q(certificate_number=""),
                name="funeral_one_record_per_certificate",
            ),
            models.UniqueConstraint(
                fields=["id_number"], condition=~models.Q(id_number=""), name="funeral_one_death_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(unidentified=True) | ~models.Q(id_number=""),
                name="funeral_identified_has_id_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.death_date:%Y-%m-%d}"

    @property
    def display_name(self) -> str:
        return f"无名氏（{self.police_document_number}）" if self.unidentified else self.name
