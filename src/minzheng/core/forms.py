"""Forms of the registry and account pages. ``core`` sits below ``web`` (it imports no app above it), so these
are plain Django forms that word every error themselves — in Chinese, naming the field — as the web kit's
``KitForm`` does for the domains' forms."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from .query_params import FIRST_YEAR, LAST_YEAR


def _date(label: str, missing: str) -> forms.DateField:
    """An ISO date; missing or malformed both say what to type (the page's own wording kept)."""
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d"],
        error_messages={"required": missing, "invalid": missing},
    )


def _text(label: str, max_length: int | None = None, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        error_messages={"required": f"请填写{label}", "max_length": f"{label}不能超过{max_length}个字"},
    )


def _in_platform_years(day: date, label: str) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationError(f"{label}应在 {FIRST_YEAR} 至 {LAST_YEAR} 年之间")
    return day


class DeathForm(forms.Form):
    """登记死亡."""

    death_date = _date("死亡日期", "请填写有效的死亡日期")
    reason = _text("依据/原因", 200)

    def clean_death_date(self) -> date:
        day = _in_platform_years(self.cleaned_data["death_date"], "死亡日期")
        if day > date.today():
            raise ValidationError("死亡日期不能晚于今天")
        return day


class MoveForm(forms.Form):
    """家庭迁移."""

    to_division_code = _text("迁入地区划代码")
    address = _text("详细地址")
    on = _date("迁移日期", "请填写有效的迁移日期")
    reason = _text("原因", 200)

    def clean_on(self) -> date:
        return _in_platform_years(self.cleaned_data["on"], "迁移日期")


class IdListField(forms.Field):
    """Row ids posted as several values of one name (checkboxes); the service checks they are members."""

    def to_python(self, value) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        if not all(isinstance(v, str) and v.isascii() and v.isdigit() and len(v) < 19 for v in values):
            raise ValidationError(f"{self.label}的选项无效，请重新选择", code="invalid")
        return [int(v) for v in values]


class SplitForm(forms.Form):
    """分户: the members leaving, and which of them heads the new household."""

    on = _date("分户日期", "请填写有效的分户日期")
    person_ids = IdListField(label="分出成员", required=False, widget=forms.CheckboxSelectMultiple)
    new_head_id = forms.IntegerField(
        label="新户户主", required=False, min_value=0, max_value=2**63 - 1,
        error_messages={k: "新户户主的选项无效，请重新选择" for k in ("invalid", "min_value", "max_value")},
    )  # fmt: skip
    reason = _text("原因", 200)

    def clean_on(self) -> date:
        return _in_platform_years(self.cleaned_data["on"], "分户日期")


class PasswordChangeForm(forms.Form):
    """修改密码: the service checks the old password and the rules of a new one."""

    old_password = forms.CharField(label="原密码", required=False, strip=False)
    new_password = forms.CharField(label="新密码", required=False, strip=False)
    new_password2 = forms.CharField(label="确认新密码", required=False, strip=False)

    def clean(self):
        data = super().clean()
        if data.get("new_password") != data.get("new_password2"):
            self.add_error("new_password2", "两次输入的新密码不一致")
        return data


class OneTimeCodeForm(forms.Form):
    """动态口令: the service says whether the six digits are right."""

    code = forms.CharField(label="动态口令", required=False, max_length=20,
                           error_messages={"max_length": "动态口令为6位数字"})  # fmt: skip


class AccountForm(forms.Form):
    """新增/修改用户: the service checks username, division, roles and phone against the account rules."""

    username = _text("用户名")
    full_name = _text("姓名")
    division_code = _text("所属区划")
    roles = forms.MultipleChoiceField(label="角色", required=False,
                                      error_messages={"invalid_choice": "角色的选项无效，请重新选择"})  # fmt: skip
    phone = _text("手机号码")
    is_active = forms.CharField(label="状态", required=False)

    def __init__(self, data=None, *, roles=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["roles"].choices = list(roles)


class HouseholdForm(forms.Form):
    """新增家庭: where the household lives; its members are the rows below (``MemberRowForm``)."""

    residence_division_code = _text("居住地区划")
    address = _text("详细地址", 200)
    area_type = forms.CharField(label="城乡类别", required=False)
    established_on = forms.DateField(
        label="立户日期", required=False, input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "立户日期格式应为 2026-01-31"},
    )  # fmt: skip

    def clean_established_on(self):
        day = self.cleaned_data["established_on"]
        return _in_platform_years(day, "立户日期") if day else None


class MemberRowForm(forms.Form):
    """One member row of the 新增家庭 grid (inputs ``m<i>_<field>``); ``clean_person`` checks the person and
    words each error next to its cell."""

    name = forms.CharField(required=False)
    id_number = forms.CharField(required=False)
    relation = forms.CharField(required=False)
    sex = forms.CharField(required=False)
    birth_date = forms.CharField(required=False)
    ethnicity = forms.CharField(required=False)
    phone = forms.CharField(required=False)
    without_id = forms.CharField(required=False)

    def add_prefix(self, field_name: str) -> str:
        return f"{self.prefix}_{field_name}" if self.prefix else field_name

    def values(self) -> dict[str, str]:
        """The row as typed (stripped); a cell with a control character counts as empty."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}
