"""Staff of a jurisdiction who hold a capability: visitors (探访责任人) and the inspector pool (执法检查人员名录)."""

from minzheng.core.jurisdiction import scope
from minzheng.core.models import User
from minzheng.core.permissions import Capability, has_capability


def staff_with(user, capability: Capability, *, same_office: bool = False) -> list:
    """Active users holding ``capability`` in ``user``'s jurisdiction (or, ``same_office``, at exactly the
    user's division: a bureau's own staff), in id order — the order the 双随机 pool is stored in."""
    users = scope(User.objects.filter(is_active=True), user, "division_code")
    if same_office:
        users = users.filter(division_code=user.division_code)
    return [u for u in users.order_by("id") if has_capability(u, capability)]


def visitors_of(user) -> list:
    """Community workers who may be put in charge of visits: caseworkers of the jurisdiction."""
    return staff_with(user, Capability.MANAGE_ELDERCARE)
