"""How a domain declares the policy parameters it reads: a spec per name, and the values shipped with it.

Pure data classes (no Django): each domain's ``policy_parameters`` module lists ``PARAMETERS`` (specs) and
``SEEDS`` (shipped versions, each with its source); ``policy.catalogue`` collects them from every app.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

NATIONAL = "000000000000"  # a version set for the whole country (every division inherits it)


class ValueType(StrEnum):
    DECIMAL = "decimal"
    INTEGER = "integer"
    CHOICE = "choice"


@dataclass(frozen=True)
class ParameterSpec:
    """One parameter name: its Chinese label, unit, value type, choices and the group the page lists it under."""

    name: str
    label: str
    unit: str
    value_type: ValueType = ValueType.DECIMAL
    choices: tuple[str, ...] = ()
    group: str = "社会救助"


@dataclass(frozen=True)
class SeedParameter:
    """A version shipped with the platform (a national default or a figure a plan states), with its source."""

    name: str
    division_code: str
    effective_from: date
    source_note: str
    value: Decimal | None = None
    text_value: str = ""
    valid_to: date | None = None


def national(name: str, value, note: str, effective_from: date, **extra) -> SeedParameter:
    """A national default (``value`` as a number or numeric string; ``None`` for a choice parameter)."""
    return SeedParameter(
        name, NATIONAL, effective_from, note, Decimal(value) if value is not None else None, **extra
    )
