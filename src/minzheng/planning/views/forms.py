"""The post/redirect/get of a POST that makes one service call and has no fields of its own (a form with
fields goes through the web kit's ``act_then_redirect`` with its form from ``planning.forms``)."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from minzheng.core.errors import MinzhengError


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
