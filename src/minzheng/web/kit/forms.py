"""Forms of the kit: every error is Chinese and names its field, whatever field type or widget raises it.

``KitForm`` fills in the messages a field does not set itself (Django's own are Chinese under ``zh-hans``
but never say which field: "这个字段是必填项。" next to a field in a long form is fine, the same message in
a flash after a redirect is not). The factories (``date_field``, ``money_field`` …) are the platform's usual
fields with the usual wording; ``run_service`` puts a service's ``MinzhengError`` on the field it names.
"""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django import forms
from django.contrib import messages

from minzheng.core.errors import MinzhengError
from minzheng.core.query_params import FIRST_YEAR, LAST_YEAR, MAX_INTEGER

from .picker import PickerField, attach_user

_PICKED = (forms.ChoiceField, forms.ModelChoiceField, forms.BooleanField, PickerField)

# Codes whose message Django formats with parameters (``%(limit_value)s`` …): a "%" in the label must be escaped.
_WITH_PARAMS = {
    "min_value", "max_value", "max_length", "min_length", "invalid_choice", "invalid_pk_value",
    "max_digits", "max_decimal_places", "max_whole_digits", "step_size",
}  # fmt: skip


_LONE_PERCENT = re.compile(r"%%|%(?!\()")


def _messages_for(field: forms.Field, label: str) -> dict[str, str]:
    """The Chinese, field-named message of every error code a field of this kind can raise."""
    verb = "请选择" if isinstance(field, _PICKED) else "请填写"
    found = {
        "required": f"{verb}{label}",
        "invalid": f"{label}格式不正确",
        "invalid_choice": f"{label}的选项无效，请重新选择",
        "invalid_list": f"{label}的选项无效，请重新选择",
        "invalid_pk_value": f"{label}的选项无效，请重新选择",
        "max_length": f"{label}不能超过%(limit_value)s个字",
        "min_length": f"{label}至少%(limit_value)s个字",
        "min_value": f"{label}不能小于%(limit_value)s",
        "max_value": f"{label}不能大于%(limit_value)s",
        "step_size": f"{label}须为%(limit_value)s的整数倍",
        "null_characters_not_allowed": f"{label}含有不允许的字符",
        "max_digits": f"{label}的位数过多",
        "max_decimal_places": f"{label}最多保留%(max)s位小数",
        "max_whole_digits": f"{label}的整数部分位数过多",
        "overflow": f"{label}超出有效范围",
        "empty": f"{label}是空文件",
        "missing": f"{label}未收到文件",
    }
    if isinstance(field, forms.DecimalField | forms.FloatField):  # (both subclass IntegerField)
        found["invalid"] = f"{label}须为数字"
    elif isinstance(field, forms.IntegerField):
        found["invalid"] = f"{label}须为整数"
    elif isinstance(field, forms.DateField):
        found["invalid"] = f"{label}格式应为 2026-01-31"
    elif isinstance(field, MonthField):
        found["invalid"] = f"{label}格式应为 2026-05"
    return found


def _defaults(field: forms.Field) -> dict[str, str]:
    found: dict = {}
    for cls in reversed(type(field).__mro__):
        found.update(getattr(cls, "default_error_messages", {}))
    return found


def name_errors(form: forms.Form) -> None:
    """Give every field of ``form`` a Chinese, field-named message for each error it does not word itself.

    A message the field declared (``error_messages={...}``) is kept: it was chosen for that field. Django
    rewords a validator's error (max_length, min_value …) with the field's message of the same code."""
    for field in form.fields.values():
        label = str(field.label or "")
        if not label:
            continue
        defaults = _defaults(field)
        for code, message in _messages_for(field, label).items():
            if code in field.error_messages and field.error_messages[code] != defaults.get(code):
                continue  # declared by the field itself
            field.error_messages[code] = message
        for code in _WITH_PARAMS & set(field.error_messages):
            # Django formats these with %-parameters: a bare "%" (抽查比例（%）) would raise instead.
            field.error_messages[code] = _LONE_PERCENT.sub("%%", str(field.error_messages[code]))


class KitForm(forms.Form):
    """A form of the platform: Chinese, field-named errors on every field (see the module docstring).

    ``user``: whose jurisdiction the form's pickers (``kit.picker.PickerField``) check their choice against."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        name_errors(self)
        attach_user(self, user)


# --- field factories: the platform's usual fields, worded once --------------------------------------------


def text_field(label: str, max_length: int = 200, *, required: bool = True, area: bool = False, **kw):
    widget = forms.Textarea(attrs={"rows": 3, "cols": 60}) if area else None
    return forms.CharField(label=label, max_length=max_length, required=required, widget=widget, **kw)


def int_field(label: str, *, min_value: int = 0, max_value: int = MAX_INTEGER, required: bool = True, **kw):
    return forms.IntegerField(label=label, min_value=min_value, max_value=max_value, required=required, **kw)


def year_field(label: str = "年份", *, required: bool = True, **kw):
    return int_field(label, min_value=FIRST_YEAR, max_value=LAST_YEAR, required=required, **kw)


def decimal_field(
    label: str, *, required: bool = False, min_value=None, max_digits: int = 20, places: int = 4
):
    """A number as typed in a 规划/统计 form: thousands separators (, and ，) are allowed."""
    return LenientDecimalField(
        label=label, required=required, min_value=min_value, max_digits=max_digits, decimal_places=places
    )


def money_field(label: str, *, required: bool = True, **kw):
    return forms.DecimalField(
        label=label, required=required, min_value=Decimal(0), max_digits=12, decimal_places=2, **kw
    )


def date_field(label: str, *, required: bool = True, initial=None, **kw):
    return PlatformDateField(
        label=label,
        required=required,
        initial=initial,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **kw,
    )


def month_field(label: str = "月份", *, required: bool = True, **kw):
    return MonthField(label=label, required=required, widget=forms.TextInput(attrs={"type": "month"}), **kw)


def choice_field(label: str, choices, *, required: bool = True, **kw):
    return forms.ChoiceField(label=label, choices=choices, required=required, **kw)


class LenientDecimalField(forms.DecimalField):
    """Decimal that accepts 1,234.5 and 1，234.5 as typed from a spreadsheet; Infinity/NaN are refused."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("，", "")
        return super().to_python(value)


class PlatformDateField(forms.DateField):
    """ISO dates only, within the platform's years (a date in year 99999 is a typing error, not a date)."""

    input_formats = ["%Y-%m-%d"]

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                f"{self.label}应在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间", code="out_of_range"
            )


class MonthField(forms.Field):
    """``2026-05`` (or ``2026-05-01``) as the first day of the month."""

    default_error_messages = {"invalid": "月份格式应为 2026-05"}

    def to_python(self, value):
        text = (value or "").strip() if isinstance(value, str) else value
        if not text:
            return None
        if isinstance(text, date):
            return text.replace(day=1)
        parts = text.split("-")
        if len(parts) not in (2, 3) or not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year, month = int(parts[0]), int(parts[1])
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return date(year, month, 1)

    def prepare_value(self, value):
        return f"{value:%Y-%m}" if isinstance(value, date) else value


# --- rows of a form: formsets ---------------------------------------------------------------------------


class KitFormSet(forms.BaseFormSet):
    """A formset of the platform (a grid of rows, each a ``KitForm``): its own errors in Chinese too.

    Build one with ``formset_factory(RowForm, formset=KitFormSet, ...)``; ``row_error_lines`` words its
    errors so that each names its row and field."""

    default_error_messages = {
        "missing_management_form": "表格数据不完整，请刷新页面后重新提交",
        "too_many_forms": "表格最多%(num)d行",
        "too_few_forms": "表格至少%(num)d行",
    }

    @property
    def submitted(self) -> bool:
        """The page posted this grid (its row count is there and a number): a grid left off the page is not
        an empty grid."""
        return self.is_bound and self.management_form.is_valid()


def row_error_lines(
    formset: forms.BaseFormSet, row_label: Callable[[int, forms.Form], str], *, grid: str = ""
) -> list[str]:
    """Every error of ``formset`` as one line naming its row and field: 「第2行（张三） · 年数须为整数」.
    ``row_label(index, form)`` names a row as the page shows it; ``grid`` names the table, for the errors of
    the table as a whole (too many rows) on a page with several."""
    lines = [f"{grid}：{message}" if grid else str(message) for message in formset.non_form_errors()]
    for index, form in enumerate(formset.forms):
        lines += [f"{row_label(index, form)} · {line}" for line in error_lines(form)]
    return lines


# --- running a service on a form -----------------------------------------------------------------------


def run_service(form: forms.Form, call: Callable):
    """Call a service; its ``MinzhengError`` goes on the form next to the field it names (or above the form).
    Returns the service's result, or None when it refused."""
    try:
        return call()
    except MinzhengError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def error_lines(form: forms.Form) -> list[str]:
    """Every error of ``form`` as one line 「label：message」 (a flash message after a redirect has no field
    to stand next to, so it says which field it is about — unless the message names it already)."""
    lines = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        lines += [
            f"{label}：{message}" if label and str(label) not in message else message for message in errors
        ]
    return lines


def flash_errors(request, form: forms.Form) -> None:
    """A form posted from another page (a detail page's action): its errors as messages, field named."""
    for line in error_lines(form):
        messages.error(request, line)


def submitted(request, form_class, **kwargs):
    """``form_class`` bound to the POST (or unbound on GET), for the usual one-view create/edit page."""
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


def act_then_redirect(request, form: forms.Form, call: Callable, success, to: str):
    """The post/redirect/get of a form that makes one service call (an action posted from a detail page).

    An invalid form flashes its errors, each naming its field; a service refusal flashes its Chinese message;
    otherwise ``success`` (a text, or a function of the service's result) — then back to ``to``."""
    from django.shortcuts import redirect

    if not form.is_valid():
        flash_errors(request, form)
        return redirect(to)
    try:
        result = call(form.cleaned_data)
    except MinzhengError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success(result) if callable(success) else success)
    return redirect(to)


class ValuesField(forms.Field):
    """Several values posted under one name (ticked checkboxes, a pressed button's value beside a hidden
    one), as typed; none is an empty list."""

    widget = forms.MultipleHiddenInput

    def __init__(self, label: str = "", **kwargs):
        super().__init__(label=label, required=False, **kwargs)

    def to_python(self, value) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        if any("\x00" in str(v) for v in values):
            raise forms.ValidationError(f"{self.label}含有不允许的字符", code="null_characters_not_allowed")
        return [str(v) for v in values]


class _Values(forms.Form):
    def __init__(self, data, name: str):
        super().__init__(data)
        self.fields[name] = ValuesField(name)


def ticked(data, name: str) -> list[str]:
    """The values posted under ``name`` in ``data`` (the boxes ticked), read by a form; none if unreadable."""
    form = _Values(data, name)
    return form.cleaned_data[name] if form.is_valid() else []


def posted_value(data, name: str, default: str = "") -> str:
    """The one value posted under ``name`` (a hidden field, a button's value), read by a form; ``default``
    when absent or unreadable."""
    values = ticked(data, name)
    return values[0] if values else default


def pressed(request, value: str, *, name: str = "action") -> bool:
    """On a page with several forms posting to one view: was it the one whose button (or hidden field)
    ``name`` carries ``value``?"""
    return request.method == "POST" and value in ticked(request.POST, name)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files chosen in one input (照片, 佐证材料): a list, empty when none; the services check each
    file's type and size."""

    widget = MultipleFileInput

    def __init__(self, label: str, **kwargs):
        super().__init__(label=label, required=False, **kwargs)

    def clean(self, data, initial=None):
        one = super().clean
        if isinstance(data, list | tuple):
            return [one(item, initial) for item in data if item]
        return [one(data, initial)] if data else []


class FlagInput(forms.CheckboxInput):
    """The checkbox of a :class:`FlagField` hands the posted text on untouched: Django's own checkbox turns
    any text but "false" into ``True``, so a select posting ``0`` would have read as "yes"."""

    def __init__(self, attrs=None):
        super().__init__(attrs, check_test=is_flag_set)

    def value_from_datadict(self, data, files, name):
        return data.get(name)


def is_flag_set(value) -> bool:
    """The one reading of a posted yes/no: ``1``/``on``/``true`` (or ``True``) is yes, anything else no."""
    return value in ("1", 1, True, "true", "on")


class FlagField(forms.BooleanField):
    """A yes/no posted as ``1`` (a checkbox or a select of 1/0): anything else is "no", never an error."""

    widget = FlagInput

    def __init__(self, label: str = "", **kwargs):
        super().__init__(label=label, required=False, **kwargs)

    def to_python(self, value):
        return is_flag_set(value)
