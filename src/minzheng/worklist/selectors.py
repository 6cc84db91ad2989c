"""Reads of the work queue: every source's open items on the user's desks with their owners, filtered, sorted
(overdue first, then by due date) and summed up for the home page.

Bounded queries whatever the number of open items: each source answers in a fixed number of queries
(``core.work_items``), owners come in one query by jurisdiction, names of owners and divisions in one each,
the calendar in one. Working days left are counted only for the page shown.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from minzheng.core.jurisdiction import division_prefix, scope
from minzheng.core.models import User
from minzheng.core.permissions import ROLE_CAPABILITIES, Capability
from minzheng.core.selectors.divisions import names_of
from minzheng.core.work_items import WorkItem
from minzheng.policy.interface import (
    ancestor_division_codes,
    with_calendar,
    working_calendar,
    working_days_between,
)

from .models import WorkOwner
from .sources import work_sources

MINE, UNCLAIMED, ALL = "mine", "unclaimed", "all"
SCOPES = ((ALL, "辖区全部"), (MINE, "我负责的"), (UNCLAIMED, "未认领"))


@dataclass(frozen=True)
class WorkFilter:
    scope: str = ALL
    domain: str = ""
    overdue: bool = False
    division_code: str = ""
    q: str = ""


@dataclass(frozen=True)
class WorkRow:
    """A queue row: the item, its owner (central, else the domain's own), and the figures shown."""

    item: WorkItem
    owner_id: int | None
    owner_name: str
    overdue: bool
    division_name: str = ""
    working_days_left: int | None = None  # counted for the rows shown only

    @property
    def overdue_working_days(self) -> int:
        return -self.working_days_left if self.working_days_left and self.working_days_left < 0 else 0


@dataclass(frozen=True)
class WorkSummary:
    total: int
    overdue: int
    mine: int
    unclaimed: int
    by_domain: list[tuple[str, int, int]] = field(default_factory=list)  # (domain, open, overdue)


def open_items(user, today: date) -> list[WorkItem]:
    return [item for source in work_sources().values() for item in source.open_items(user, today)]


def _owners(user, items: list[WorkItem]) -> dict[tuple[str, str], tuple[int, str]]:
    """(source, key) → (owner id, name), the queue's owner first, else the one the domain recorded."""
    central = {
        (source, key): (owner_id, full_name or username)
        for source, key, owner_id, full_name, username in scope(
            WorkOwner.objects.all(), user, "division_code"
        ).values_list("source", "key", "owner_id", "owner__full_name", "owner__username")
    }
    domain_owner_ids = {item.owner_id for item in items if item.owner_id}
    names = (
        {
            pk: full_name or username
            for pk, full_name, username in User.objects.filter(pk__in=domain_owner_ids).values_list(
                "pk", "full_name", "username"
            )
        }
        if domain_owner_ids
        else {}
    )
    found = {}
    for item in items:
        key = (item.source, item.key)
        if key in central:
            found[key] = central[key]
        elif item.owner_id:
            found[key] = (item.owner_id, names.get(item.owner_id, ""))
    return found


def _sort_key(row: WorkRow):
    return (not row.overdue, row.item.due_on or date.max, row.item.domain, row.item.reference, row.item.key)


def work_rows(user, filters: WorkFilter, today: date) -> list[WorkRow]:
    """The queue as filtered, overdue first, then by due date (undated last)."""
    items = open_items(user, today)
    owners = _owners(user, items)
    rows = []
    prefix = division_prefix(filters.division_code) if filters.division_code else ""
    q = filters.q.strip()
    for item in items:
        owner_id, owner_name = owners.get((item.source, item.key), (None, ""))
        if filters.scope == MINE and owner_id != user.pk:
            continue
        if filters.scope == UNCLAIMED and owner_id is not None:
            continue
        if filters.domain and item.domain != filters.domain:
            continue
        overdue = item.due_on is not None and item.due_on < today
        if filters.overdue and not overdue:
            continue
        if prefix and not item.division_code.startswith(prefix):
            continue
        if q and q not in item.reference and q not in item.matter and q not in item.subject:
            continue
        rows.append(WorkRow(item, owner_id, owner_name, overdue))
    return sorted(rows, key=_sort_key)


def with_figures(rows: list[WorkRow], today: date) -> list[WorkRow]:
    """The rows of one page with their division names and working days left (negative: overdue by)."""
    names = names_of({row.item.division_code for row in rows}) if rows else {}
    calendar = working_calendar() if rows else None
    shown = []
    for row in rows:
        left = None
        if row.item.due_on is not None:
            left, _ = with_calendar(
                lambda c, due=row.item.due_on: working_days_between(today, due, c), calendar
            )
        shown.append(
            replace(
                row,
                division_name=names.get(row.item.division_code, row.item.division_code),
                working_days_left=left,
            )
        )
    return shown


def summary(user, today: date) -> WorkSummary:
    """The home page's 待办: open items, overdue, mine and unclaimed, and per domain (in source order)."""
    rows = work_rows(user, WorkFilter(), today)
    by_domain: Counter = Counter()
    overdue_by_domain: Counter = Counter()
    for row in rows:
        by_domain[row.item.domain] += 1
        overdue_by_domain[row.item.domain] += row.overdue
    return WorkSummary(
        total=len(rows),
        overdue=sum(row.overdue for row in rows),
        mine=sum(row.owner_id == user.pk for row in rows),
        unclaimed=sum(row.owner_id is None for row in rows),
        by_domain=[(domain, n, overdue_by_domain[domain]) for domain, n in by_domain.items()],
    )


def domains() -> list[str]:
    return list(dict.fromkeys(source.domain for source in work_sources().values()))


def eligible_owners(item: WorkItem) -> list[User]:
    """Active accounts that can do the item's work and whose jurisdiction covers its division (one query)."""
    roles = ROLE_CAPABILITIES[Capability(item.capability)]
    codes = {code.ljust(12, "0") for code in ancestor_division_codes(item.division_code)} | {"0" * 12}
    return list(
        User.objects.filter(is_active=True, division_code__in=codes, roles__code__in=roles)
        .distinct()
        .order_by("division_code", "username")
    )


def owner_of(source: str, key: str) -> tuple[int, str] | None:
    found = (
        WorkOwner.objects.filter(source=source, key=key)
        .values_list("owner_id", "owner__full_name", "owner__username")
        .first()
    )
    return (found[0], found[1] or found[2]) if found else None
