"""数据中心's forms: finding whose file to open."""

from django import forms

from minzheng.web.kit.forms import KitForm, text_field


class FileSearchForm(KitForm):
    q = text_field("姓名/身份证号/户编号", 30, required=False)


class IssueFilterForm(KitForm):
    rule = forms.ChoiceField(label="质量规则", required=False, choices=())

    def __init__(self, *args, rules=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [("", "全部规则"), *rules]
