"""寻亲: every action on a client's search (公告, DNA, 人脸识别, 头条寻人, 全国系统比对, 联系原籍), missing-person reports
received from police or families, and the matcher's proposals a caseworker confirms or rejects."""

from django.conf import settings
from django.db import models

from .clients import Client
from .registry import WanderRisk
from .stations import RoomSex


class ActionKind(models.TextChoices):
    NOTICE = "notice", "发布寻亲公告"
    NATIONAL = "national", "全国救助管理信息系统比对"
    DNA_REQUEST = "dna_request", "函请公安采集DNA"
    DNA_RESULT = "dna_result", "DNA比对结果"
    FACE = "face", "人脸识别比对"
    TOUTIAO = "toutiao", "头条寻人推送"
    CONTACT = "contact", "联系原籍或亲属"
    IDENTIFIED = "identified", "身份查明"


class TracingAction(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField("寻亲措施", max_length=12, choices=ActionKind.choices)
    at = models.DateTimeField("时间")
    reference = models.CharField("编号或渠道", max_length=100, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class MissingReport(models.Model):
    """寻人报告: a family's or the police's report of a missing person (公安机关 通报救助站)."""

    division_code = models.CharField("受理区划代码", max_length=12, db_index=True)
    reported_on = models.DateField("报告日期")
    reporter = models.CharField("报告人", max_length=50)
    reporter_phone = models.CharField("联系电话", max_length=20, blank=True)
    name = models.CharField("走失人员姓名", max_length=50)
    sex = models.CharField("性别", max_length=6, choices=RoomSex.choices)
    birth_year = models.PositiveSmallIntegerField("出生年份", null=True, blank=True)
    home_code = models.CharField("住所地区划代码", max_length=12, blank=True)
    last_seen = models.CharField("走失地点", max_length=200, blank=True)
    features = models.CharField("体貌特征", max_length=300, blank=True)
    closed = models.BooleanField("已结束", default=False)

    def __str__(self) -> str:
        return self.name


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", "待确认"
    CONFIRMED = "confirmed", "已确认"
    REJECTED = "rejected", "已排除"


class MatchProposal(models.Model):
    """A candidate the matcher proposes for a client: a report or a 易走失 registration (exactly one)."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="proposals")
    report = models.ForeignKey(
        MissingReport, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    wander_risk = models.ForeignKey(
        WanderRisk, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    score = models.PositiveSmallIntegerField("匹配度")
    reasons = models.CharField("匹配依据", max_length=200)
    status = models.CharField(
        "状态", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(report__isnull=True, wander_risk__isnull=False)
                | models.Q(report__isnull=False, wander_risk__isnull=True),
                name="rescue_proposal_one_candidate",
            ),
            models.UniqueConstraint(fields=["client", "report"], name="rescue_proposal_report_once"),
            models.UniqueConstraint(fields=["client", "wander_risk"], name="rescue_proposal_registry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.score}"


class ReturnTrip(models.Model):
    """接送返回: destination, escort, voucher, the receiving party and the hand-over (办法 第七条、第十一条)."""

    client = models.OneToOneField(Client, on_delete=models.CASCADE, related_name="return_trip")
    destination = models.CharField("返回地", max_length=200)
    destination_code = models.CharField("返回地区划代码", max_length=12, blank=True)
    escort = models.CharField("护送人员", max_length=100, blank=True)
    voucher = models.CharField("乘车凭证", max_length=100, blank=True)
    receiving_party = models.CharField("接收人或单位", max_length=100)
    handed_over_on = models.DateField("交接日期")

    def __str__(self) -> str:
        return self.destination
