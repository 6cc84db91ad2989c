"""婚姻家庭辅导 reads (scoped by the registry's division)."""

from ..models import CounsellingRoom, CounsellingSession, Registry
from .common import scoped


def rooms_of(registry: Registry):
    return registry.counselling_rooms.order_by("-active", "name")


def session_list(user):
    return scoped(CounsellingSession.objects.select_related("room__registry"), user).order_by(
        "-held_on", "-id"
    )


def rooms_for_registrar(user):
    """Active rooms at the registries where the user is a registrar."""
    return (
        scoped(CounsellingRoom.objects.select_related("registry"), user)
        .filter(active=True, registry__registrars__user=user, registry__registrars__active=True)
        .order_by("name")
    )
