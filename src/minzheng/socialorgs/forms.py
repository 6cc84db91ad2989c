"""Forms of the 社会组织 pages (KitForm: Chinese, field-named errors); the services check policy again."""

from datetime import date

from django import forms

from minzheng.web.kit.forms import (
    FlagField,
    KitForm,
    choice_field,
    date_field,
    int_field,
    money_field,
    text_field,
    year_field,
)

from .models import (
    ApplicationKind,
    ApplicationStatus,
    OrgStatus,
    RatingStatus,
    StationServiceKind,
    WorkerLevel,
)
from .models.choices import FORM_CHOICES, KIND_CHOICES, LIST_CHOICES, REASON_CHOICES, RESULT_CHOICES

ANY = [("", "全部")]


class ParticularsForm(KitForm):
    """登记事项 (社团 第十二条, 民非 第十二条, 基金会 第十一条)."""

    name = text_field("名称", 100)
    address = text_field("住所", 200)
    purpose = text_field("宗旨", 500, area=True)
    business_scope = text_field("业务范围", 500, area=True)
    activity_area = text_field("活动地域", 100)
    legal_rep_name = text_field("法定代表人（负责人）", 50)
    legal_rep_id_number = text_field("法定代表人身份证号码", 18)
    funds = money_field("注册资金（活动资金/开办资金/原始基金，元）")
    funds_in_cash = FlagField("原始基金为到账货币资金（基金会）", initial=True)
    supervisor = text_field("业务主管单位", 100)
    supervisor_approved_on = date_field("业务主管单位审查同意日期")
    individual_members = int_field("个人会员数", required=False)
    unit_members = int_field("单位会员数", required=False)
    full_time_staff = int_field("专职工作人员数", required=False)
    received_on = date_field("收到全部有效文件日期", initial=date.today)


class EstablishForm(ParticularsForm):
    org_kind = choice_field("组织类型", KIND_CHOICES)
    org_form = choice_field("登记形式", FORM_CHOICES)
    field_order = ["org_kind", "org_form"]


class ChangeForm(ParticularsForm):
    # never prefilled: the number is shown masked; left empty, the registered one is kept
    legal_rep_id_number = text_field("法定代表人身份证号码（不变更的留空）", 18, required=False)
    reason = text_field("变更事由", 300)


class DeregisterForm(KitForm):
    liquidated_on = date_field("清算结束日期")
    received_on = date_field("收到全部有效文件日期", initial=date.today)
    reason = text_field("注销事由", 300)


class DecideForm(KitForm):
    approve = choice_field("决定", [("1", "准予登记"), ("0", "不予登记")])
    decided_on = date_field("决定日期", initial=date.today)
    note = text_field("决定意见（不予登记须说明理由）", 500, required=False, area=True)


class OrganisationFilter(KitForm):
    q = text_field("名称或统一社会信用代码", 100, required=False)
    kind = choice_field("类型", ANY + KIND_CHOICES, required=False)
    status = choice_field("状态", ANY + list(OrgStatus.choices), required=False)
    division_code = forms.CharField(label="登记管理机关区划", required=False, widget=forms.HiddenInput)


class ApplicationFilter(KitForm):
    kind = choice_field("申请类别", ANY + list(ApplicationKind.choices), required=False)
    status = choice_field("状态", ANY + list(ApplicationStatus.choices), required=False)


class ReportForm(KitForm):
    year = year_field("年度")
    supervisor_submitted_on = date_field("报送业务主管单位日期", required=False)
    registry_submitted_on = date_field("报送登记管理机关日期", initial=date.today)
    total_income = money_field("本年总收入（元）")
    previous_year_income = money_field("上年总收入（元）", required=False)
    charitable_spending = money_field("公益事业/慈善活动支出（元）")
    management_fees = money_field("管理费用（元）")
    total_spending = money_field("本年总支出（元）")
    net_assets = money_field("年末净资产（元）", required=False)
    full_time_staff = int_field("专职工作人员数")


class ReportResultForm(KitForm):
    result = choice_field("年检结论", RESULT_CHOICES)
    decided_on = date_field("结论日期", initial=date.today)
    note = text_field("结论意见", 500, required=False, area=True)


class RectifiedForm(KitForm):
    rectified_on = date_field("整改完成日期", initial=date.today)


class ReportFilter(KitForm):
    year = year_field("年度", required=False)
    result = choice_field("年检结论", ANY + RESULT_CHOICES + [("none", "未出结论")], required=False)


class RevocationDecisionForm(KitForm):
    revoke = choice_field("决定", [("1", "撤销登记"), ("0", "不予撤销")])
    decided_on = date_field("决定日期", initial=date.today)
    note = text_field("决定意见", 500, area=True)


class ProposeListingForm(KitForm):
    reason = choice_field("列入事由", REASON_CHOICES)
    basis = text_field("依据/文书（如处罚决定书文号、挂号信回执）", 300)
    established_on = date_field("事实认定日期", initial=date.today)


class ListingDecisionForm(KitForm):
    listed = choice_field("决定", [("1", "列入"), ("0", "不予列入")])
    decided_on = date_field("决定日期", initial=date.today)
    note = text_field("意见", 300, required=False)


class FixGroundForm(KitForm):
    ground = forms.IntegerField(label="事由", widget=forms.HiddenInput)
    fixed_on = date_field("核实履行义务日期", initial=date.today)
    note = text_field("整改情况", 300)


class RemoveListingForm(KitForm):
    removed_on = date_field("移出日期", initial=date.today)
    reason = text_field("移出理由", 300)


class ListingFilter(KitForm):
    list_kind = choice_field("名录", ANY + LIST_CHOICES, required=False)
    status = choice_field(
        "状态",
        [
            *ANY,
            ("proposed", "待列入"),
            ("listed", "在列"),
            ("removed", "已移出"),
            ("escalated", "已转入严重违法失信名单"),
        ],
        required=False,
    )


class PublicQueryForm(KitForm):
    q = text_field("社会组织名称或统一社会信用代码", 100, required=False)


class RatingApplyForm(KitForm):
    applied_on = date_field("申请日期", initial=date.today)


class RatingScoreForm(KitForm):
    score = int_field("评估得分（千分制）", max_value=1000)
    scored_on = date_field("评分日期", initial=date.today)


class RatingObjectionForm(KitForm):
    objection = text_field("异议内容", 500, area=True)
    objected_on = date_field("提出异议日期", initial=date.today)


class RatingAnswerForm(KitForm):
    answer = text_field("复核意见", 500, area=True)
    new_score = int_field("复核后得分（不变的留空）", max_value=1000, required=False)
    answered_on = date_field("答复日期", initial=date.today)


class RatingConfirmForm(KitForm):
    confirmed_on = date_field("确认日期", initial=date.today)


class RatingChangeForm(KitForm):
    new_level = choice_field(
        "处理", [("0", "取消等级"), ("4", "降为4A"), ("3", "降为3A"), ("2", "降为2A"), ("1", "降为1A")]
    )
    changed_on = date_field("决定日期", initial=date.today)
    reason = text_field("事由（第三十条）", 300)


class PlaqueForm(KitForm):
    returned_on = date_field("退回日期", initial=date.today)


class RatingFilter(KitForm):
    status = choice_field("状态", ANY + list(RatingStatus.choices), required=False)


# --- 慈善 ------------------------------------------------------------------------------------------------
class CharityApplyForm(KitForm):
    matter = choice_field("申请事项", [("recognition", "认定为慈善组织"), ("fundraising", "公开募捐资格")])
    received_on = date_field("受理日期（收到全部有效材料）", initial=date.today)


class CharityDecideForm(KitForm):
    approve = choice_field("决定", [("1", "准予"), ("0", "不予")])
    decided_on = date_field("决定日期", initial=date.today)
    note = text_field("决定意见（不予的须书面说明理由）", 500, required=False, area=True)


class CharityFilter(KitForm):
    matter = choice_field(
        "申请事项", [*ANY, ("recognition", "认定为慈善组织"), ("fundraising", "公开募捐资格")], required=False
    )
    status = choice_field(
        "状态",
        [*ANY, ("received", "已受理待决定"), ("approved", "准予"), ("rejected", "不予")],
        required=False,
    )


class PlanForm(KitForm):
    """募捐方案 (《慈善法》第二十四条, 办法第十条)."""

    title = text_field("公开募捐活动名称", 100)
    purpose = text_field("募捐目的", 500, area=True)
    area = text_field("募捐地域", 100)
    person_in_charge = text_field("活动负责人", 50)
    bank_account = text_field("银行账户", 40)
    expected_amount = money_field("预期募集款物数额（元）")
    beneficiaries = text_field("受益人范围", 300)
    use = text_field("募得款物用途", 500, area=True)
    starts_on = date_field("开始日期")
    ends_on = date_field("结束日期")
    emergency = FlagField("为应对重大突发事件（活动开始后十日内补办备案）")
    filed_on = date_field("备案日期", initial=date.today)


class PlanFilter(KitForm):
    q = text_field("活动名称或组织名称", 100, required=False)


class DisclosureForm(KitForm):
    disclosed_on = date_field("公开日期", initial=date.today)
    amount_raised = money_field("累计募得款物（元）", required=False)
    summary = text_field("公开内容摘要", 500, area=True)


class TrustForm(KitForm):
    kind = choice_field("备案类别", [("establish", "设立备案"), ("change_trustee", "变更受托人重新备案")])
    trust_name = text_field("慈善信托名称", 100)
    trustee = text_field("受托人", 100)
    settlor = text_field("委托人", 200)
    supervisor = text_field("信托监察人", 100, required=False)
    purpose = text_field("信托目的", 500, area=True)
    property_amount = money_field("信托财产（元）")
    signed_on = date_field("信托文件签订（受托人变更）日期")
    filed_on = date_field("备案日期", initial=date.today)


class CharityPublicForm(KitForm):
    q = text_field("慈善组织名称或统一社会信用代码", 100, required=False)


# --- 志愿服务 ------------------------------------------------------------------------------------------------
GENDER_CHOICES = [("1", "男"), ("2", "女")]


class VolunteerForm(KitForm):
    """办法第五条 basic information."""

    name = text_field("姓名", 50)
    gender = choice_field("性别", GENDER_CHOICES)
    id_number = text_field("身份证件号码", 18)
    division_code = choice_field("居住区域", [])
    phone = text_field("联系方式", 20)
    skills = text_field("专业技能", 200, required=False)
    categories = text_field("服务类别", 200, required=False)

    def __init__(self, *args, divisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division_code"].choices = list(divisions)


class VolunteerFilter(KitForm):
    q = text_field("姓名或身份证件号码", 50, required=False)


class ActivityForm(KitForm):
    organiser = text_field("活动组织单位", 100)
    name = text_field("活动名称", 100)
    starts_on = date_field("开始日期")
    ends_on = date_field("结束日期")
    place = text_field("活动地点", 200)
    content = text_field("服务内容", 500, area=True)
    person_in_charge = text_field("活动负责人", 50)
    station = choice_field("志愿服务站点", [], required=False)

    def __init__(self, *args, stations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].choices = [("", "无"), *stations]


class ServiceRecordForm(KitForm):
    id_number = text_field("志愿者身份证件号码", 18)
    hours = forms.DecimalField(label="服务时长（小时）", max_digits=6, decimal_places=1, min_value=0)
    evaluation = text_field("服务评价", 200, required=False)
    recorded_on = date_field("记录日期", initial=date.today)


class CorrectionForm(KitForm):
    record = forms.IntegerField(label="服务记录", widget=forms.HiddenInput)
    requested_on = date_field("申请日期", initial=date.today)
    requested_hours = forms.DecimalField(
        label="申请更正为（小时）", max_digits=6, decimal_places=1, min_value=0
    )
    reason = text_field("更正理由", 300)


class CorrectionAnswerForm(KitForm):
    correction = forms.IntegerField(label="更正申请", widget=forms.HiddenInput)
    accept = choice_field("处理", [("1", "予以更正"), ("0", "不予更正")])
    answered_on = date_field("处理日期", initial=date.today)
    answer = text_field("处理意见（不予更正须说明理由）", 300, required=False)


class CertificateForm(KitForm):
    issued_on = date_field("出具日期", initial=date.today)


class StationForm(KitForm):
    division_code = text_field("所在村（社区）区划代码（12位）", 12)
    name = text_field("站点名称", 100)
    facility = text_field("依托的社区综合服务设施", 100)
    opened_on = date_field("设立日期", initial=date.today)


class CertificateCheckForm(KitForm):
    code = text_field("证明编号", 30, required=False)


# --- 执法 ------------------------------------------------------------------------------------------------------
class DrawForm(KitForm):
    title = text_field("抽查名称", 100)
    drawn_on = date_field("抽取日期", initial=date.today)
    share_percent = int_field("抽查比例（%）")
    team_size = int_field("每组检查人员数")
    seed = int_field("随机种子（公开）")


class InspectionResultForm(KitForm):
    inspection = forms.IntegerField(label="检查记录", widget=forms.HiddenInput)
    inspected_on = date_field("检查日期", initial=date.today)
    problems = FlagField("发现问题")
    findings = text_field("检查结果", 500, area=True)


class PenaltyForm(KitForm):
    kind = choice_field("处罚种类", [("warning", "警告"), ("fine", "罚款"), ("stop", "限期停止活动")])
    amount = money_field("罚款金额（元）", required=False)
    stop_until = date_field("停止活动至", required=False)
    facts = text_field("违法事实", 500, area=True)
    basis = text_field("处罚依据", 300)
    opened_on = date_field("立案日期", initial=date.today)


class PenaltyDecideForm(KitForm):
    penalise = choice_field("决定", [("1", "作出处罚决定"), ("0", "不予处罚")])
    decided_on = date_field("决定日期", initial=date.today)
    decision_number = text_field("处罚决定书文号", 60, required=False)
    note = text_field("决定意见（不予处罚须说明理由）", 500, required=False, area=True)


# --- 社会工作 ------------------------------------------------------------------------------------------------
class SocialWorkStationForm(KitForm):
    division_code = choice_field("所在乡镇（街道）", [])
    name = text_field("站点名称", 100)
    operator = text_field("承接机构（政府购买服务）", 100)
    opened_on = date_field("设立日期", initial=date.today)

    def __init__(self, *args, townships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division_code"].choices = list(townships)


class StationCheckForm(KitForm):
    """“六有” (丹东市十四五规划: 有场地、有设备、有人员、有服务功能、有工作流程、有规章制度)."""

    checked_on = date_field("核查日期", initial=date.today)
    has_site = FlagField("有场地")
    has_equipment = FlagField("有设备")
    has_staff = FlagField("有人员")
    has_services = FlagField("有服务功能")
    has_workflow = FlagField("有工作流程")
    has_rules = FlagField("有规章制度")
    note = text_field("核查说明（有缺项时必填）", 300, required=False)


class StationServiceForm(KitForm):
    served_on = date_field("服务日期", initial=date.today)
    kind = choice_field("服务类型", StationServiceKind.choices)
    persons = int_field("服务人次", min_value=1, max_value=100000)
    note = text_field("服务内容", 300)


class StationCloseForm(KitForm):
    closed_on = date_field("撤销日期", initial=date.today)


class SocialWorkerForm(KitForm):
    division_code = choice_field("工作所在区划", [])
    name = text_field("姓名", 50)
    id_number = text_field("身份证件号码", 18)
    level = choice_field("职业水平", WorkerLevel.choices)
    certificate_no = text_field("证书编号", 40)
    certified_on = date_field("取得证书日期")
    employer = text_field("工作单位", 100)
    joined_on = date_field("入职日期")
    station = choice_field("所在社工站", [], required=False)

    def __init__(self, *args, divisions=(), stations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["division_code"].choices = list(divisions)
        self.fields["station"].choices = [("", "无"), *stations]


class SocialWorkerFilter(KitForm):
    q = text_field("姓名或身份证件号码", 50, required=False)
    level = choice_field("职业水平", ANY + WorkerLevel.choices, required=False)


class WorkerLeftForm(KitForm):
    left_on = date_field("离职日期", initial=date.today)
