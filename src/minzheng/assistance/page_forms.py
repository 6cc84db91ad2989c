"""Forms of the 社会救助 pages (救助对象, 提标, 项目设置, 认定抽查, 待办): Chinese errors naming the field (the
web kit's ``KitForm``); the services check policy again. (``forms.py`` holds the standards', parameters' and
holidays' forms, which move with the policy store.)"""

from decimal import Decimal

from django import forms

from minzheng.core.errors import MinzhengError
from minzheng.core.money import AMOUNT_MAX, TOTAL_MAX, check_money
from minzheng.web.kit.forms import FilesField, FlagField, KitForm, KitFormSet, date_field, month_field
from minzheng.web.kit.picker import PickerField

from .rules.household import MemberExclusion


def _text(label: str) -> forms.CharField:
    return forms.CharField(label=label, required=False)


class EnrolmentChangeForm(KitForm):
    """变更 (amount and persons from a month on) or 停保 (the last month paid)."""

    kind = _text("变更")
    month = month_field("月份", error_messages={"required": "请选择月份"})
    monthly_amount = forms.DecimalField(
        label="月保障金（元）", required=False, min_value=Decimal(0), max_digits=12, decimal_places=2
    )
    persons = forms.IntegerField(label="人数", required=False, min_value=0, max_value=1000)
    reason = _text("原因")

    def clean(self):
        data = super().clean()
        if data.get("kind") != "stop":
            for name in ("monthly_amount", "persons"):
                if name not in self.errors and data.get(name) is None:
                    self.add_error(name, f"请填写{self.fields[name].label}")
        return data


class PaymentAccountForm(KitForm):
    bank_name = _text("开户银行")
    bank_account = _text("银行账号")
    reason = _text("原因")


class SelfCareChangeForm(KitForm):
    reported_on = date_field("报告日期", error_messages={"required": "请填写报告日期"})
    note = _text("说明")


class StandardRaiseForm(KitForm):
    """提标: the new 低保标准 and the month it is paid from; ``apply`` 1 applies, otherwise a preview."""

    division = _text("适用区划")
    area = _text("城乡")
    amount = forms.CharField(label="新标准（元）", required=False)
    period = _text("单位")
    effective_month = month_field(
        "执行月份", error_messages={"required": "请选择执行月份", "invalid": "请选择执行月份"}
    )
    apply = forms.CharField(label="操作", required=False)
    source_note = _text("文件依据")

    def clean_amount(self):
        # The platform's one money check (¥ sign, 分, range), with its own field-named messages.
        try:
            amount = check_money(self.cleaned_data["amount"], field="amount", label="新标准金额")
        except MinzhengError as exc:
            raise forms.ValidationError(exc.message) from None
        if amount is None:
            raise forms.ValidationError("请填写新标准金额")
        return amount


class LocalProgramForm(KitForm):
    """新增地方项目."""

    code = _text("项目代码")
    name = _text("项目名称")
    category = _text("类别")
    benefit_formula = _text("计发方式")
    base_standard = _text("依据标准")
    division_code = _text("适用区划")
    review_cycle_months = forms.IntegerField(
        label="复核周期（月）", required=False, min_value=1, max_value=120
    )
    deciding_level = _text("审核确认层级")
    policy_basis = _text("政策依据")


class ProgramSettingForm(KitForm):
    """项目地方设置: a new dated version of a program's local configuration."""

    program_code = _text("项目")
    division_code = _text("适用区划")
    effective_from = date_field("生效日期", error_messages={"required": "请填写生效日期"})
    enabled = FlagField("启用")
    deciding_level = _text("审核确认层级")
    criteria = _text("认定条件")
    materials = _text("申请材料")
    source_note = _text("依据文件")


class SpotCheckForm(KitForm):
    """特困人员认定抽查: the county and the period whose decisions are drawn from."""

    county_code = _text("县级区划代码")
    period_from = date_field("公示期满起始日期", error_messages={"required": "请填写公示期满起始日期"})
    period_to = date_field("公示期满截止日期", error_messages={"required": "请填写公示期满截止日期"})


class ReviewTaskForm(KitForm):
    """复核 task: its outcome, and a new amount from a month when the outcome changes it."""

    outcome = _text("复核结论")
    reason = _text("理由")
    monthly_amount = forms.DecimalField(
        label="月保障金（元）", required=False, min_value=Decimal(0), max_digits=12, decimal_places=2
    )
    persons = forms.IntegerField(label="人数", required=False, min_value=0, max_value=1000)
    from_month = month_field("执行月份", required=False)


class TaskForm(KitForm):
    outcome_text = _text("办理结果")


class MoneyText(forms.CharField):
    """An amount as typed (``1,234.50``, ``¥700``) checked by the platform's one money rule, whose messages
    name the field; empty is None."""

    def __init__(self, label: str, *, maximum: Decimal = AMOUNT_MAX, **kwargs):
        super().__init__(label=label, required=False, **kwargs)
        self.maximum = maximum

    def clean(self, value):
        text = super().clean(value)
        try:
            return check_money(text, field="", label=str(self.label), maximum=self.maximum)
        except MinzhengError as exc:
            raise forms.ValidationError(exc.message) from None


class TextList(forms.Field):
    """Several values posted under one name (checkboxes, repeated rows), as typed."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        if any("\x00" in str(v) for v in values):
            raise forms.ValidationError(f"{self.label}含有不允许的字符", code="null_characters_not_allowed")
        return [str(v) for v in values]


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isascii() and v.isdigit() and len(v) < 19]


class CaseStepForm(KitForm):
    """A step of a 救助案件 (受理, 核对, 审核, 入户调查, 计发要素, 异议 …): the step's ``action`` says which of
    these fields it reads; each field is checked the same way whichever step posts it."""

    action = _text("操作")
    on = date_field("办理日期", required=False)
    reason = _text("理由")
    note = _text("说明")
    other = forms.CharField(label="其他材料", required=False)
    missing = TextList(label="需补齐的材料", required=False)
    per_capita_income = MoneyText("家庭人均月收入")
    per_capita_assets = MoneyText("人均金融资产", maximum=TOTAL_MAX)
    income_kind = TextList(label="收入类别", required=False)
    income_amount = TextList(label="收入金额", required=False)
    investigators = _text("调查人员")
    living_conditions = _text("居住生活情况")
    findings = _text("调查结论")
    photos = FilesField("照片")
    unable = TextList(label="不能自理的事项", required=False)
    democratic_appraisal = _text("民主评议")
    kind = _text("类别")
    persons = forms.IntegerField(label="保障人数", required=False, min_value=0, max_value=1000)
    seriously_ill = TextList(label="重病重残成员", required=False)
    requested_amount = MoneyText("核定需求")
    care_grade = _text("照料护理等级")
    obligor_name = TextList(label="赡养（抚养、扶养）义务人姓名", required=False)
    obligor_relation = TextList(label="义务人关系", required=False)
    obligor_inability = TextList(label="义务人无能力情形", required=False)
    no_obligor = FlagField("无法定义务人")
    in_school = TextList(label="在校就读成员", required=False)
    raised_by = _text("反映人")
    content = _text("异议内容")
    objection = forms.IntegerField(label="异议", required=False, min_value=0, max_value=2**63 - 1)
    resolution = _text("处理结果")
    upheld = FlagField("异议成立")
    requested = MoneyText("先行救助金额")

    def ids(self, name: str) -> list[int]:
        """Checked record ids (members, …): anything not an id is no choice; the service checks membership."""
        return _ids(self.cleaned_data[name])

    def income_items(self) -> list[tuple[str, Decimal]]:
        """收入明细 rows (类别, 金额) that have both; each amount checked as money, named by its row."""
        items = []
        rows = zip(self.cleaned_data["income_kind"], self.cleaned_data["income_amount"], strict=False)
        for row, (kind, amount) in enumerate(rows, 1):
            if kind and amount.strip():
                try:
                    items.append(
                        (kind, check_money(amount, field="income_amount", label=f"第{row}行收入金额"))
                    )
                except MinzhengError as exc:
                    raise MinzhengError(exc.message, field="income_amount") from None
        return items


class CaseForm(KitForm):
    """登记救助申请: the household (chosen in a picker by 户编号, a member's name or ID fragment; checked in the
    user's jurisdiction), program, source, date and reason. Pass ``user=``."""

    household = PickerField("家庭", "household")
    program_code = _text("救助项目")
    source = _text("申请来源")
    applied_on = date_field("申请日期", required=False)
    reason = _text("申请理由")


class MemberFactsForm(KitForm):
    """One member's row of 共同生活家庭成员认定 (民发〔2021〕57号第七条): the situation that leaves the member
    out, for how many years, the caseworker's correction with its reason, and the times the member refused
    the work offered (第四十五条). The services check membership and the rules again."""

    person = forms.IntegerField(label="成员", min_value=1, max_value=2**63 - 1, widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label="不计入情形",
        required=False,
        choices=[("", "正常共同生活"), *((reason.value, reason.value) for reason in MemberExclusion)],
    )
    years = forms.IntegerField(label="年数", required=False, min_value=0, max_value=200)
    override = forms.ChoiceField(
        label="更正", required=False, choices=[("", "按规则"), ("1", "更正为计入"), ("0", "更正为不计入")]
    )
    override_reason = forms.CharField(label="更正理由", required=False, max_length=500)
    refusals = forms.IntegerField(label="拒绝介绍工作次数", required=False, min_value=0, max_value=1000)

    def clean(self):
        data = super().clean()
        if data.get("override") and not data.get("override_reason") and "override_reason" not in self.errors:
            self.add_error("override_reason", "请填写更正理由")
        return data


MemberFactsFormSet = forms.formset_factory(
    MemberFactsForm, formset=KitFormSet, extra=0, max_num=200, absolute_max=200, validate_max=True
)
