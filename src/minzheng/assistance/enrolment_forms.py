"""Forms of the 救助对象 page (变更/停保, 发放账户, 自理能力变化): Chinese errors naming the field (the web
kit's ``KitForm``); the services check the enrolment's policy again."""

from decimal import Decimal

from django import forms

from minzheng.core.errors import MinzhengError
from minzheng.core.money import check_money
from minzheng.web.kit.forms import KitForm, date_field, month_field


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
