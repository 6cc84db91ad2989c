"""等级评估 records, scoped by registry."""

from ..models import Rating
from .common import one, scoped


def rating_list(user, *, status: str = ""):
    rows = scoped(Rating.objects.select_related("organisation"), user)
    return (rows.filter(status=status) if status else rows).order_by("-applied_on", "-pk")


def rating_detail(user, pk: int) -> Rating:
    return one(Rating.objects.select_related("organisation", "applied_by", "scored_by"), user, pk)


def ratings_of(organisation) -> list[Rating]:
    return list(organisation.ratings.order_by("-applied_on", "-pk"))
