"""The 养老服务 figures that are policy (dated, per division) — read from the platform's policy store."""

from datetime import date

from minzheng.policy.interface import parameter_value, working_day_deadline

from ..rules.assessment import CapabilityLevel

__all__ = [
    "disabled_from_level",
    "reassessment_months",
    "rectification_working_days",
    "working_day_deadline",
]


def reassessment_months(division_code: str, on: date) -> int:
    return int(parameter_value("eldercare_reassessment_months", division_code, on))


def rectification_working_days(division_code: str, on: date, severity: str) -> int:
    name = (
        "eldercare_rectify_major_working_days"
        if severity == "major"
        else "eldercare_rectify_general_working_days"
    )
    return int(parameter_value(name, division_code, on))


def disabled_from_level(division_code: str, on: date) -> CapabilityLevel:
    return CapabilityLevel(int(parameter_value("eldercare_disabled_from_level", division_code, on)))
