"""Who is married now: the check 婚姻登记条例 asks before a registration, behind one small interface.

全国通办 (since 2025-05-10) means a person may have married at any registry in the country, so a local check
is not enough. ``MaritalStatusSource`` is what a source answers; ``PlatformMarriageDatabase`` answers from
every registry on this platform (no jurisdiction filter: a registrar must see a marriage recorded elsewhere);
an adapter of the 全国婚姻基础信息库 (婚姻登记条例 第四条) is added to ``MARRIAGE_STATUS_SOURCES`` later.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from ..models import MarriageStatus, Party


@dataclass(frozen=True)
class ExistingMarriage:
    id_number: str
    registered_on: str
    registry_name: str
    source: str


class MaritalStatusSource(Protocol):
    def current_marriages(self, id_numbers: Iterable[str]) -> list[ExistingMarriage]: ...


class PlatformMarriageDatabase:
    """Marriages in force recorded on this platform, whatever the registry."""

    label = "本平台婚姻登记库"

    def current_marriages(self, id_numbers: Iterable[str]) -> list[ExistingMarriage]:
        rows = Party.objects.filter(
            id_number__in=list(id_numbers), marriage__status=MarriageStatus.IN_FORCE
        ).select_related("marriage__registry")
        return [
            ExistingMarriage(
                p.id_number, f"{p.marriage.registered_on:%Y-%m-%d}", p.marriage.registry.name, self.label
            )
            for p in rows
        ]


def status_sources() -> list[MaritalStatusSource]:
    paths = getattr(
        settings,
        "MARRIAGE_STATUS_SOURCES",
        ["minzheng.marriage.services.status_sources.PlatformMarriageDatabase"],
    )
    return [import_string(path)() for path in paths]


def current_marriages(id_numbers: Iterable[str]) -> list[ExistingMarriage]:
    numbers = [n for n in id_numbers if n]
    return [found for source in status_sources() for found in source.current_marriages(numbers)]
