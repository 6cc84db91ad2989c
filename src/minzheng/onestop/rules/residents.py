"""Registering a resident: the phone number and the name (the ID number is core.identity's GB 11643 check)."""

import re

_MOBILE = re.compile(r"1[3-9]\d{9}")
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,20}")


def phone_problem(phone: str) -> str:
    return "" if _MOBILE.fullmatch(phone or "") else "请填写11位手机号码"


def name_problem(name: str) -> str:
    return "" if _NAME.fullmatch(name or "") else "请填写与身份证一致的中文姓名"
