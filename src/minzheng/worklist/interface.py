"""待办中心's published interface: the only module other apps import (tests/architecture/test_boundaries.py).

- the home page's figures: ``queue_summary`` (``WorkSummary``);
- owners for a domain's own pages and 分派 forms: ``owner_of``, ``candidate_owners`` (``OwnerChoice``),
  ``assign_owner`` and ``release_owner`` (the same audited services as the queue's 指派/改派/退回).
Domains offer their work through ``<app>/work_items.py`` (``core.work_items``), not through this module.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from minzheng.core.selectors.divisions import names_of

from . import selectors, services
from .selectors import WorkSummary
from .sources import find_item


@dataclass(frozen=True)
class OwnerChoice:
    user_id: int
    name: str
    division_name: str

    @property
    def label(self) -> str:
        return f"{self.name}（{self.division_name}）" if self.division_name else self.name


def queue_summary(user, today: date) -> WorkSummary:
    return selectors.summary(user, today)


def owner_of(source: str, key: str) -> tuple[int, str] | None:
    """(user id, name) of the person the queue holds responsible for the record, or ``None``."""
    return selectors.owner_of(source, key)


def candidate_owners(user, source: str, key: str) -> list[OwnerChoice]:
    """Who the record's work may be assigned to (its capability, jurisdiction covering it); 404 outside."""
    item = find_item(user, source, key, timezone.localdate())
    found = selectors.eligible_owners(item)
    names = names_of({u.division_code for u in found})
    return [OwnerChoice(u.pk, u.display_name, names.get(u.division_code, "")) for u in found]


def assign_owner(user, source: str, key: str, owner_id: int | None) -> None:
    services.assign(user, source, key, owner_id)


def release_owner(user, source: str, key: str) -> None:
    services.release(user, source, key)


__all__ = [
    "OwnerChoice",
    "WorkSummary",
    "assign_owner",
    "candidate_owners",
    "owner_of",
    "queue_summary",
    "release_owner",
]
