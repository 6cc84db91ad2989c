"""Forms of 全市通办 (the page kit's ``KitForm``: Chinese, field-named errors)."""

from django import forms

from minzheng.web.kit.forms import FlagField, KitForm, choice_field, date_field, text_field

from .models import AppStatus, TicketChannel, TicketStatus
from .rules.evaluations import BAD_REASONS, LEVELS
from .rules.tickets import CALLBACK_RESULTS, CATEGORIES, NOT_ACCEPTED_REASONS, RETURN_REASONS


class RegisterForm(KitForm):
    id_number = text_field("公民身份号码", 18)
    name = text_field("姓名", 20)
    phone = text_field("手机号码", 11)
    password = forms.CharField(label="密码", max_length=128, widget=forms.PasswordInput)


class LoginForm(KitForm):
    id_number = text_field("公民身份号码", 18)
    password = forms.CharField(label="密码", max_length=128, widget=forms.PasswordInput)


class ApplyForm(KitForm):
    reason = text_field("申请事由", 500, area=True)


class WithdrawForm(KitForm):
    reason = text_field("撤回原因", 200, required=False)


class RateForm(KitForm):
    level = forms.TypedChoiceField(label="评价", choices=[(k, v) for k, v in LEVELS.items()], coerce=int)
    reasons = forms.MultipleChoiceField(
        label="差评原因",
        choices=list(BAD_REASONS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    comment = text_field("评价内容", 500, required=False, area=True)


class ReceiveForm(KitForm):
    id_number = text_field("申请人公民身份号码", 18)
    matter = forms.ChoiceField(label="事项")
    reason = text_field("申请事由", 500, area=True)

    def __init__(self, *args, matters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["matter"].choices = [("", "请选择")] + [(m.code, m.name) for m in matters]


class CheckForm(KitForm):
    """核验材料: the paper materials received at the window, ticked against the checklist."""

    received = forms.MultipleChoiceField(
        label="已收取材料", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, materials=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received"].choices = [(m["code"], m["name"]) for m in materials]


class NoticeForm(KitForm):
    missing = forms.MultipleChoiceField(label="需补正材料", widget=forms.CheckboxSelectMultiple)
    note = text_field("说明", 200, required=False)

    def __init__(self, *args, materials=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missing"].choices = [(m["code"], m["name"]) for m in materials]


class EmptyForm(KitForm):
    pass


class ReasonForm(KitForm):
    reason = text_field("理由", 500, area=True)


class ResultForm(KitForm):
    approved = FlagField("准予（批准）")
    outcome = text_field("办理结果", 500, area=True)


class ApplicationFilter(KitForm):
    q = text_field("受理号或姓名", 40, required=False)
    status = choice_field("状态", [("", "全部"), *list(AppStatus.choices)], required=False)


class TicketForm(KitForm):
    channel = choice_field("来源", list(TicketChannel.choices))
    external_id = text_field("12345平台编号", 40, required=False)
    category = choice_field("派单目录", list(CATEGORIES.items()))
    division_code = text_field("发生地区划代码", 12)
    address = text_field("详细地点", 200, required=False)
    anonymous = FlagField("匿名来电")
    caller_name = text_field("来电人", 50, required=False)
    caller_phone = text_field("来电号码", 20, required=False)
    content = text_field("诉求内容", 2000, area=True)
    instant_answer = FlagField("已即时解答")
    received_on = date_field("受理日期", required=False)


class TicketFilter(KitForm):
    q = text_field("工单编号或内容", 40, required=False)
    status = choice_field("状态", [("", "全部"), *list(TicketStatus.choices)], required=False)


class AssignForm(KitForm):
    lead_unit_code = text_field("主办单位区划代码", 12)
    assisting_codes = text_field("协办单位区划代码（多个以逗号分隔）", 200, required=False)


class TransferForm(KitForm):
    to_code = text_field("转至单位区划代码", 12)
    reason = text_field("转办理由", 500, area=True)


class ReturnForm(KitForm):
    reason_code = choice_field("退回原因", list(RETURN_REASONS.items()))
    note = text_field("说明", 200, required=False)


class ReviewReturnForm(KitForm):
    agree = FlagField("同意退回")
    to_code = text_field("重新派至单位区划代码", 12, required=False)
    reason = text_field("审核意见", 500, required=False)


class NotAcceptForm(KitForm):
    reason_code = choice_field("不予受理原因", list(NOT_ACCEPTED_REASONS.items()))


class ReplyForm(KitForm):
    text = text_field("答复内容", 2000, area=True)


class CallbackForm(KitForm):
    result = choice_field("回访结果", list(CALLBACK_RESULTS.items()))
    note = text_field("回访记录", 500, required=False)


class MergeForm(KitForm):
    into_number = text_field("合并至工单编号", 32)


class FollowUpForm(KitForm):
    note = text_field("整改反馈", 500, area=True)
