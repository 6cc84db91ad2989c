"""Occupancy counted from ``Residency`` rows on a day — the one place it is computed."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q

from ..models import BedKind, Residency


@dataclass(frozen=True)
class Occupancy:
    total: int = 0
    nursing: int = 0


def open_on(day: date) -> Q:
    """Residencies in the house on ``day``: admitted on or before it, not discharged on or before it."""
    return Q(admitted_on__lte=day) & (Q(discharged_on__isnull=True) | Q(discharged_on__gt=day))


def occupancy_of(institution_ids: Iterable[int], day: date) -> dict[int, Occupancy]:
    """Occupied beds (all, and 护理型) per institution on ``day`` — one query for any number of houses."""
    rows = (
        Residency.objects.filter(open_on(day), institution_id__in=list(institution_ids))
        .values("institution_id")
        .annotate(total=Count("id"), nursing=Count("id", filter=Q(bed_kind=BedKind.NURSING)))
    )
    return {row["institution_id"]: Occupancy(row["total"], row["nursing"]) for row in rows}
