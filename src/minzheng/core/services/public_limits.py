"""Rate limiting of the public pages' POSTs (no login: 婚姻登记预约, 志愿者注册 …), on the login protection's own table.

A page without login lets one address book every free place, try number pairs to cancel other people's bookings
or fill a register with invented people. Each POST from one client address counts in ``LoginThrottle`` under the
key ``<page>:<address>`` — the table and the lockout minutes the login brute-force protection uses
(``LOGIN_LOCKOUT_MINUTES``): more than ``max_posts`` posts within that many minutes lock the address out of
posting to that page for the same time. Reading a page is never limited.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..errors import TooManyRequests
from ..models import LoginThrottle


def count_public_post(address: str | None, *, page: str, max_posts: int | None = None) -> None:
    """Count one POST to ``page`` (its name on screen) from ``address``; refuse (429, in Chinese) while the
    address is locked out. ``max_posts`` defaults to the ``PUBLIC_MAX_POSTS`` setting."""
    most = int(max_posts if max_posts is not None else settings.PUBLIC_MAX_POSTS)
    window = timedelta(minutes=int(settings.LOGIN_LOCKOUT_MINUTES))
    now = timezone.now()
    key = f"{page}:{address or '未知'}"[:150]
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(username=key)
        if row.locked_until and row.locked_until > now:
            raise TooManyRequests(_message(row.locked_until, page))
        if row.updated_at and now - row.updated_at > window:
            row.failed_login_count = 0  # a quiet window starts the count again
        row.failed_login_count = min(row.failed_login_count + 1, 30000)
        locked = row.failed_login_count > most
        if locked:
            row.locked_until, row.failed_login_count = now + window, 0
        row.save()
    if locked:
        raise TooManyRequests(_message(row.locked_until, page))


def _message(until, page: str) -> str:
    return f"操作过于频繁，请于{timezone.localtime(until):%H:%M}后再试（{page}）"
