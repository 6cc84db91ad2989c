"""提标测算 on plain household tuples (there are no 低保 cases yet)."""

from datetime import date
from decimal import Decimal

from minzheng.assistance.services.standard_raise import preview_standard_raise

from .factories import add_parameter, add_standard

CITY = "210600000000"


def test_a_raise_preview_recomputes_every_households_top_up(db):
    add_standard(CITY, date(2020, 1, 1), "663")
    households = [
        (1, Decimal("300"), 3, Decimal("1089.00")),  # (663 − 300) × 3
        (2, Decimal("700"), 1, Decimal("0.00")),  # above the old line, below the new one
    ]
    result = preview_standard_raise(
        division_code="210602000000", area="urban", new_amount=Decimal("720"), period="month",
        effective_from=date(2024, 7, 1), households=households,
    )  # fmt: skip
    assert result.current_standard.amount == Decimal("663")
    assert [(line.household_key, line.new_amount) for line in result.preview.lines] == [
        ("1", Decimal("1260.00")),
        ("2", Decimal("20.00")),
    ]
    assert result.preview.difference_total == Decimal("191.00")


def test_the_preview_applies_the_divisions_minimum_per_person(db):
    add_parameter("dibao_minimum_per_person", CITY, date(2020, 1, 1), "50")
    result = preview_standard_raise(
        division_code=CITY, area="rural", new_amount=Decimal("6000"), period="year",
        effective_from=date(2024, 1, 1), households=[("h", Decimal("480"), 2, Decimal("0"))],
    )  # fmt: skip
    assert result.new_monthly_standard == Decimal("500.00")
    assert result.current_standard is None
    assert result.preview.lines[0].new_amount == Decimal("100.00")  # 2 × 20 补差 raised to 2 × 50 保底


def test_the_preview_computes_the_gap_from_the_household_total_rounding_rule(db):
    # 720 × 3 − 1000 = 1160.00; from the rounded per-capita 333.33 it would be 1160.01.
    households = [(1, Decimal("333.33"), 3, Decimal("989.00"), Decimal("1000"), 3)]
    result = preview_standard_raise(
        division_code="210602000000", area="urban", new_amount=Decimal("720"), period="month",
        effective_from=date(2024, 7, 1), households=households,
    )  # fmt: skip
    assert result.preview.lines[0].new_amount == Decimal("1160.00")
