"""换届: one election round of one committee, its voter list, objections, candidates; and recalls."""

from django.db import models

from .base import Row
from .choices import SEX_CHOICES, VOTER_CATEGORIES, MemberRole, RoundStatus
from .committees import Committee, Member


class ElectionRound(Row):
    """换届选举 of one committee for one term: the clocks are stored as computed when each step is taken."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="rounds")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    round_year = models.PositiveSmallIntegerField("换届年度")
    term_number = models.PositiveSmallIntegerField("届次")
    election_on = models.DateField("选举日")
    status = models.CharField(
        "状态", max_length=10, choices=RoundStatus.choices, default=RoundStatus.PREPARING
    )
    publish_by = models.DateField("选民名单最迟公布日")
    published_on = models.DateField("选民名单公布日", null=True, blank=True)
    objections_until = models.DateField("申诉截止日", null=True, blank=True)
    registered_voters = models.PositiveIntegerField("登记选民数", default=0)
    ballots = models.PositiveIntegerField("参加投票人数", null=True, blank=True)
    held_on = models.DateField("实际选举日", null=True, blank=True)
    opened_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "换届选举"
        verbose_name_plural = "换届选举"
        constraints = [
            models.UniqueConstraint(fields=["committee", "term_number"], name="community_one_round_a_term"),
        ]


class Voter(Row):
    """One entry of the voter list (村民委员会组织法第十三条: three categories)."""

    round = models.ForeignKey(ElectionRound, on_delete=models.PROTECT, related_name="voters")
    name = models.CharField("姓名", max_length=50)
    category = models.CharField("登记类别", max_length=1, choices=VOTER_CATEGORIES)
    group_name = models.CharField("所在村民小组", max_length=50, blank=True)
    resided_since = models.DateField("在本村居住起始", null=True, blank=True)
    consented_on = models.DateField("村民会议（代表会议）同意日期", null=True, blank=True)

    class Meta:
        verbose_name = "选民"
        verbose_name_plural = "选民名单"


class Objection(Row):
    """申诉 against the voter list: filed within 5 days of publication, decided within 3 (第十四条)."""

    round = models.ForeignKey(ElectionRound, on_delete=models.PROTECT, related_name="objections")
    filed_on = models.DateField("申诉日期")
    complainant = models.CharField("申诉人", max_length=50)
    matter = models.CharField("申诉事项", max_length=300)
    answer_by = models.DateField("处理期限")
    answered_on = models.DateField("处理日期", null=True, blank=True)
    upheld = models.BooleanField("申诉成立", null=True)
    answer = models.CharField("处理决定", max_length=300, blank=True)

    class Meta:
        verbose_name = "选民名单申诉"
        verbose_name_plural = "选民名单申诉"


class Candidate(Row):
    round = models.ForeignKey(ElectionRound, on_delete=models.PROTECT, related_name="candidates")
    name = models.CharField("姓名", max_length=50)
    sex = models.CharField("性别", max_length=1, choices=SEX_CHOICES)
    post = models.CharField("候选职务", max_length=10, choices=MemberRole.choices)
    party_member = models.BooleanField("中共党员", default=False)
    party_secretary = models.BooleanField("党组织书记（一肩挑人选）", default=False)
    votes = models.PositiveIntegerField("得票数", null=True, blank=True)
    elected = models.BooleanField("当选", default=False)

    class Meta:
        verbose_name = "候选人"
        verbose_name_plural = "候选人"


class Recall(Row):
    """罢免 of a member (第十六条): the proposal's signatures against its base, then the vote."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="recalls")
    division_code = models.CharField("区划代码", max_length=12, db_index=True)
    by_representatives = models.BooleanField("由村民代表联名", default=False)
    signatures = models.PositiveIntegerField("联名人数")
    base = models.PositiveIntegerField("有选举权村民数（或村民代表数）")
    proposed_on = models.DateField("提出日期")
    reason = models.CharField("罢免理由", max_length=300)
    registered = models.PositiveIntegerField("登记选民数", null=True, blank=True)
    ballots = models.PositiveIntegerField("投票人数", null=True, blank=True)
    yes_votes = models.PositiveIntegerField("赞成票", null=True, blank=True)
    voted_on = models.DateField("表决日期", null=True, blank=True)
    passed = models.BooleanField("罢免通过", null=True)

    class Meta:
        verbose_name = "罢免"
        verbose_name_plural = "罢免"
