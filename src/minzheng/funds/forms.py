"""Forms of the 资金项目监督 pages (KitForm: Chinese, field-named errors); the services check again."""

from django import forms

from minzheng.batch.fundchecks import CHECK_CODES
from minzheng.web.kit.forms import (
    KitForm,
    choice_field,
    date_field,
    money_field,
    month_field,
    text_field,
    year_field,
)

from .models import FindingStatus, FundKind, FundLevel

ANY = [("", "全部")]


class FundFilter(KitForm):
    year = year_field("年度", required=False)


class FundForm(KitForm):
    name = text_field("资金名称", 100)
    year = year_field("年度")
    level = choice_field("资金来源", FundLevel.choices)
    kind = choice_field("预算类别", FundKind.choices)
    division_code = text_field("预算单位区划代码", 12)
    budget = money_field("预算金额（元）")
    program_codes = text_field("支付的救助项目代码（逗号分隔）", 200)
    document_number = text_field("文号", 100, required=False)


class AllocationForm(KitForm):
    division_code = text_field("下达区划代码", 12)
    amount = money_field("下达金额（元）")
    allocated_on = date_field("下达日期")
    document_number = text_field("下达文号", 100, required=False)


class BookingForm(KitForm):
    allocation = forms.IntegerField(label="下达额度", widget=forms.HiddenInput)
    month_from = month_field("起始月份")
    month_to = month_field("截止月份")


class CheckRunForm(KitForm):
    division_code = text_field("比对区划代码", 12)
    month_from = month_field("起始月份")
    month_to = month_field("截止月份")


class FindingFilter(KitForm):
    status = choice_field("核实结果", ANY + list(FindingStatus.choices), required=False)
    check_code = choice_field("疑点类型", ANY + list(CHECK_CODES.items()), required=False)


class DecisionForm(KitForm):
    outcome = choice_field("核实结果", [("confirmed", "确认问题"), ("explained", "核实无问题")])
    recovered_amount = money_field("追回金额（元）", required=False)
    explanation = text_field("核实说明", 300, area=True)


class PaymentFilter(KitForm):
    township_code = forms.CharField(label="乡镇（街道）代码", required=False, max_length=12)
    month = month_field("发放月份", required=False)
