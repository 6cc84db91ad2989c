"""节地生态安葬 reads, scoped by the deceased's division (burials) or the list's division (award lists)."""

from django.db.models import QuerySet

from minzheng.policy.interface import visible

from ..models import EcoAwardList, EcoAwardRule, EcoBurial
from .common import one, scoped, under


def eco_burials(user, *, division_code: str = "", method: str = "") -> QuerySet[EcoBurial]:
    qs = under(scoped(EcoBurial.objects.select_related("death", "cemetery"), user), division_code)
    if method:
        qs = qs.filter(method=method)
    return qs.order_by("-buried_on", "-pk")


def award_rules(user) -> QuerySet[EcoAwardRule]:
    """The rules that apply to the user's jurisdiction: those of divisions above it and within it."""
    return visible(EcoAwardRule.objects.all(), user).order_by("method", "division_code", "-effective_from")


def award_lists(user) -> QuerySet[EcoAwardList]:
    return scoped(EcoAwardList.objects.select_related("prepared_by", "approved_by"), user).order_by(
        "-month", "division_code"
    )


def award_list_detail(user, pk: int) -> EcoAwardList:
    return one(EcoAwardList.objects.select_related("prepared_by", "approved_by"), user, pk)


def award_list_burials(awards: EcoAwardList) -> QuerySet[EcoBurial]:
    return awards.burials.select_related("death").order_by("recorded_on", "pk")
