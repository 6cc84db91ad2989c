"""The kit's forms: every error is Chinese and names its field, whatever the field type raises."""

import re
from datetime import date
from decimal import Decimal

from django import forms

from minzheng.core.errors import MinzhengError
from minzheng.web.kit.forms import (
    FlagField,
    KitForm,
    date_field,
    decimal_field,
    error_lines,
    int_field,
    money_field,
    month_field,
    run_service,
    text_field,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


class Sample(KitForm):
    name = text_field("机构名称", 5)
    beds = int_field("床位数", min_value=1, max_value=500)
    fee = money_field("月收费（元）")
    ratio = decimal_field("完成进度（%）", min_value=Decimal(0))
    opened = date_field("开业日期", required=False)
    month = month_field("发放月份", required=False)
    kind = forms.ChoiceField(label="机构性质", choices=[("public", "公办"), ("private", "民办")])
    flag = FlagField("启用")
    own = forms.CharField(label="备注", error_messages={"required": "备注必填（本表自定）"})


def _errors(**data) -> dict[str, list[str]]:
    form = Sample({"name": "敬老院", "beds": "10", "fee": "100", "kind": "public", "own": "x", **data})
    form.is_valid()
    return form.errors


def test_a_missing_field_names_itself():
    assert _errors(name="")["name"] == ["请填写机构名称"]
    assert _errors(kind="")["kind"] == ["请选择机构性质"]


def test_a_number_that_is_not_one_names_its_field():
    assert _errors(beds="十张")["beds"] == ["床位数须为整数"]
    assert _errors(fee="NaN")["fee"] == ["月收费（元）须为数字"]


def test_out_of_range_numbers_name_the_field_and_the_limit():
    assert _errors(beds="0")["beds"] == ["床位数不能小于1"]
    assert _errors(beds="99999")["beds"] == ["床位数不能大于500"]
    assert _errors(fee="-1")["fee"] == ["月收费（元）不能小于0"]


def test_a_percent_sign_in_the_label_does_not_break_the_message():
    assert _errors(ratio="-1")["ratio"] == ["完成进度（%）不能小于0"]


def test_too_long_text_and_an_unknown_choice_name_the_field():
    assert _errors(name="长" * 6)["name"] == ["机构名称不能超过5个字"]
    assert _errors(kind="<script>")["kind"] == ["机构性质的选项无效，请重新选择"]


def test_dates_and_months_outside_the_platform_are_refused_by_name():
    assert _errors(opened="2026-02-30")["opened"] == ["开业日期格式应为 2026-01-31"]
    assert _errors(opened="9999-01-01")["opened"] == ["开业日期应在 1900 至 2100 年之间"]
    assert _errors(month="2026-13")["month"] == ["发放月份格式应为 2026-05"]


def test_a_control_character_is_refused_by_name():
    assert _errors(name="a\x00b")["name"] == ["机构名称含有不允许的字符"]


def test_a_message_the_field_declares_is_kept():
    assert _errors(own="")["own"] == ["备注必填（本表自定）"]


def test_thousands_separators_and_months_parse():
    form = Sample({"name": "院", "beds": "1", "fee": "1", "kind": "public", "own": "x", "ratio": "1，234.5",
                   "month": "2026-05", "flag": "1"})  # fmt: skip
    assert form.is_valid(), form.errors
    assert form.cleaned_data["ratio"] == Decimal("1234.5")
    assert form.cleaned_data["month"] == date(2026, 5, 1)
    assert form.cleaned_data["flag"] is True


def test_a_flag_is_never_an_error():
    assert "flag" not in _errors(flag="maybe")


def test_error_lines_name_the_field_once():
    form = Sample({"beds": "x", "fee": "1", "kind": "public", "own": "x", "name": "院"})
    form.is_valid()
    assert error_lines(form) == ["床位数须为整数"]
    form.add_error("fee", "超过本地标准")
    assert "月收费（元）：超过本地标准" in error_lines(form)


def test_run_service_puts_a_refusal_next_to_its_field():
    form = Sample({})
    form.is_valid()

    def refuse():
        raise MinzhengError("机构名称已存在", field="name")

    assert run_service(form, refuse) is None
    assert "机构名称已存在" in form.errors["name"]


def _all_kit_forms() -> list[type[KitForm]]:
    import minzheng.assistance.page_forms
    import minzheng.eldercare.forms
    import minzheng.monitoring.forms
    import minzheng.payments.forms
    import minzheng.planning.forms
    import minzheng.verification.forms
    import minzheng.web.forms  # noqa: F401

    found, todo = [], [KitForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return [f for f in found if f.__module__.startswith("minzheng.")]


BAD_VALUES = ["", "a\x00b", "九十九", "-99999999999999999999", "1e400", "9999-99-99", "长" * 5000]


def test_every_domain_form_answers_bad_input_in_chinese_with_its_field_named(db):
    """The promise of the kit, walked over every form the domains declare: whatever is typed into any field,
    each error is Chinese, and the line a redirect flashes names the field."""
    forms_seen = _all_kit_forms()
    assert len(forms_seen) >= 40
    for form_class in forms_seen:
        probe = form_class()
        for name, field in probe.fields.items():
            assert field.label, f"{form_class.__name__}.{name} has no label to name it in an error"
            for value in BAD_VALUES:
                form = form_class({name: value})
                form.is_valid()
                for message in form.errors.get(name, []):
                    assert CJK.search(message) and not re.search(r"[A-Za-z]{4,}", message), (
                        f"{form_class.__name__}.{name}={value[:20]!r}: {message}"
                    )
                for line in error_lines(form):
                    assert CJK.search(line)


def test_a_flag_posted_as_0_or_missing_is_no_and_1_or_on_is_yes():
    def flag(**data) -> bool:
        form = Sample({"name": "敬老院", "beds": "10", "fee": "100", "kind": "public", "own": "x", **data})
        assert form.is_valid(), form.errors
        return form.cleaned_data["flag"]

    assert [flag(flag="0"), flag(), flag(flag="false"), flag(flag="是")] == [False] * 4
    assert [flag(flag="1"), flag(flag="on"), flag(flag="true")] == [True] * 3


def test_a_flag_posted_as_0_is_shown_unticked_when_the_form_comes_back_with_errors():
    form = Sample({"name": "", "flag": "0"})
    assert not form.is_valid()
    assert "checked" not in str(form["flag"])
    assert "checked" in str(Sample({"name": "", "flag": "1"})["flag"])
