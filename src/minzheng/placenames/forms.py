"""Forms of the 区划地名 pages (KitForm: Chinese, field-named errors); the services check the rules again."""

from datetime import date

from minzheng.core.models import DivisionChangeKind
from minzheng.web.kit.forms import (
    FlagField,
    KitForm,
    choice_field,
    date_field,
    decimal_field,
    text_field,
)

from .models import ApplicationStatus, MarkerCondition, NameStatus, RepairKind
from .models.choices import CATEGORY_CHOICES

ANY = [("", "全部")]
LEVELS = [("0", "不适用（非行政区划）"), ("3", "县级及以上行政区划"), ("4", "乡级行政区划（乡镇、街道）")]


class NameFilter(KitForm):
    q = text_field("名称或拼音", 50, required=False)
    category = choice_field("类别", ANY + CATEGORY_CHOICES, required=False)
    status = choice_field("状态", ANY + NameStatus.choices, required=False)
    protected = FlagField("仅地名保护名录")


class ApplicationFilter(KitForm):
    status = choice_field("状态", ANY + ApplicationStatus.choices, required=False)


class ProposeForm(KitForm):
    specific = text_field("拟用专名", 50)
    generic = text_field("通名（如 路、街、小区、村）", 20)
    category = choice_field("类别（第三条）", CATEGORY_CHOICES)
    division_level = choice_field("所命名行政区划的层级", LEVELS, initial="0")
    division_code = text_field("所属政区（不选即本级）", 12, required=False)
    built_up_area = text_field("所在建成区（街路巷、住宅区填写）", 50, required=False)
    location_text = text_field("位置描述（起止点、四至）", 300)
    reasons = text_field("申请理由", 1000, area=True)
    meaning = text_field("含义", 500, required=False)
    applicant = text_field("申请人", 100)
    assessment_report = text_field("综合评估（风险评估）报告", 200)
    expert_report = text_field("专家论证报告", 200)
    consultation_report = text_field("征求意见报告", 200)
    received_on = date_field("受理日期", initial=date.today)
    override_reason = text_field(
        "仍予申报的理由（检查提示重名、同音或禁用词时填写）", 500, required=False, area=True
    )


class RenameForm(ProposeForm):
    def __init__(self, *args, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("category", "division_level", "division_code", "built_up_area"):
            self.fields.pop(name)


class DecideForm(KitForm):
    approve = choice_field("决定", [("1", "批准"), ("0", "不予批准")])
    decided_on = date_field("决定日期", initial=date.today)
    approved_by = text_field("批准机关", 100, required=False)
    approval_document = text_field("批准文号", 100, required=False)
    note = text_field("审批意见", 500, area=True)


class DatedForm(KitForm):
    on = date_field("日期", initial=date.today)


class ProtectForm(KitForm):
    protected = choice_field("地名保护名录", [("1", "列入"), ("0", "移出")])
    note = text_field("说明（历史文化价值、保护措施）", 300)


class AbolishForm(KitForm):
    on = date_field("废止日期", initial=date.today)
    reason = text_field("废止理由", 200)


class AddressForm(KitForm):
    house_number = text_field("门牌号", 20)
    building = text_field("楼栋", 20, required=False)
    unit = text_field("单元", 20, required=False)
    room = text_field("户室", 20, required=False)


class PublicSearchForm(KitForm):
    q = text_field("地名或拼音", 50, required=False)


class ChangeForm(KitForm):
    kind = choice_field("变更类型", DivisionChangeKind.choices)
    title = text_field("事项", 200)
    approved_by = text_field("批准机关", 100)
    approval_document = text_field("批准文件", 200, required=False)
    approved_on = date_field("批准日期")
    effective_on = date_field("生效日期")
    predecessor_code = text_field("原区划代码（合并时多个以逗号分隔）", 200)
    predecessor_name = text_field("原名称（与代码一一对应，逗号分隔）", 300)
    successor_code = text_field("新区划代码（拆分时多个以逗号分隔；撤销留空）", 200, required=False)
    successor_name = text_field("新名称（与代码一一对应，逗号分隔）", 300, required=False)
    source = text_field("资料来源", 500, required=False)


class ProgressForm(KitForm):
    implemented_on = date_field("实施完成日期", required=False)
    code_published_on = date_field("新区划代码公布日期", required=False)
    extension_granted = FlagField("已批准延期实施（+6个月）")


class MarkerForm(KitForm):
    number = text_field("界桩编号（8位）", 8)
    longitude = decimal_field("经度", required=True, places=6)
    latitude = decimal_field("纬度", required=True, places=6)
    responsible_code = choice_field("维护方", [])
    material = text_field("材质", 50, required=False)
    installed_on = date_field("埋设日期", required=False)

    def __init__(self, *args, line=None, sides=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_code"].choices = sides or []


class InspectionForm(KitForm):
    inspected_on = date_field("巡查日期", initial=date.today)
    condition = choice_field("现状", MarkerCondition.choices)
    inspector = text_field("巡查人", 50)
    photo_reference = text_field("照片编号", 100, required=False)
    note = text_field("说明", 300, required=False)


class RepairForm(KitForm):
    kind = choice_field("类型", RepairKind.choices)
    done_on = date_field("日期", initial=date.today)
    neighbour_present = FlagField("相邻方人员在场")
    neighbour_people = text_field("相邻方在场人员", 100)
    agreement_reference = text_field("协议文号（移动、增设）", 100, required=False)
    filing_reference = text_field("备案文号（移动、增设）", 100, required=False)
    note = text_field("说明", 300, required=False)


class JointInspectionForm(KitForm):
    inspected_on = date_field("检查日期", initial=date.today)
    participants = text_field("参加单位", 300)
    findings = text_field("检查结果", 1000, area=True)
    filed_on = date_field("备案日期", required=False)


class DisputeForm(KitForm):
    opened_on = date_field("发生日期", initial=date.today)
    description = text_field("争议情况", 1000, area=True)
    emergency_measures = text_field("应急处置措施", 1000, area=True)


class SettleForm(KitForm):
    settled_on = date_field("解决日期", initial=date.today)
    settlement = text_field("解决结果", 500)
