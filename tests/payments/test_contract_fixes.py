"""Defects found in the assistance contract while building payroll on it (fixed minimally there)."""

from datetime import date

import pytest

from minzheng.assistance.services.cases import open_case
from minzheng.core.models import Household

pytestmark = pytest.mark.django_db


def test_a_household_with_an_eight_digit_id_can_apply(programs, county_caseworker, household):
    # The placeholder case number once held both ids and a 20-digit date stamp: past 32 characters from
    # household id 10,000 on, which PostgreSQL refused (SQLite does not check lengths).
    big = Household.objects.create(
        pk=12_345_678,
        number="210602002999999",
        residence_division_code="210602002001",
        area_type="urban",
        head=household.head,
    )
    case = open_case(
        county_caseworker, household_id=big.pk, program_code="dibao_urban", applied_on=date(2026, 2, 3)
    )
    assert case.number == f"JZ2026210602{case.pk:08d}"
