"""Forms of the 养老服务 pages: field checks with Chinese messages; the services check policy again."""

from datetime import date

from django import forms

from minzheng.web.kit.forms import FlagField, KitForm
from minzheng.web.kit.picker import PickerField

from .models import (
    AssessmentReason,
    BedKind,
    CareGrade,
    CreditKind,
    DischargeReason,
    FacilityKind,
    FacilityService,
    FireSafety,
    FundingKind,
    HardshipCategory,
    HazardCategory,
    HazardSeverity,
    IncidentKind,
    MedicalCare,
    Nature,
    ProviderStatus,
    RetrofitItem,
    StaffRole,
    VisitMethod,
)
from .rules.assessment import ITEMS

_DATE = {"required": "请填写日期", "invalid": "请输入有效日期，如 2026-01-31"}
_MONEY = {
    "required": "请填写金额",
    "invalid": "请输入有效金额，如 3000 或 3000.50",
    "min_value": "金额不能为负数",
}


def _date(label: str, required: bool = True, initial=None) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        initial=initial,
        error_messages=_DATE,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _money(label: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=0, max_digits=10, decimal_places=2, error_messages=_MONEY
    )


def _int(
    label: str, min_value: int = 0, max_value: int = 100000, required: bool = True
) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=min_value,
        max_value=max_value,
        required=required,
        error_messages={
            "required": f"请填写{label}",
            "invalid": f"{label}须为整数",
            "min_value": f"{label}不能小于{min_value}",
            "max_value": f"{label}不能大于{max_value}",
        },
    )


def _text(label: str, max_length: int, required: bool = True, area: bool = False) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": 3, "cols": 60}) if area else None
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        widget=widget,
        error_messages={"required": f"请填写{label}", "max_length": f"{label}不能超过{max_length}个字"},
    )


def _choice(label: str, choices) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, error_messages={"required": f"请选择{label}"})


def _multi(label: str, choices) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": f"请至少选择一项{label}"},
    )


def PersonField(label: str = "老年人") -> PickerField:
    """A person chosen by name or ID fragment in a picker (kit ``PickerField``), checked in the user's
    jurisdiction by the field itself; the form needs ``user=``. (The API still takes the full 公民身份号码.)"""
    return PickerField(label, "person")


class InstitutionForm(KitForm):
    name = _text("机构名称", 100)
    filing_number = _text("备案编号", 50, required=False)
    filed_on = _date("备案日期", required=False)
    nature = _choice("机构性质", Nature.choices)
    operator_name = _text("运营主体名称", 100)
    operator_uscc = _text("统一社会信用代码", 18)
    division_code = forms.CharField(label="所在区划", max_length=12, required=False)
    address = _text("地址", 200)
    phone = _text("联系电话", 30, required=False)
    beds_total = _int("床位总数")
    nursing_beds = _int("护理型床位数")
    medical_care = _choice("医养结合", MedicalCare.choices)
    fire_safety = _choice("消防安全状况", FireSafety.choices)
    comprehensive_function = forms.BooleanField(label="具备综合功能（同时提供居家社区服务）", required=False)
    status = _choice("状态", ProviderStatus.choices)
    opened_on = _date("开业日期", required=False)
    closed_on = _date("停办日期", required=False)


class FacilityForm(KitForm):
    name = _text("设施名称", 100)
    kind = _choice("设施类型", FacilityKind.choices)
    division_code = forms.CharField(label="所在区划", max_length=12, required=False)
    address = _text("地址", 200)
    operator_name = _text("运营主体", 100, required=False)
    operator_uscc = _text("运营主体统一社会信用代码", 18, required=False)
    services = _multi("服务项目", FacilityService.choices)
    beds = _int("托养床位", required=False)
    area_sqm = _int("建筑面积（平方米）", required=False)
    opened_on = _date("启用日期", required=False)


class StaffForm(KitForm):
    name = _text("姓名", 50)
    role = _choice("岗位", StaffRole.choices)
    certificate = _text("职业资格/证书", 50, required=False)
    hired_on = _date("入职日期")


class AdmitForm(KitForm):
    person = PersonField("入住老人")
    admitted_on = _date("入住日期", initial=date.today)
    bed_kind = _choice("床位类型", BedKind.choices)
    room = _text("房间/床号", 30, required=False)
    care_grade = _choice("护理等级", CareGrade.choices)
    funding = _choice("入住类型", FundingKind.choices)
    monthly_fee = _money("月收费（元）")


class DischargeForm(KitForm):
    discharged_on = _date("离院日期", initial=date.today)
    reason = _choice("离院原因", [c for c in DischargeReason.choices if c[0] != DischargeReason.TRANSFER])


class TransferForm(KitForm):
    to_institution = forms.TypedChoiceField(
        label="转入机构", coerce=int, choices=(), error_messages={"required": "请选择转入机构"}
    )
    on = _date("转院日期", initial=date.today)
    bed_kind = _choice("床位类型", BedKind.choices)
    care_grade = _choice("护理等级", CareGrade.choices)
    monthly_fee = _money("月收费（元）")

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_institution"].choices = [("", "请选择")] + [(i.pk, i.name) for i in institutions]


class HomeBedForm(KitForm):
    person = PersonField()
    institution = forms.TypedChoiceField(
        label="服务机构", coerce=int, choices=(), error_messages={"required": "请选择服务机构"}
    )
    address = _text("床位地址", 200, required=False)
    services = _multi("服务项目", FacilityService.choices)
    started_on = _date("建床日期", initial=date.today)

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].choices = [("", "请选择")] + [(i.pk, i.name) for i in institutions]


class EndForm(KitForm):
    ended_on = _date("日期", initial=date.today)
    reason = _text("原因", 100, required=False)


class AssessmentHeaderForm(KitForm):
    """The header of the assessment form; the 26 item scores are read from ``item_<code>`` radio groups."""

    person = PersonField()
    assessed_on = _date("评估日期", initial=date.today)
    reason = _choice("评估原因", AssessmentReason.choices)
    assessors = _text("评估员（至少2名，用顿号分隔）", 100)
    agency = _text("评估机构", 100, required=False)


class ElderForm(KitForm):
    person = PersonField()
    categories = _multi("困难类型", HardshipCategory.choices)
    is_tekun = forms.BooleanField(label="特困供养人员", required=False)
    assigned_to = forms.TypedChoiceField(
        label="探访责任人", coerce=int, required=False, choices=(), empty_value=None
    )
    contact_name = _text("紧急联系人", 50, required=False)
    contact_phone = _text("紧急联系人电话", 20, required=False)
    registered_on = _date("登记日期", initial=date.today)

    def __init__(self, *args, visitors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].choices = [("", "暂不指定")] + [(u.pk, u.display_name) for u in visitors]


class AssignForm(KitForm):
    assigned_to = forms.TypedChoiceField(
        label="探访责任人", coerce=int, choices=(), error_messages={"required": "请选择探访责任人"}
    )

    def __init__(self, *args, visitors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].choices = [("", "请选择")] + [(u.pk, u.display_name) for u in visitors]


class VisitForm(KitForm):
    visited_on = _date("探访日期", initial=date.today)
    method = _choice("探访方式", VisitMethod.choices)
    findings = _text("探访情况（安全、健康、生活）", 500, area=True)
    needs_follow_up = forms.BooleanField(label="需跟进处置", required=False)
    follow_up = _text("跟进需求", 300, required=False)


class RoundForm(KitForm):
    title = _text("抽查名称", 100)
    planned_on = _date("抽取日期", initial=date.today)
    share_percent = _int("抽查比例（%）", 1, 100)
    team_size = _int("每组检查人员数", 1, 10)
    seed = _int("随机种子（公开，如当日日期 20260315）", 0, 2**62)


class CompleteInspectionForm(KitForm):
    inspected_on = _date("检查日期", initial=date.today)
    conclusion = _text("检查结论（公开）", 500, area=True)


class HazardForm(KitForm):
    category = _choice("隐患类别", HazardCategory.choices)
    severity = _choice("隐患等级", HazardSeverity.choices)
    description = _text("隐患描述", 500, area=True)
    evidence = _text("检查证据（照片编号、笔录等）", 300)
    found_on = _date("发现日期", initial=date.today)
    working_days = _int("整改期限（工作日，空为按参数）", 1, 365, required=False)


class RectifyForm(KitForm):
    rectified_on = _date("整改完成日期", initial=date.today)
    note = _text("整改情况", 500, area=True)
    evidence = _text("整改证明材料（照片编号、文件）", 300)


class RecheckForm(KitForm):
    passed = forms.TypedChoiceField(
        label="复查结论",
        coerce=lambda v: v == "1",
        choices=[("1", "合格，予以销号"), ("0", "不合格，继续整改")],
    )
    on = _date("复查日期", initial=date.today)
    note = _text("复查意见", 500, area=True)


class RatingForm(KitForm):
    grade = forms.TypedChoiceField(
        label="等级", coerce=int, choices=[(n, f"{n}级（{'★' * n}）") for n in range(1, 6)]
    )
    score = forms.DecimalField(label="评定得分", required=False, max_digits=6, decimal_places=1, min_value=0)
    rated_on = _date("评定日期", initial=date.today)
    valid_until = _date("有效期至")
    rated_by = _text("评定机构", 100)
    certificate_number = _text("证书编号", 50, required=False)


class CreditForm(KitForm):
    kind = _choice("信息类型", CreditKind.choices)
    reason = _text("事由", 300, area=True)
    basis = _text("依据（文书、文号）", 200)
    recorded_on = _date("认定日期", initial=date.today)
    blacklist_months = _int("列入失信名单期限（月，0为不列入）", 0, 60, required=False)


class IncidentForm(KitForm):
    kind = _choice("事件类型", IncidentKind.choices)
    occurred_on = _date("发生日期", initial=date.today)
    persons_affected = _int("涉及人数", 0, 1000)
    deaths = _int("死亡人数", 0, 1000)
    description = _text("事件经过", 1000, area=True)
    evidence = _text("证据材料", 300, required=False)


class HandleIncidentForm(KitForm):
    handling = _text("处置情况", 1000, area=True)
    close = forms.BooleanField(label="办结", required=False)
    on = _date("日期", initial=date.today)


class RetrofitApplyForm(KitForm):
    person = PersonField()
    year = _int("计划年度", 2020, 2035)
    applied_on = _date("申请日期", initial=date.today)


class RetrofitAssessForm(KitForm):
    assessed_on = _date("入户评估日期", initial=date.today)
    items = _multi("改造项目", RetrofitItem.choices)
    estimated_cost = _money("预算（元）")


class RetrofitWorksForm(KitForm):
    contractor = _text("施工单位", 100)
    done_on = _date("完工日期", initial=date.today)


class RetrofitAcceptForm(KitForm):
    passed = forms.TypedChoiceField(
        label="验收结论", coerce=lambda v: v == "1", choices=[("1", "合格"), ("0", "不合格，返工")]
    )
    on = _date("验收日期", initial=date.today)
    note = _text("验收意见", 300)


class RetrofitSubsidyForm(KitForm):
    amount = _money("补贴金额（元）")
    paid_on = _date("拨付日期", initial=date.today)


class RetrofitTargetForm(KitForm):
    division_code = forms.CharField(label="区划", max_length=12, required=False)
    year = _int("年度", 2020, 2035)
    households = _int("目标户数", 1, 1000000)
    source_note = _text("依据", 200, required=False)


class AssessmentScoresForm(KitForm):
    """The score ticked for each item of the assessment form (``item_<code>``, the last one if several), as
    typed: ``scores`` keeps the numbers, and ``validate_scores`` names each item left out (B.1.3 洗澡：请选择评分)."""

    def __init__(self, data=None):
        super().__init__(data)
        for item in ITEMS:
            self.fields[f"item_{item.code}"] = forms.CharField(label=item.name, required=False, strip=False)

    def scores(self) -> dict[str, int]:
        self.is_valid()  # a value with a NUL is left out of cleaned_data: that item is missing
        ticked = {name.removeprefix("item_"): value for name, value in self.cleaned_data.items()}
        return {
            code: int(value)
            for code, value in ticked.items()
            if value.isascii() and value.isdigit() and len(value) < 4
        }


class AssessmentExtrasForm(KitForm):
    """附录C C.4 inputs of the assessment form: 昏迷 (A.5.11), diagnoses (ICD-10 codes, 顿号/逗号/空格
    separated), care-risk events in the last 30 days."""

    coma = FlagField("昏迷（A.5.11）")
    diagnosis_codes = forms.CharField(label="疾病诊断（ICD-10编码）", required=False)
    care_risk_events_30d = forms.IntegerField(
        label="近30天照护风险事件次数", required=False, min_value=0, max_value=1000
    )

    def c4_inputs(self) -> dict:
        raw = self.cleaned_data["diagnosis_codes"]
        for sep in "、，,;；":
            raw = raw.replace(sep, " ")
        return {
            "coma": self.cleaned_data["coma"],
            "diagnosis_codes": raw.split(),
            "care_risk_events_30d": self.cleaned_data["care_risk_events_30d"] or 0,
        }
