"""Where 核对 gets the figures a household is judged against — 低保标准, the 低保边缘 multiplier, the asset
limit — without depending on the domain that owns them.

Those figures are 社会救助's (its 保障标准 and 认定标准). 核对 sits below 社会救助: it is asked for reports by
casework, and it also runs on its own (an area or an uploaded list, in a background worker, where no caller is
present to hand the figures over). So the owning domain registers a *policy source* when Django starts
(``AppConfig.ready``) and 核对 asks it for each run's divisions and date. Without a registered source a run
fails loudly rather than judging households against guesses.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class VerificationPolicy:
    """What a household economic verification needs for one division on one day (None: not set there)."""

    dibao_monthly: Decimal | None  # 低保标准, 元/人/月, for the division's area
    dibao_edge_multiplier: Decimal | None
    asset_limit_months: Decimal | None


PolicySource = Callable[[dict[str, str], date], dict[str, VerificationPolicy]]
"""division code → area (``urban``/``rural``), the day → the figures per division code."""

_source: PolicySource | None = None


def register_policy_source(source: PolicySource) -> None:
    """Called once by the domain that owns the 低保标准 (社会救助) from its ``AppConfig.ready``."""
    global _source
    _source = source


def policies_for(division_areas: dict[str, str], on: date) -> dict[str, VerificationPolicy]:
    if _source is None:
        raise ImproperlyConfigured(
            "no policy source registered for 家庭经济状况核对 (is 社会救助 installed?)"
        )
    return _source(division_areas, on)
