"""Reading numbers from a submitted form (a clear Chinese error naming the field), and the post/redirect/get
of a form that makes one service call."""

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from minzheng.core.errors import MinzhengError

from ..errors import InvalidIndicator


def decimal_field(data, name: str, label: str) -> Decimal | None:
    text = (data.get(name) or "").strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidIndicator(f"“{label}”应为数字", field=name) from None
    if not value.is_finite():
        raise InvalidIndicator(f"“{label}”应为数字", field=name)
    return value


def int_field(data, name: str, label: str) -> int | None:
    value = decimal_field(data, name, label)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise InvalidIndicator(f"“{label}”应为整数", field=name)
    return int(value)


def act_then_redirect(request, action: Callable[[], object], success: str, to: str) -> HttpResponse:
    """A POST that does one service call: its Chinese error or ``success`` as a message, then back to ``to``
    (post/redirect/get)."""
    try:
        action()
    except MinzhengError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect(to)
