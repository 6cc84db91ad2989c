"""用户管理's reads: the accounts of the administrator's jurisdiction (by the users' division code)."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..errors import PermissionDenied
from ..jurisdiction import get_in_jurisdiction_or_404, scope
from ..models import User
from ..permissions import Capability, has_capability


@dataclass(frozen=True)
class UserFilter:
    q: str = ""
    role: str = ""
    status: str = ""  # "", "active", "disabled", "locked"


def _require_account_admin(actor) -> None:
    if not (
        has_capability(actor, Capability.MANAGE_USERS) or has_capability(actor, Capability.MANAGE_SECURITY)
    ):
        raise PermissionDenied("只有系统管理员或安全管理员可以管理用户")


def user_list(actor, filters: UserFilter = UserFilter()) -> QuerySet[User]:
    _require_account_admin(actor)
    qs = (
        scope(User.objects.all(), actor, field="division_code").prefetch_related("roles").order_by("username")
    )
    if filters.q:
        qs = qs.filter(Q(username__icontains=filters.q) | Q(full_name__icontains=filters.q))
    if filters.role:
        qs = qs.filter(roles__code=filters.role)
    if filters.status == "active":
        qs = qs.filter(is_active=True)
    elif filters.status == "disabled":
        qs = qs.filter(is_active=False)
    elif filters.status == "locked":
        qs = qs.filter(locked_until__gt=timezone.now())
    return qs


def access_user(actor, pk: int) -> User:
    _require_account_admin(actor)
    return get_in_jurisdiction_or_404(User.objects.all(), actor, field="division_code", pk=pk)


def pending_login_user(pk: int | None) -> User | None:
    """The active account whose password was right and whose second factor is being asked for."""
    return User.objects.filter(pk=pk, is_active=True).first() if pk else None
