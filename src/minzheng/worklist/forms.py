"""Forms of the work queue: the filter above the table, claiming and assigning."""

from django import forms

from minzheng.core.jurisdiction import InvalidDivisionCode, parse_division_code
from minzheng.web.kit.forms import KitForm, choice_field, text_field

from .selectors import SCOPES


class WorkSearch(KitForm):
    scope = choice_field("范围", SCOPES, required=False)
    domain = choice_field("业务", [], required=False)
    division_code = forms.CharField(label="区划", max_length=12, required=False)
    overdue = forms.BooleanField(label="仅看超期", required=False)
    q = text_field("事项或编号", 50, required=False)

    def __init__(self, *args, domains=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = [("", "全部业务"), *((d, d) for d in domains)]

    def clean_division_code(self):
        try:
            return parse_division_code(self.cleaned_data.get("division_code"), label="区划")
        except InvalidDivisionCode as error:
            raise forms.ValidationError(error.message) from None


class ItemForm(KitForm):
    """The item a button acts on: its source and record key (hidden)."""

    source = forms.CharField(max_length=40, widget=forms.HiddenInput, label="事项来源")
    key = forms.CharField(max_length=40, widget=forms.HiddenInput, label="记录标识")


class AssignForm(KitForm):
    owner = forms.TypedChoiceField(label="责任人", coerce=int, choices=[])

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "请选择"), *choices]
