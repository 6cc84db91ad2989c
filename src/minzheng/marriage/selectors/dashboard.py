"""Figures of the 婚姻登记 home page (this year, inside the jurisdiction) in a few aggregate queries."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from ..models import DivorceApplication, DivorceStatus, MarriageRecord
from .common import scoped


@dataclass(frozen=True)
class Summary:
    year: int
    marriages: int
    marriages_today: int
    divorces: int
    withdrawn: int
    deemed_withdrawn: int
    cooling_off: int
    appearance_due: int


def summary(user, today: date) -> Summary:
    m = scoped(MarriageRecord.objects.all(), user).aggregate(
        year=Count("id", filter=Q(registered_on__year=today.year)),
        today=Count("id", filter=Q(registered_on=today)),
    )
    d = scoped(DivorceApplication.objects.all(), user).aggregate(
        registered=Count("id", filter=Q(status=DivorceStatus.REGISTERED, closed_on__year=today.year)),
        withdrawn=Count("id", filter=Q(status=DivorceStatus.WITHDRAWN, closed_on__year=today.year)),
        deemed=Count("id", filter=Q(status=DivorceStatus.DEEMED_WITHDRAWN, closed_on__year=today.year)),
        cooling=Count("id", filter=Q(status=DivorceStatus.COOLING_OFF, withdrawal_end__gte=today)),
        appearance=Count(
            "id",
            filter=Q(
                status=DivorceStatus.COOLING_OFF, appearance_start__lte=today, appearance_end__gte=today
            ),
        ),
    )
    return Summary(
        today.year, m["year"], m["today"], d["registered"], d["withdrawn"], d["deemed"], d["cooling"],
        d["appearance"],
    )  # fmt: skip
