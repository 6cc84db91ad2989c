"""Household panels: what each domain knows about a household, shown on the registry's household page.

The 家庭户 page belongs to the registry (core), which sits below every domain and may not import one. A domain
that has something to say about a household — 社会救助 whether it is 在保 and which applications are open —
puts a module ``household_panels.py`` at the top of its package with ``PANELS``, a list of functions
``(user, household_id) -> HouseholdPanel | None``; the page collects them by convention (``core.discovery``).
Each function reads inside the user's jurisdiction itself and answers ``None`` when it has nothing to show.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .discovery import app_modules


@dataclass(frozen=True)
class PanelRow:
    """One line of a panel: what (项目), its state in words, since when, and the record's page."""

    label: str
    status: str
    since: str = ""
    url: str = ""


@dataclass(frozen=True)
class HouseholdPanel:
    title: str  # e.g. "社会救助"
    rows: tuple[PanelRow, ...] = ()
    empty: str = "无记录"  # what to say when there are no rows (e.g. 未在保，无在办申请)
    actions: tuple[tuple[str, str], ...] = field(default=())  # (label, url) the user may start from here


PanelSource = Callable[[object, int], HouseholdPanel | None]


def household_panels(user, household_id: int) -> list[HouseholdPanel]:
    """Every domain's panel for the household, in INSTALLED_APPS order, leaving out domains with nothing."""
    panels = []
    for _config, module in app_modules("household_panels"):
        for source in getattr(module, "PANELS", ()):
            if (panel := source(user, household_id)) is not None:
                panels.append(panel)
    return panels
