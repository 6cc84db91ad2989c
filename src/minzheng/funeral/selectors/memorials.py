"""网络祭扫 reads: the public memorial (only the chosen name and dates, only while consent stands), the coming days'
quotas for the public booking page, and the staff's scoped lists."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from ..models import Memorial, ProxyTribute, VisitQuota
from ..rules.memorials import shown_dates
from .common import one, scoped


@dataclass(frozen=True)
class PublicMemorial:
    """All the public page shows: the chosen name and dates, and how many have paid tribute."""

    token: str
    name: str
    dates: str
    tributes: int


def public_memorial(token: str) -> PublicMemorial | None:
    memorial = (
        Memorial.objects.filter(token=str(token)[:32], withdrawn_on__isnull=True)
        .select_related("death")
        .first()
    )
    if memorial is None:
        return None
    death = memorial.death
    return PublicMemorial(
        memorial.token, memorial.shown_name, shown_dates(death.birth_date, death.death_date, memorial.dates_shown),
        memorial.tributes,
    )  # fmt: skip


def open_quotas(today: date | None = None, days: int = 30) -> list[VisitQuota]:
    """The coming days' quotas of every cemetery (public: cemetery names and free places only)."""
    today = today or timezone.localdate()
    return list(
        VisitQuota.objects.filter(day__range=(today, today + timedelta(days=days)))
        .select_related("cemetery")
        .order_by("cemetery__name", "day")
    )


def memorials(user) -> QuerySet[Memorial]:
    return scoped(Memorial.objects.select_related("death"), user).order_by("-consent_on", "-pk")


def memorial_for_action(user, pk: int) -> Memorial:
    return one(Memorial.objects.all(), user, pk)


def proxy_tributes(user) -> QuerySet[ProxyTribute]:
    return scoped(ProxyTribute.objects.select_related("death", "cemetery"), user).order_by(
        "status", "due_on", "pk"
    )


def proxy_tribute_for_action(user, pk: int) -> ProxyTribute:
    return one(ProxyTribute.objects.all(), user, pk)


def quotas(user) -> QuerySet[VisitQuota]:
    return scoped(VisitQuota.objects.select_related("cemetery"), user).order_by("-day", "cemetery__name")
