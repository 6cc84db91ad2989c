"""The 事项清单 loaded from the shipped data (idempotent: new matters added, shipped texts refreshed, a
county's own promised limit and switch kept)."""

from django.db import transaction

from ..catalogue_data import MATTERS
from ..models import Matter

_LOCAL = {"promised_days", "enabled"}


@transaction.atomic
def load_matters() -> tuple[int, int]:
    """(added, refreshed)."""
    added = refreshed = 0
    for sort, data in enumerate(MATTERS):
        values = {**data, "sort": sort}
        code = values.pop("code")
        matter = Matter.objects.filter(code=code).first()
        if matter is None:
            Matter.objects.create(code=code, **values)
            added += 1
            continue
        for name, value in values.items():
            if name not in _LOCAL:
                setattr(matter, name, value)
        matter.save()
        refreshed += 1
    return added, refreshed
