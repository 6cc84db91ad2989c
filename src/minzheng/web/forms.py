"""Forms of the shell's own pages (登录)."""

from django import forms

from .kit.forms import KitForm


class LoginForm(KitForm):
    """用户名 and 密码 go to the lockout service as typed: it alone decides, with one answer for a wrong
    name and a wrong password (no field here may tell them apart)."""

    username = forms.CharField(label="用户名", required=False)
    password = forms.CharField(label="密码", required=False, strip=False)
    next = forms.CharField(label="登录后页面", required=False)
