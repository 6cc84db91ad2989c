"""Work sources: how a domain offers the open work on its desks to the one 待办 (the work queue).

待办中心 (``worklist``) lists 社会救助 cases, 复核 tasks, payroll rosters awaiting approval, monitoring warnings,
养老 hazards and visits … in one table. A domain offers its work by putting a module ``work_items.py`` at the
top of its package with a list ``SOURCES`` of :class:`WorkSource`, as indicator sources and policy parameters
are offered; the work queue collects them by autodiscovery (``collect_work_sources``), so it never imports a
domain and a domain never imports the queue to be listed.

A source answers in a bounded number of queries however many items are open (no query per row): the queue
merges thousands of rows from every source on one page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class WorkItem:
    """One open piece of work (待办事项), shaped for the queue; never a model.

    ``key`` identifies the record inside its source (the queue keeps owners by ``(source, key)``);
    ``capability`` is what a person needs to do the work (claiming and being assigned it are checked
    against it); ``owner_id`` is a person the domain itself already made responsible (e.g. the 探访人 of a
    month's visit plan), shown until somebody claims or is assigned the item in the queue.
    """

    source: str  # the source's code, e.g. "assistance.case"
    key: str  # the record's key inside the source, e.g. "42"
    domain: str  # zh-Hans, e.g. "社会救助"
    matter: str  # zh-Hans, what is to be done, e.g. "城市低保申请 · 待审批"
    subject: str  # the household or person, masked (surname + masked ID number or household number)
    division_code: str  # the division whose desk the item is on (12 digits)
    due_on: date | None  # last day, counted in working days by the domain from the policy store's calendar
    url: str  # the record's page
    capability: str  # core.permissions.Capability value needed to act on it
    owner_id: int | None = None
    reference: str = ""  # the record's own number (案件编号, 预警编号 …), for the search box


@dataclass(frozen=True)
class WorkSource:
    """A kind of work a domain offers: its stable code, Chinese name and the two reads.

    ``open_items(user, today)`` lists every open item on the user's desks inside their jurisdiction;
    ``find(user, key, today)`` answers one open item of the jurisdiction (any desk), raising ``Http404`` for
    a record of another region, a missing one or one no longer open — indistinguishable (ADR 0006).
    """

    code: str  # "<app>.<name>"
    domain: str  # zh-Hans, as the queue's domain filter shows it
    label: str  # zh-Hans, the kind of work, e.g. "救助申请"
    open_items: Callable[..., list[WorkItem]] = field(compare=False)
    find: Callable[..., WorkItem] = field(compare=False)


def record_pk(key: str) -> int:
    """The primary key a source's ``key`` names, or 0 (matches nothing) for text that is not a sane key — a
    key typed into a URL never reaches the database as an overflowing integer."""
    return int(key) if isinstance(key, str) and key.isdigit() and len(key) <= 15 else 0


def url_for_each(name: str) -> Callable[[object], str]:
    """The URL of route ``name`` for any record key: ``reverse`` once, then plain formatting — reversing per row
    costs more than the rest of a row when a desk holds thousands of items."""
    from django.urls import reverse

    marker = "987654321"
    head, tail = reverse(name, args=[marker]).split(marker)
    return lambda key: f"{head}{key}{tail}"


def collect_work_sources() -> dict[str, WorkSource]:
    """Every ``SOURCES`` entry of every installed app's ``work_items`` module, by code, in app order."""
    from .discovery import sources_by_code

    return sources_by_code("work_items", "work source")
