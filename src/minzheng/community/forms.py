"""Forms of the 基层治理 pages (KitForm: Chinese, field-named errors); the services check the rules again."""

from datetime import date

from django import forms

from minzheng.web.kit.forms import (
    FlagField,
    KitForm,
    choice_field,
    date_field,
    decimal_field,
    int_field,
    money_field,
    text_field,
    year_field,
)

from .models import (
    AppraisalResult,
    CommitteeKind,
    DisclosureCategory,
    EventKind,
    EventStatus,
    MeetingKind,
    MemberRole,
    RoundStatus,
)
from .models.choices import (
    CERTIFICATES,
    CHANNEL_CHOICES,
    DECISION_CATEGORIES,
    GRID_ROLES,
    RELATION_CHOICES,
    SEX_CHOICES,
    VOTER_CATEGORIES,
    WORKER_POSTS,
)

ANY = [("", "全部")]


class CommitteeFilter(KitForm):
    q = text_field("名称", 100, required=False)
    kind = choice_field("类型", ANY + list(CommitteeKind.choices), required=False)
    division_code = forms.CharField(label="区划", required=False, widget=forms.HiddenInput)


class CommitteeForm(KitForm):
    division_code = text_field("村（社区）区划代码（12位）", 12)
    kind = choice_field("类型", list(CommitteeKind.choices))
    households = int_field("户数")
    population = int_field("人口数")
    adults = int_field("十八周岁以上人数")
    representatives = int_field("村（居）民代表人数", required=False)
    term_number = int_field("现任届次", min_value=1, max_value=99, initial=1)
    term_start = date_field("本届任期起始", required=False)


class MemberForm(KitForm):
    name = text_field("姓名", 50)
    sex = choice_field("性别", SEX_CHOICES)
    role = choice_field("职务", list(MemberRole.choices))
    party_member = FlagField("中共党员")
    party_secretary = FlagField("党组织书记兼任主任（一肩挑）")
    term_start = date_field("任职起始", initial=date.today)
    id_number = text_field("身份证号码（可选，用于亲属关系核查）", 18, required=False)


class GroupForm(KitForm):
    name = text_field("小组名称", 50)
    leader = text_field("组长", 50, required=False)
    households = int_field("户数", required=False)


class SupervisorForm(KitForm):
    name = text_field("姓名", 50)
    sex = choice_field("性别", SEX_CHOICES)
    chair = FlagField("监督委员会主任")
    accounting_skills = FlagField("具备财会、管理知识")
    related_member = forms.ChoiceField(label="与之有亲属关系的委员会成员", required=False)
    relation = choice_field("亲属关系", RELATION_CHOICES, initial="none")
    id_number = text_field("身份证号码（可选，核查是否与成员同户）", 18, required=False)
    appointed_on = date_field("推选日期", initial=date.today)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related_member"].choices = [("", "无")] + [(str(m.pk), m.name) for m in members]


class AppraisalForm(KitForm):
    member = forms.ChoiceField(label="成员")
    year = year_field("评议年度", initial=lambda: date.today().year)
    result = choice_field("评议结果", list(AppraisalResult.choices))
    appraised_on = date_field("评议日期", initial=date.today)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(str(m.pk), m.name) for m in members]


class RoundForm(KitForm):
    round_year = year_field("换届年度", initial=lambda: date.today().year)
    election_on = date_field("选举日")


class RoundFilter(KitForm):
    year = year_field("换届年度", required=False)
    status = choice_field("状态", ANY + list(RoundStatus.choices), required=False)
    division_code = forms.CharField(label="区划", required=False, widget=forms.HiddenInput)


class VoterForm(KitForm):
    name = text_field("姓名", 50)
    category = choice_field("登记类别", VOTER_CATEGORIES)
    group_name = text_field("所在村民小组", 50, required=False)
    resided_since = date_field("在本村居住起始（第三类填写）", required=False)
    consented_on = date_field("村民会议同意日期（第三类填写）", required=False)


class PublishForm(KitForm):
    published_on = date_field("公布日期", initial=date.today)


class ObjectionForm(KitForm):
    filed_on = date_field("申诉日期", initial=date.today)
    complainant = text_field("申诉人", 50)
    matter = text_field("申诉事项", 300, area=True)


class AnswerForm(KitForm):
    objection = forms.ChoiceField(label="申诉")
    answered_on = date_field("处理日期", initial=date.today)
    upheld = choice_field("处理结果", [("1", "申诉成立，更正名单"), ("0", "申诉不成立")])
    answer = text_field("处理决定", 300, area=True)

    def __init__(self, *args, objections=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objection"].choices = [
            (str(o.pk), f"{o.complainant}（{o.filed_on}）") for o in objections
        ]


class CandidateForm(KitForm):
    name = text_field("姓名", 50)
    sex = choice_field("性别", SEX_CHOICES)
    post = choice_field("候选职务", list(MemberRole.choices))
    party_member = FlagField("中共党员")
    party_secretary = FlagField("党组织书记（一肩挑人选）")


class ResultsForm(KitForm):
    held_on = date_field("选举日期")
    ballots = int_field("参加投票人数")

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        for c in candidates:
            self.fields[f"votes_{c.pk}"] = int_field(
                f"{c.name}（{c.get_post_display()}）得票", required=False
            )

    def votes(self) -> dict[int, int]:
        return {
            int(name.removeprefix("votes_")): value or 0
            for name, value in self.cleaned_data.items()
            if name.startswith("votes_")
        }


class RecallForm(KitForm):
    member = forms.ChoiceField(label="被罢免成员")
    by_representatives = choice_field("联名方式", [("0", "有选举权的村民联名"), ("1", "村民代表联名")])
    signatures = int_field("联名人数")
    base = int_field("有选举权村民数（或村民代表数）")
    proposed_on = date_field("提出日期", initial=date.today)
    reason = text_field("罢免理由", 300, area=True)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [(str(m.pk), m.name) for m in members]


class RecallVoteForm(KitForm):
    registered = int_field("登记选民数")
    ballots = int_field("投票人数")
    yes_votes = int_field("赞成罢免票数")
    voted_on = date_field("表决日期", initial=date.today)


class MeetingForm(KitForm):
    kind = choice_field("会议类型", list(MeetingKind.choices))
    title = text_field("议题", 200)
    notified_on = date_field("通知日期")
    held_on = date_field("召开日期", initial=date.today)
    eligible = int_field("应到人数（十八周岁以上村民或代表）")
    present = int_field("实到人数")
    households_present = int_field("到会户代表数（村民会议）", required=False)
    minutes = text_field("会议记录", 4000, required=False, area=True)


class DecisionForm(KitForm):
    category = choice_field("事项类别（第二十四条）", DECISION_CATEGORIES)
    subject = text_field("决定事项", 300)
    yes_votes = int_field("赞成人数")


class DisclosurePlanForm(KitForm):
    category = choice_field("公开类别", list(DisclosureCategory.choices))
    period = text_field("公开期间或事项（如2026年第3季度）", 100)
    period_end = date_field("期末日或事项发生日")
    content = text_field("公开内容摘要", 500, required=False, area=True)


class DisclosurePublishForm(KitForm):
    published_on = date_field("公开日期", initial=date.today)
    channel = choice_field("公开方式", CHANNEL_CHOICES)
    content = text_field("公开内容摘要", 500, required=False, area=True)


class DisclosureFilter(KitForm):
    category = choice_field("公开类别", ANY + list(DisclosureCategory.choices), required=False)
    state = choice_field("状态", [*ANY, ("open", "未公开"), ("overdue", "已超期未公开")], required=False)
    division_code = forms.CharField(label="区划", required=False, widget=forms.HiddenInput)


class CentreForm(KitForm):
    name = text_field("设施名称", 100)
    area_m2 = decimal_field("建筑面积（平方米）", required=True, min_value=0, places=2, max_digits=9)
    rooms = int_field("功能用房间数", max_value=999)
    volunteer_station = FlagField("设有志愿服务站点")
    opened_on = date_field("投入使用日期")


class WorkerForm(KitForm):
    name = text_field("姓名", 50)
    sex = choice_field("性别", SEX_CHOICES)
    post = choice_field("岗位", WORKER_POSTS)
    grade = int_field("岗位等级", min_value=1, max_value=30)
    monthly_pay = money_field("月薪酬（元）")
    certificate = choice_field("社会工作职业资格", CERTIFICATES, required=False)
    started_on = date_field("入职日期")


class GridForm(KitForm):
    number = text_field("网格编号", 20)
    name = text_field("网格名称", 100)
    group = forms.ChoiceField(label="对应村民小组（农村网格）", required=False)

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", "无")] + [(str(g.pk), g.name) for g in groups]


class GridWorkerForm(KitForm):
    name = text_field("姓名", 50)
    role = choice_field("职责", GRID_ROLES)
    number = text_field("网格员编号", 20)
    phone = text_field("联系电话", 20, required=False)


class AttachForm(KitForm):
    limit = int_field("本次最多纳入户数", min_value=1, max_value=5000, initial=400)


class EventForm(KitForm):
    reported_by = forms.ChoiceField(label="报告人")
    reported_on = date_field("报告日期", initial=date.today)
    kind = choice_field("事件类型", list(EventKind.choices))
    description = text_field("情况描述", 500, area=True)
    household_number = text_field("涉及家庭户编号（可选）", 24, required=False)

    def __init__(self, *args, workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reported_by"].choices = [
            (str(w.pk), f"{w.name}（{w.get_role_display()}）") for w in workers
        ]


class ReferForm(KitForm):
    program_code = forms.ChoiceField(label="救助项目")

    def __init__(self, *args, programs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program_code"].choices = [(p.code, p.name) for p in programs]


class CloseEventForm(KitForm):
    closed_on = date_field("办结日期", initial=date.today)
    outcome = text_field("处置结果", 300, area=True)


class EventFilter(KitForm):
    status = choice_field("状态", ANY + list(EventStatus.choices), required=False)
    division_code = forms.CharField(label="区划", required=False, widget=forms.HiddenInput)


class AreaFilter(KitForm):
    division_code = forms.CharField(label="区划", required=False, widget=forms.HiddenInput)
