"""村(居)委会 and what belongs to one: members, 村民小组, 村务监督委员会, 民主评议."""

from django.db import models

from .base import Row
from .choices import (
    RELATION_CHOICES,
    SEX_CHOICES,
    AppraisalResult,
    CommitteeKind,
    MemberRole,
)


class Committee(models.Model):
    """村民委员会 / 居民委员会 of one village-level division (its 12-digit code)."""

    division_code = models.CharField("区划代码", max_length=12, unique=True)
    kind = models.CharField("类型", max_length=10, choices=CommitteeKind.choices)
    name = models.CharField("名称", max_length=100)
    households = models.PositiveIntegerField("户数", default=0)
    population = models.PositiveIntegerField("人口数", default=0)
    adults = models.PositiveIntegerField("十八周岁以上人数", default=0)
    representatives = models.PositiveIntegerField("村（居）民代表人数", default=0)
    term_number = models.PositiveSmallIntegerField("届次", default=1)
    term_start = models.DateField("本届任期起始", null=True, blank=True)
    term_end = models.DateField("本届任期届满", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "村（居）民委员会"
        verbose_name_plural = "村（居）民委员会"
        ordering = ["division_code"]

    def __str__(self) -> str:
        return self.name


class Member(Row):
    """A committee member (主任/副主任/委员) of one term; ``ended_on`` set when the office ends."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="members")
    name = models.CharField("姓名", max_length=50)
    sex = models.CharField("性别", max_length=1, choices=SEX_CHOICES)
    role = models.CharField("职务", max_length=10, choices=MemberRole.choices)
    party_member = models.BooleanField("中共党员", default=False)
    party_secretary = models.BooleanField("村（社区）党组织书记兼任主任（一肩挑）", default=False)
    person = models.ForeignKey(
        "core.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="人员"
    )
    term_start = models.DateField("任职起始")
    ended_on = models.DateField("职务终止日期", null=True, blank=True)
    end_reason = models.CharField("终止原因", max_length=200, blank=True)

    class Meta:
        verbose_name = "委员会成员"
        verbose_name_plural = "委员会成员"
        ordering = ["committee", "role", "pk"]


class VillagerGroup(Row):
    """村民小组 (居民小组)."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="groups")
    name = models.CharField("名称", max_length=50)
    leader = models.CharField("组长", max_length=50, blank=True)
    households = models.PositiveIntegerField("户数", default=0)

    class Meta:
        verbose_name = "村民小组"
        verbose_name_plural = "村民小组"
        constraints = [
            models.UniqueConstraint(fields=["committee", "name"], name="community_group_unique_name")
        ]


class SupervisionMember(Row):
    """A member of the 村务监督委员会 (村民委员会组织法第三十二条), with the relation declared to each
    committee member checked when appointed."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="supervisors")
    name = models.CharField("姓名", max_length=50)
    sex = models.CharField("性别", max_length=1, choices=SEX_CHOICES)
    chair = models.BooleanField("主任", default=False)
    accounting_skills = models.BooleanField("具备财会、管理知识", default=False)
    person = models.ForeignKey(
        "core.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="人员"
    )
    related_member = models.ForeignKey(
        Member,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="亲属关系所涉成员",
    )
    relation = models.CharField("与该成员关系", max_length=12, choices=RELATION_CHOICES, default="none")
    appointed_on = models.DateField("推选日期")
    ended_on = models.DateField("终止日期", null=True, blank=True)

    class Meta:
        verbose_name = "村务监督委员会成员"
        verbose_name_plural = "村务监督委员会成员"


class Appraisal(Row):
    """民主评议 of one member for one year (村民委员会组织法第三十三条)."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="appraisals")
    year = models.PositiveSmallIntegerField("年度")
    result = models.CharField("评议结果", max_length=8, choices=AppraisalResult.choices)
    appraised_on = models.DateField("评议日期")

    class Meta:
        verbose_name = "民主评议"
        verbose_name_plural = "民主评议"
        constraints = [
            models.UniqueConstraint(fields=["member", "year"], name="community_one_appraisal_a_year")
        ]
