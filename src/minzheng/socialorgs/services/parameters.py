"""The 社会组织 figures that are policy (dated, per division), read from the policy store."""

from datetime import date
from decimal import Decimal

from minzheng.policy.interface import add_working_days, parameter_value, with_calendar

from ..rules.charity import CharityPeriods
from ..rules.credit import Clocks
from ..rules.registration import Thresholds


def value(name: str, division_code: str, on: date) -> Decimal:
    return parameter_value(f"socialorgs_{name}", division_code, on)


def integer(name: str, division_code: str, on: date) -> int:
    return int(value(name, division_code, on))


def thresholds(division_code: str, on: date) -> Thresholds:
    return Thresholds(
        min_individual_members=integer("min_individual_members", division_code, on),
        min_unit_members=integer("min_unit_members", division_code, on),
        association_funds_national=value("association_funds_national", division_code, on),
        association_funds_local=value("association_funds_local", division_code, on),
        foundation_fund_national_public=value("foundation_fund_national_public", division_code, on),
        foundation_fund_local_public=value("foundation_fund_local_public", division_code, on),
        foundation_fund_non_public=value("foundation_fund_non_public", division_code, on),
    )


def credit_clocks(division_code: str, on: date) -> Clocks:
    return Clocks(
        listing_working_days=integer("listing_working_days", division_code, on),
        abnormal_auto_removal_months=integer("abnormal_auto_removal_months", division_code, on),
        escalation_years=integer("escalation_years", division_code, on),
        serious_removal_years=integer("serious_removal_years", division_code, on),
    )


def month_day(name: str, division_code: str, on: date) -> tuple[int, int]:
    """A deadline stored as MMDD (331 → 31 March)."""
    number = integer(name, division_code, on)
    return number // 100, number % 100


def working_days_after(start: date, days: int) -> date:
    """``days`` working days after ``start`` by the policy store's calendar (a year not loaded yet counts
    weekends only — ``with_calendar``)."""
    return with_calendar(lambda calendar: add_working_days(start, days, calendar))[0]


def charity_periods(division_code: str, on: date) -> CharityPeriods:
    def n(name: str) -> int:
        return integer(name, division_code, on)

    return CharityPeriods(
        registration_days=n("charity_registration_days"),
        recognition_days=n("charity_recognition_days"),
        fundraising_days=n("fundraising_decision_days"),
        fundraising_min_years=n("fundraising_min_years"),
        rating_exempt_years=n("fundraising_rating_exempt_years"),
        min_rating_level=n("fundraising_min_rating"),
        plan_lead_days=n("plan_lead_days"),
        emergency_grace_days=n("emergency_plan_days"),
        disclosure_long_months=n("disclosure_long_months"),
        disclosure_every_months=n("disclosure_every_months"),
        final_disclosure_months=n("final_disclosure_months"),
        trust_filing_days=n("trust_filing_days"),
    )
