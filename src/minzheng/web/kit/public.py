"""What the public (no-login) pages share: every POST counts against the client's address."""

from minzheng.core.errors import TooManyRequests
from minzheng.core.request_context import client_ip
from minzheng.core.services.public_limits import count_public_post


def post_allowed(request, form, *, page: str, max_posts: int | None = None) -> bool:
    """Count this POST (``core.services.public_limits``); when the address is over its limit the form carries
    the Chinese refusal and the view answers 429 without touching the form's data."""
    try:
        count_public_post(client_ip(request), page=page, max_posts=max_posts)
    except TooManyRequests as error:
        form.add_error(None, error.message)
        return False
    return True
