"""The numbers a verification uses, from the records that hold them: the engine's national defaults, then
each division's 低保标准, 低保边缘 multiplier and asset limit as the registered policy source (社会救助) has them in
force (``policy_source``)."""

import datetime as dt

from minzheng.batch.verification import Parameter, default_parameters
from minzheng.batch.verification.parameters import ASSET_MONTHS, DIBAO_STANDARD, INCOME_LINE_MULTIPLIER
from minzheng.core.services.registry import default_area_type

from ..policy_source import policies_for


def verification_parameters(division_codes: set[str], on: dt.date) -> list[Parameter]:
    """Engine parameters for the households' divisions. A division's 低保标准 is the one of its area
    (城市 for 街道 communities, 农村 otherwise — the division's own classification); a division without one gets
    none, and its households go to manual review rather than being judged against a guess."""
    parameters = default_parameters()
    areas = {code: default_area_type(code, "") for code in division_codes}
    for code, policy in policies_for(areas, on).items():
        if policy.dibao_monthly is not None:
            parameters.append(Parameter(code, DIBAO_STANDARD, policy.dibao_monthly))
        if policy.dibao_edge_multiplier is not None:
            parameters.append(
                Parameter(code, f"{INCOME_LINE_MULTIPLIER}.dibao_edge", policy.dibao_edge_multiplier)
            )
        if policy.asset_limit_months is not None:
            parameters.append(Parameter(code, ASSET_MONTHS, policy.asset_limit_months))
    return parameters
