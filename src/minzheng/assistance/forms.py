"""Forms of the 社会救助 pages: field checks with Chinese messages; the services check policy again."""

from decimal import Decimal

from django import forms

from .models import Area, StandardKind, StandardPeriod

_DATE_ERRORS = {"required": "请填写日期", "invalid": "请输入有效日期，如 2025-01-01"}


class StandardForm(forms.Form):
    """新增标准版本: a new 保障标准 from its effective date."""

    kind = forms.ChoiceField(
        label="标准种类", choices=StandardKind.choices, error_messages={"required": "请选择标准种类"}
    )
    area = forms.ChoiceField(
        label="城乡", choices=Area.choices, error_messages={"required": "请选择城乡类别"}
    )
    division_code = forms.CharField(label="适用区划", required=False, max_length=12)
    effective_from = forms.DateField(label="生效日期", error_messages=_DATE_ERRORS)
    amount = forms.DecimalField(
        label="金额（元）",
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("999999.99"),
        error_messages={
            "required": "请填写金额",
            "invalid": "请输入有效金额，如 700 或 700.50",
            "min_value": "金额须大于0",
            "max_value": "金额须小于100万元",
            "max_decimal_places": "金额最多两位小数（到分）",
            "max_digits": "金额位数过多",
            "max_whole_digits": "金额位数过多",
        },
    )
    period = forms.ChoiceField(label="计量单位", choices=StandardPeriod.choices)
    is_override = forms.BooleanField(
        label="地方自定（不按倍数推算，仅低保边缘、特困基本生活标准）", required=False
    )
    source_note = forms.CharField(label="依据/来源（文件名称、文号）", required=False, max_length=300)
