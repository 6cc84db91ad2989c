"""The 基层治理 figures that are policy (dated, per division), read from the policy store."""

from datetime import date
from decimal import Decimal

from minzheng.policy.interface import parameter_value

from ..rules.committees import CompositionLimits
from ..rules.elections import ElectionClocks
from ..rules.meetings import Quorum


def value(name: str, division_code: str, on: date) -> Decimal:
    return parameter_value(f"community_{name}", division_code, on)


def integer(name: str, division_code: str, on: date) -> int:
    return int(value(name, division_code, on))


def composition(division_code: str, on: date) -> CompositionLimits:
    return CompositionLimits(
        village_min=integer("village_members_min", division_code, on),
        village_max=integer("village_members_max", division_code, on),
        residents_min=integer("residents_members_min", division_code, on),
        residents_max=integer("residents_members_max", division_code, on),
        residents_households_min=integer("residents_households_min", division_code, on),
        residents_households_max=integer("residents_households_max", division_code, on),
    )


def election_clocks(division_code: str, on: date) -> ElectionClocks:
    return ElectionClocks(
        term_years=integer("term_years", division_code, on),
        publication_days=integer("voter_list_days", division_code, on),
        objection_days=integer("objection_days", division_code, on),
        answer_days=integer("objection_answer_days", division_code, on),
        non_hukou_residence_years=integer("non_hukou_residence_years", division_code, on),
    )


def quorum(division_code: str, on: date) -> Quorum:
    return Quorum(
        households_numerator=integer("households_quorum_numerator", division_code, on),
        households_denominator=integer("households_quorum_denominator", division_code, on),
        representatives_numerator=integer("representatives_quorum_numerator", division_code, on),
        representatives_denominator=integer("representatives_quorum_denominator", division_code, on),
    )
