"""Manual review: household changes, missing or stale data, missing parameters, flag-type bank answers;
and how dated, division-specific parameters are resolved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def test_deceased_member_is_flagged_for_manual_review(world):
    (member,) = world.household("R1")
    world.rows["hukou"][0]["status"] = "deceased"
    row = world.run().household("R1")
    assert row["conclusion"] == "manual_review"
    (reason,) = row["reasons"]
    assert reason["code"] == "member_deceased"
    assert reason["evidence"][0]["key"] == {"id_number": member}


def test_moved_out_member_is_flagged_for_manual_review(world):
    world.household("R1")
    world.rows["hukou"][0]["status"] = "moved_out"
    assert world.verdict("R1") == ("manual_review", {"member_moved_out"})


def test_member_in_death_records_is_flagged_for_manual_review(world):
    (member,) = world.household("R1")
    world.add("deaths", id_number=member, death_date=dt.date(2025, 5, 2))
    assert world.verdict("R1") == ("manual_review", {"member_in_death_records"})


def test_member_missing_from_hukou_goes_to_manual_review(world):
    world.household("R1")
    world.rows["hukou"].clear()
    assert world.verdict("R1") == ("manual_review", {"member_not_in_hukou"})


def test_a_proven_disqualifier_outranks_missing_data_and_lists_it_too(world):
    """exchange-formats.md, precise readings — precedence: a proven disqualifier (income from the rows
    present already above the line) → ineligible, with every reason and also what is missing."""
    (member,) = world.household("R1")
    world.wage(member, "100000.00")
    world.add("deaths", id_number=member, death_date=dt.date(2025, 5, 2))
    assert world.verdict("R1") == ("ineligible", {"member_in_death_records", "income_above_line"})


def test_undelivered_datasets_send_the_household_to_manual_review(world):
    world.household("R1")
    del world.delivered["vehicles"]
    del world.delivered["deposits"]
    row = world.run().household("R1")
    assert row["conclusion"] == "manual_review"
    (reason,) = row["reasons"]
    assert reason["code"] == "dataset_missing"
    assert sorted(e["dataset"] for e in reason["evidence"]) == ["deposits", "vehicles"]
    assert reason["evidence"][0]["values"]["as_of"] is None


def test_stale_dataset_gives_stale_data_naming_the_dataset(world):
    """Precise readings — stale data: a dataset whose latest delivery is older than the maximum age at the
    request date gives manual_review with reason stale_data and the dataset named."""
    world.household("R1")
    world.delivered["tax_income"] = dt.date(2025, 4, 15)  # 91 days before the request
    row = world.run().household("R1")
    assert row["conclusion"] == "manual_review"
    (reason,) = row["reasons"]
    assert reason["code"] == "stale_data"
    assert reason["evidence"][0]["dataset"] == "tax_income"
    assert reason["evidence"][0]["values"] == {"as_of": "2025-04-15", "max_age_days": "90"}


def test_dataset_exactly_at_the_maximum_age_is_fresh_enough(world):
    world.household("R1")
    world.delivered["tax_income"] = dt.date(2025, 4, 16)  # 90 days
    assert world.verdict("R1") == ("eligible", set())


def test_missing_dibao_standard_sends_the_household_to_manual_review(world):
    world.household("R1", division="110101001001")  # 北京: no standard in the fixture
    row = world.run().household("R1")
    assert row["conclusion"] == "manual_review"
    assert row["income_line"] is None
    assert row["reasons"][0]["evidence"][0]["key"]["name"] == "dibao_standard"


def test_program_without_income_line_multiplier_goes_to_manual_review(world):
    world.household("R1", program="unknown_program")
    row = world.run().household("R1")
    assert row["reasons"][0]["evidence"][0]["key"]["name"] == "income_line_multiplier.unknown_program"


def test_most_specific_division_parameter_wins(world):
    (member,) = world.household("R1")
    world.wage(member, "8400.00")  # 700.00 a month
    world.param("dibao_standard", "650", prefix="2106")
    world.param("dibao_standard", "700", prefix="210602")
    world.param("dibao_standard", "600", prefix="210602001")
    world.param("dibao_standard", "900", prefix="210603")
    row = world.run().household("R1")
    assert row["dibao_standard"] == Decimal("600.00")
    assert row["conclusion"] == "ineligible"


def test_parameter_applies_only_within_its_validity_dates(world):
    (member,) = world.household("R1")
    world.wage(member, "8400.00")
    world.param(
        "dibao_standard",
        "700",
        prefix="210602",
        valid_from=dt.date(2025, 1, 1),
        valid_to=dt.date(2025, 7, 14),
    )
    world.param("dibao_standard", "720", prefix="210602", valid_from=dt.date(2025, 7, 15))
    world.param("dibao_standard", "800", prefix="210602", valid_from=dt.date(2025, 7, 16))
    row = world.run().household("R1")
    assert row["dibao_standard"] == Decimal("720.00")
    assert row["conclusion"] == "eligible"


def test_bank_over_limit_flag_sends_the_household_to_manual_review(world):
    (member,) = world.household("R1")
    world.add("asset_flags", id_number=member, source="农业银行", over_limit=True, as_of=dt.date(2025, 6, 30))
    row = world.run().household("R1")
    assert row["conclusion"] == "manual_review"
    assert row["reasons"][0]["code"] == "asset_flag_over_limit"


def test_bank_over_limit_flag_disqualifies_where_the_division_says_so(world):
    (member,) = world.household("R1")
    world.add("asset_flags", id_number=member, source="农业银行", over_limit=True, as_of=dt.date(2025, 6, 30))
    world.param("asset_flag_disqualifies", "1", prefix="21")
    assert world.verdict("R1") == ("ineligible", {"asset_flag_over_limit"})


def test_a_later_no_from_the_bank_withdraws_an_earlier_yes(world):
    (member,) = world.household("R1")
    world.add("asset_flags", id_number=member, source="农业银行", over_limit=True, as_of=dt.date(2025, 3, 31))
    world.add(
        "asset_flags", id_number=member, source="农业银行", over_limit=False, as_of=dt.date(2025, 6, 30)
    )
    assert world.verdict("R1") == ("eligible", set())
