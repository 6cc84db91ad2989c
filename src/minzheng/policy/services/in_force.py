"""What is in force: the parameter answers every domain asks for (plain dataclasses or ``Decimal``, never rows).

Resolution: the most specific division wins (a county's own figure over its city's), then the latest version
effective on or before the day.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from minzheng.core.selectors.divisions import division_name

from ..book import ParameterVersion
from ..catalogue import parameters, spec_for
from ..errors import InvalidPolicyValue, ParameterNotSet
from ..selectors.books import parameter_book
from .parameters import normalise_division_code


@dataclass(frozen=True)
class ParameterInForce:
    """A 政策参数 in force for a division on a day."""

    name: str
    label: str
    value: Decimal | None
    text_value: str
    unit: str
    division_code: str
    effective_from: date
    valid_to: date | None
    source_note: str


def parameter_in_force(name: str, division_code: str, on: date) -> ParameterInForce:
    """The version of a policy parameter in force; ``ParameterNotSet`` when none covers the division."""
    division_code = normalise_division_code(division_code)
    spec = spec_for(name)
    if spec is None:
        raise InvalidPolicyValue(f"未知的参数：{name}", field="name")
    version = parameter_book([division_code]).parameter(name, division_code, on)
    if version is None:
        place = division_name(division_code) or division_code
        raise ParameterNotSet(
            f"政策参数“{spec.label}”在{place}于 {on:%Y-%m-%d} 未设置，请由审批人或系统管理员在“系统管理 › 政策参数”中设置"
        )
    return parameter_from_version(version)


def parameter_value(name: str, division_code: str, on: date, default: Decimal | None = None) -> Decimal:
    """The number in force (``default`` when the parameter is not set and a default is given)."""
    try:
        value = parameter_in_force(name, division_code, on).value
    except ParameterNotSet:
        if default is None:
            raise
        return default
    if value is None:
        raise InvalidPolicyValue(f"参数 {name} 不是数值参数", field="name")
    return value


def parameters_in_force(division_code: str, on: date) -> list[ParameterInForce]:
    """Every catalogued parameter set for the division on the day, in catalogue order."""
    division_code = normalise_division_code(division_code)
    book = parameter_book([division_code])
    versions = (book.parameter(spec.name, division_code, on) for spec in parameters())
    return [parameter_from_version(version) for version in versions if version is not None]


def parameter_from_version(version: ParameterVersion) -> ParameterInForce:
    spec = spec_for(version.name)
    return ParameterInForce(
        name=version.name, label=spec.label if spec else version.name, value=version.value,
        text_value=version.text_value, unit=version.unit, division_code=version.division_code,
        effective_from=version.effective_from, valid_to=version.valid_to, source_note=version.source_note,
    )  # fmt: skip
