"""Timelines: what each domain knows about a person or a household, in time order (一人一档 / 一户一档).

The 数据中心 (``datacenter``) shows a person's and a household's whole 民政 story on one page. It sits above
the domains and never reads their tables; a domain offers its part by putting a module ``timeline.py`` at the
top of its package with ``ENTRIES``, a list of functions ``(user, subject) -> Iterable[TimelineEntry]``,
collected by convention (``core.discovery``) as household panels and work sources are (ADR 0038).

A provider reads by the subject's keys (persons, households, ID numbers, phones) in a bounded number of
queries however long the story is (no query per entry), and never writes. The subject itself was already
fetched inside the viewer's jurisdiction; providers that keep records visible only to some desks (e.g.
未成年人保护 cases) leave them out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .discovery import app_modules


@dataclass(frozen=True)
class TimelineSubject:
    """Whose story: the person(s) and household(s) it is about, with the keys other domains copy."""

    person_ids: frozenset[int]
    household_ids: frozenset[int]
    id_numbers: frozenset[str] = frozenset()
    phones: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened (一件事), shaped for the file; never a model.

    ``title`` and ``detail`` never hold a name, an ID number or a bank account (the page masks ID numbers in
    them again anyway); ``person_name`` is whom the entry is about inside a household, the one place a name
    goes — the page masks it for roles that read masked figures.
    """

    on: date
    domain: str  # zh-Hans, e.g. "社会救助"
    title: str  # zh-Hans, e.g. "城市低保申请 · 已批准"
    detail: str = ""
    url: str = ""
    person_name: str = ""


TimelineProvider = Callable[[object, TimelineSubject], Iterable[TimelineEntry]]


def timeline_providers() -> list[TimelineProvider]:
    """Every ``ENTRIES`` function of every installed app's ``timeline`` module, in INSTALLED_APPS order."""
    return [
        provider for _config, module in app_modules("timeline") for provider in getattr(module, "ENTRIES", ())
    ]


def collect_timeline(user, subject: TimelineSubject) -> list[TimelineEntry]:
    """The whole story, newest first (ties keep app order)."""
    entries = [entry for provider in timeline_providers() for entry in provider(user, subject)]
    return sorted(entries, key=lambda entry: entry.on, reverse=True)
