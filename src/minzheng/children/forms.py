"""Forms of the 儿童福利 pages (kit fields: Chinese, field-named errors); the services check policy again."""

from datetime import date
from decimal import Decimal

from django import forms

from minzheng.core.codes import DISABILITY_CATEGORIES
from minzheng.web.kit.forms import FlagField, KitForm, choice_field, date_field, int_field, text_field
from minzheng.web.kit.picker import PickerField

from .models import (
    PLAN_ITEMS,
    AdoptionCaseType,
    AllowanceKind,
    ChildCategory,
    ContactMethod,
    GuardianshipKind,
    InterventionKind,
    ParentCondition,
    ParentRole,
    PlacementType,
    ReportChannel,
    ReporterKind,
    RiskLevel,
    Situation,
    VisitMethod,
    WorkerRole,
)
from .rules import adoption as adoption_rules
from .rules.care import DISQUALIFICATIONS
from .rules.protection import LONG_TERM_GROUNDS, TEMPORARY_GROUNDS


class RecordForm(KitForm):
    person = PickerField("儿童", "person")
    registered_on = date_field("建档日期", initial=date.today)
    school = text_field("就读学校（幼儿园）", 100, required=False)


class FlagForm(KitForm):
    category = choice_field("儿童类别", ChildCategory.choices)
    valid_from = date_field("有效期起", initial=date.today)
    valid_to = date_field("有效期止（不填则到年龄上限）", required=False)
    evidence = text_field("认定依据（证明材料）", 300, area=True)


class EndForm(KitForm):
    ended_on = date_field("结束日期", initial=date.today)
    reason = text_field("原因", 100)


class ParentForm(KitForm):
    role = choice_field("父亲/母亲", ParentRole.choices)
    parent_name = text_field("姓名", 50, required=False)
    condition = choice_field("状况", ParentCondition.choices)
    since = date_field("起始日期（死亡、入狱、失联、外出等日期）", required=False)
    until = date_field("截止日期（刑期或强制措施期满、状况结束）", required=False)
    disability_grade = int_field("残疾等级（重残时填写 1–4）", min_value=1, max_value=4, required=False)
    disability_kind = choice_field(
        "残疾类别（重残时填写）", [("", "—"), *DISABILITY_CATEGORIES], required=False
    )
    evidence = text_field("证明材料（死亡证明、判决书、残疾证号、公安失联证明等）", 300, area=True)


class CareForm(KitForm):
    carer_name = text_field("被委托人姓名", 50)
    carer_relation = text_field("与儿童关系", 20)
    carer_birth_date = date_field("被委托人出生日期", required=False)
    carer_phone = text_field("被委托人电话", 20, required=False)
    started_on = date_field("委托起始日期", initial=date.today)
    agreement_signed_on = date_field("书面委托照护协议签订日期", required=False)
    school_notified_on = date_field("书面告知学校日期", required=False)
    committee_notified_on = date_field("书面告知村（居）委会日期", required=False)
    disqualifications = forms.MultipleChoiceField(
        label="被委托人存在的情形（未保法第二十二条，如有请勾选）",
        choices=list(DISQUALIFICATIONS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class ContactForm(KitForm):
    contacted_on = date_field("联系日期", initial=date.today)
    by_role = choice_field("联系人", ParentRole.choices)
    method = choice_field("联系方式", ContactMethod.choices)
    with_child = FlagField("与儿童交流", initial=True)
    with_carer = FlagField("与被委托人交流", initial=True)
    note = text_field("了解情况（生活、学习、心理）", 300, required=False)


class VisitForm(KitForm):
    visited_on = date_field("走访日期", initial=date.today)
    method = choice_field("走访方式", VisitMethod.choices)
    findings = text_field("走访情况（安全、监护、生活、学习、身心）", 500, area=True)
    needs_follow_up = FlagField("需跟进处置")
    follow_up = text_field("跟进需求", 300, required=False)


class ApplicationForm(KitForm):
    kind = choice_field("保障类别", AllowanceKind.choices)
    applicant_name = text_field("申请人（监护人或受委托的近亲属）", 50)
    applicant_relation = text_field("与儿童关系", 20)
    received_on = date_field("乡镇受理日期", initial=date.today)


class CheckForm(KitForm):
    eligible = choice_field("查验结论", [("yes", "符合，报县级民政部门确认"), ("no", "不符合")])
    checked_on = date_field("查验日期", initial=date.today)
    note = text_field("查验情况（部门信息比对结果等）", 300, area=True)


class ConfirmForm(KitForm):
    confirmed = choice_field("确认结果", [("yes", "确认纳入保障（次月起发放）"), ("no", "不予确认")])
    decided_on = date_field("确认日期", initial=date.today)
    note = text_field("意见（不予确认须书面说明理由）", 300, required=False)


class EndAllowanceForm(KitForm):
    last_month = date_field("最后发放月份（该月任一日）", initial=date.today)
    reason = text_field("终止原因", 100)


# --- 未成年人保护案件 ----------------------------------------------------------------------------------------


class ReportForm(KitForm):
    division_code = text_field("儿童所在区划（乡镇街道或村社区）", 12)
    child = PickerField("儿童（已在人口信息中的，可检索选择）", "person", required=False)
    child_description = text_field("儿童情况（姓名、性别、年龄、所在地点）", 200)
    situation = choice_field("情形", Situation.choices)
    description = text_field("报告内容", 1000, area=True)
    channel = choice_field("报告渠道", ReportChannel.choices)
    reporter_kind = choice_field("报告人类型", ReporterKind.choices)
    reporter_name = text_field("报告人（单位）", 100, required=False)
    reporter_contact = text_field("报告人联系方式", 50, required=False)


class PoliceForm(KitForm):
    referred_on = date_field("移送日期", initial=date.today)
    police_unit = text_field("接收公安机关", 100)


class PlacementForm(KitForm):
    kind = choice_field("监护类型", GuardianshipKind.choices)
    ground = forms.TypedChoiceField(
        label="法定情形（未保法第九十二条 / 第九十四条）",
        coerce=int,
        choices=[(n, f"临时监护（{n}）{text}") for n, text in TEMPORARY_GROUNDS.items()]
        + [(n, f"长期监护（{n}）{text}") for n, text in LONG_TERM_GROUNDS.items()],
    )
    placement = choice_field("安置方式", PlacementType.choices)
    institution_name = text_field("安置机构（家庭）", 100)
    institution_uscc = text_field("机构统一社会信用代码", 18, required=False)
    started_on = date_field("开始日期", initial=date.today)


class EndPlacementForm(KitForm):
    ended_on = date_field("结束日期", initial=date.today)
    end_note = text_field("结束情况（如经评估送回监护人）", 300)


class AssessForm(KitForm):
    assessed_on = date_field("评估日期", initial=date.today)
    participants = text_field("参与评估（乡镇、民政、公安人员）", 200)
    safety = text_field("安全状况", 300, area=True)
    guardianship = text_field("监护状况", 300, area=True)
    health = text_field("身心健康", 300, area=True)
    risk_level = choice_field("风险等级", RiskLevel.choices)


class PlanForm(KitForm):
    items = forms.MultipleChoiceField(
        label="帮扶措施", choices=list(PLAN_ITEMS.items()), widget=forms.CheckboxSelectMultiple
    )
    note = text_field("帮扶计划", 500, area=True)
    planned_on = date_field("计划日期", initial=date.today)


class InterventionForm(KitForm):
    kind = choice_field("干预措施", InterventionKind.choices)
    taken_on = date_field("日期", initial=date.today)
    note = text_field("情况（文书号、法院等）", 300)


class CloseForm(KitForm):
    closed_on = date_field("结案日期", initial=date.today)
    note = text_field("结案情况（未经评估的写明“报告不属实”）", 500, area=True)
    reporter_informed_on = date_field("告知报告人日期（匿名报告可不填）", required=False)
    reporter_result = text_field("告知报告人的处理结果", 300, required=False)


class ReviewForm(KitForm):
    reviewed_on = date_field("复核日期", initial=date.today)
    note = text_field("复核意见", 300)


class HandlerForm(KitForm):
    handler = forms.TypedChoiceField(label="承办人", coerce=int, choices=())

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = [("", "请选择")] + [(u.pk, u.display_name) for u in people]


# --- workforce ---------------------------------------------------------------------------------------------


class StationForm(KitForm):
    division_code = text_field("乡镇（街道）", 12)
    name = text_field("工作站名称", 100)
    opened_on = date_field("建成日期", initial=date.today)
    staff_count = int_field("专职工作人员数", min_value=1, max_value=100)
    staff_note = text_field("工作人员（姓名、专兼职）", 200, required=False)


class WorkerForm(KitForm):
    role = choice_field("岗位", WorkerRole.choices)
    division_code = text_field("所在乡镇（街道）或村（居）", 12)
    name = text_field("姓名", 50)
    phone = text_field("联系电话", 20, required=False)
    background = text_field("身份（村居委委员、大学生村官、社会工作者等）", 50, required=False)
    appointed_on = date_field("任职日期", initial=date.today)


class TrainingForm(KitForm):
    trained_on = date_field("培训日期", initial=date.today)
    hours = forms.DecimalField(
        label="学时", min_value=Decimal("0.5"), max_value=200, max_digits=5, decimal_places=1
    )
    topic = text_field("培训内容", 100)


# --- 收养登记 ----------------------------------------------------------------------------------------------

_ALL_DOCUMENTS = list(dict.fromkeys(d for docs in adoption_rules.DOCUMENTS.values() for d in docs))


class AdoptionForm(KitForm):
    case_type = choice_field("收养类型（中国公民收养子女登记办法第四条）", AdoptionCaseType.choices)
    child = PickerField("被收养人", "person")
    adopter = PickerField("收养人", "person")
    adopter_married = FlagField("收养人有配偶（有配偶者应夫妻共同收养）")
    adopter_spouse = PickerField("收养人配偶（共同收养）", "person", required=False)
    adopter_children = int_field("收养人已有子女数（含已收养）", min_value=0, max_value=20, initial=0)
    giver = text_field("送养人（生父母、监护人或社会福利机构）", 100)
    child_consents = choice_field(
        "被收养人意见（八周岁以上须征得同意）",
        [("", "不满八周岁"), ("yes", "同意"), ("no", "不同意")],
        required=False,
    )
    documents = forms.MultipleChoiceField(
        label="已交材料", choices=[(d, d) for d in _ALL_DOCUMENTS], widget=forms.CheckboxSelectMultiple
    )
    received_on = date_field("受理日期", initial=date.today)


class EvaluationStartForm(KitForm):
    evaluators = text_field("评估人员（2名以上，以顿号分隔）", 200)
    started_on = date_field("评估开始日期", initial=date.today)


class EvaluationExtendForm(KitForm):
    reason = text_field("延期理由", 200)


class EvaluationForm(KitForm):
    evaluated_on = date_field("评估完成日期", initial=date.today)
    score = int_field("评估得分", min_value=0, max_value=100, required=False)
    passed = choice_field("评估结论", [("yes", "合格"), ("no", "不合格")])
    note = text_field("评估报告摘要", 300, area=True)


class NoticeForm(KitForm):
    started_on = date_field("公告日期", initial=date.today)


class NoticeEndForm(KitForm):
    claimed = choice_field("公告结果", [("no", "期满无人认领"), ("yes", "生父母或其他监护人已认领")])
    on = date_field("日期", initial=date.today)


class AdoptionDecisionForm(KitForm):
    register = choice_field("审查结果", [("yes", "准予登记，发给收养登记证"), ("no", "不予登记")])
    decided_on = date_field("日期", initial=date.today)
    note = text_field("审查意见（不予登记须写明理由）", 300, required=False)


class DissolveForm(KitForm):
    dissolved_on = date_field("解除日期", initial=date.today)
    reason = text_field("解除原因（协议解除、判决解除等）", 200)


class InstitutionForm(KitForm):
    division_code = text_field("县（市、区）区划代码", 12)
    name = text_field("机构名称（未成年人救助保护中心等）", 100)
    transformed_on = date_field("转型（挂牌）日期", initial=date.today)
    basis = text_field("依据（编办批复、挂牌文件等）", 200)
