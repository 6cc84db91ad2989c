"""The 区划地名 clocks that are policy (dated, per division), read from the policy store."""

from dataclasses import dataclass
from datetime import date

from minzheng.policy.interface import ParameterNotSet, parameter_value


def integer(name: str, division_code: str, on: date) -> int:
    return int(parameter_value(f"placenames_{name}", division_code, on))


@dataclass(frozen=True)
class Clocks:
    filing_days: int
    announcement_days: int
    implementation_months: int
    extension_months: int
    code_publication_months: int
    joint_inspection_years: int


def clocks(division_code: str, on: date) -> Clocks:
    """The clocks in force on ``on``; for a record older than the rule (a name approved in 2010, a change of
    1993) the rule in force today is shown — the platform did not run those clocks then."""
    try:
        return _clocks(division_code, on)
    except ParameterNotSet:
        return _clocks(division_code, date.today())


def _clocks(division_code: str, on: date) -> Clocks:
    return Clocks(
        filing_days=integer("filing_days", division_code, on),
        announcement_days=integer("announcement_days", division_code, on),
        implementation_months=integer("division_implementation_months", division_code, on),
        extension_months=integer("division_extension_months", division_code, on),
        code_publication_months=integer("code_publication_months", division_code, on),
        joint_inspection_years=integer("joint_inspection_years", division_code, on),
    )
