"""Rate limiting of the public booking page (/public/marriage/), on the core login protection's own table.

The public page needs no login, so an address could book every free place or try 预约号 + 证件号码 pairs to
cancel other people's bookings. Each POST (book or cancel) from one client address counts in core's
``LoginThrottle`` under the key ``预约:<address>`` — the table and the lockout minutes the login brute-force
protection uses (``LOGIN_LOCKOUT_MINUTES``): more than ``MARRIAGE_PUBLIC_MAX_POSTS`` (default 10) posts within
that many minutes lock the address out of posting for the same time. Reading the page is never limited.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from minzheng.core.models import LoginThrottle

from ..errors import TooManyRequests

KEY_PREFIX = "预约:"


def _limits() -> tuple[int, timedelta]:
    return (
        int(getattr(settings, "MARRIAGE_PUBLIC_MAX_POSTS", 10)),
        timedelta(minutes=int(settings.LOGIN_LOCKOUT_MINUTES)),
    )


def count_public_post(address: str | None) -> None:
    """Count one POST from ``address``; refuse (429, in Chinese) while the address is locked out."""
    most, window = _limits()
    now = timezone.now()
    key = f"{KEY_PREFIX}{address or '未知'}"[:150]
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(username=key)
        if row.locked_until and row.locked_until > now:
            raise TooManyRequests(_message(row.locked_until))
        if row.updated_at and now - row.updated_at > window:
            row.failed_login_count = 0  # a quiet window starts the count again
        row.failed_login_count = min(row.failed_login_count + 1, 30000)
        locked = row.failed_login_count > most
        if locked:
            row.locked_until, row.failed_login_count = now + window, 0
        row.save()
    if locked:
        raise TooManyRequests(_message(row.locked_until))


def _message(until) -> str:
    return f"操作过于频繁，请于{timezone.localtime(until):%H:%M}后再试（预约、取消预约）"
