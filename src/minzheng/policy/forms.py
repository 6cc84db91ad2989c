"""Forms of the policy pages: field checks with Chinese messages; the services check the catalogue again."""

from django import forms

from minzheng.web.kit.forms import KitForm

from .catalogue import parameters
from .models import HolidayCalendarDay

_DATE_ERRORS = {"required": "请填写日期", "invalid": "请输入有效日期，如 2025-01-01"}


def _parameter_choices() -> list[tuple[str, str]]:
    # a callable: the catalogue is collected from the installed apps, known only once Django is set up
    return [(p.name, f"{p.label}（{p.unit or '选项'}）") for p in parameters()]


class ParameterForm(KitForm):
    """设置参数: a new 政策参数 version from its effective date."""

    name = forms.ChoiceField(label="参数", choices=_parameter_choices)
    division_code = forms.CharField(label="适用区划", required=False, max_length=12)
    effective_from = forms.DateField(label="生效日期", error_messages=_DATE_ERRORS)
    value = forms.CharField(label="数值", required=False, max_length=20)
    text_value = forms.CharField(label="取值（选项类参数，如 自然日/工作日）", required=False, max_length=30)
    source_note = forms.CharField(label="依据/来源", required=False, max_length=300)


class HolidayForm(KitForm):
    """登记节假日: one day of a newly published 节假日安排."""

    day = forms.DateField(label="日期", error_messages=_DATE_ERRORS)
    kind = forms.ChoiceField(label="类型", choices=HolidayCalendarDay.KINDS)
    note = forms.CharField(label="说明（如 春节）", required=False, max_length=100)
    # the year the page showed, to show it again after a refusal (a bad value shows the usual year)
    year = forms.CharField(label="年份", required=False, widget=forms.HiddenInput)


class OfficeForm(KitForm):
    """文书机关: the name on headings and seals, the 机关代字 of its 文号, its 监督电话."""

    name = forms.CharField(label="机关名称（文书抬头与落款）", max_length=100)
    abbreviation = forms.CharField(label="机关代字（文号用，如 元民）", max_length=10)
    supervision_phone = forms.CharField(
        label="监督电话（空则沿用上级设置或 12345）", required=False, max_length=40
    )
