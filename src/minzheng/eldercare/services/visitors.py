"""Who may be put in charge of visits: active users of the jurisdiction holding ``MANAGE_ELDERCARE``."""

from minzheng.core.jurisdiction import scope
from minzheng.core.models import User
from minzheng.core.permissions import Capability, has_capability


def visitors_of(user) -> list:
    users = (
        scope(User.objects.filter(is_active=True), user, "division_code")
        .prefetch_related("roles")
        .order_by("id")
    )
    return [u for u in users if has_capability(u, Capability.MANAGE_ELDERCARE)]
