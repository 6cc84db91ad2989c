"""Income rules: 12-month window, per-capita rounding, income line per program, exempt categories."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from minzheng.batch.errors import JobInputError


def test_income_exactly_at_the_line_is_eligible(world):
    (member,) = world.household("R1")
    world.wage(member, "7956.00")  # 663.00 × 12
    row = world.run().household("R1")
    assert row["per_capita_monthly_income"] == Decimal("663.00")
    assert row["income_line"] == Decimal("663.00")
    assert row["conclusion"] == "eligible"
    assert row["reasons"] == []


def test_income_one_fen_above_the_line_is_ineligible(world):
    (member,) = world.household("R1")
    world.wage(member, "7956.12")  # 663.01 × 12
    row = world.run().household("R1")
    assert row["per_capita_monthly_income"] == Decimal("663.01")
    assert row["conclusion"] == "ineligible"
    assert [r["code"] for r in row["reasons"]] == ["income_above_line"]


def test_per_capita_income_is_rounded_to_the_fen_before_comparing(world):
    members = world.household("R1", members=3)
    # 23868.17 / 12 / 3 = 663.0047… → 663.00: at the line
    world.wage(members[0], "23868.17")
    row = world.run().household("R1")
    assert row["per_capita_monthly_income"] == Decimal("663.00")
    assert row["conclusion"] == "eligible"


def test_dibao_edge_line_is_one_and_a_half_times_the_standard(world):
    (at_line,) = world.household("AT", program="dibao_edge")
    (above,) = world.household("ABOVE", program="dibao_edge")
    world.wage(at_line, "11934.00")  # 994.50 × 12
    world.wage(above, "11934.12")  # 994.51 × 12
    result = world.run()
    assert result.household("AT")["income_line"] == Decimal("994.50")
    assert result.household("AT")["conclusion"] == "eligible"
    assert result.household("ABOVE")["conclusion"] == "ineligible"


def test_months_outside_the_twelve_month_window_are_ignored(world):
    (member,) = world.household("R1")
    world.wage(member, "7956.00")
    world.add("tax_income", id_number=member, month="2024-06", category="wage", amount=Decimal("90000.00"))
    world.add("tax_income", id_number=member, month="2025-07", category="wage", amount=Decimal("90000.00"))
    world.add("pension", id_number=member, month="2024-06", amount=Decimal("5000.00"))
    assert world.verdict("R1") == ("eligible", set())


def test_pension_and_unemployment_benefit_count_as_income(world):
    (member,) = world.household("R1")
    world.add("pension", id_number=member, month="2025-06", amount=Decimal("7000.00"))
    world.add(
        "unemployment",
        id_number=member,
        registered_date=dt.date(2024, 12, 1),
        benefit_month="2025-01",
        benefit_amount=Decimal("957.00"),
    )
    result = world.run()
    assert result.household("R1")["per_capita_monthly_income"] == Decimal("663.08")  # 7957 / 12
    sources = {r["source"]: r["total_amount"] for r in result.member_income.to_pylist()}
    assert sources == {"pension": Decimal("7000.00"), "unemployment": Decimal("957.00")}


def test_exempt_income_categories_are_not_income(world):
    (member,) = world.household("R1")
    world.wage(member, "7956.00")
    world.add("tax_income", id_number=member, month="2025-03", category="other", amount=Decimal("50000.00"))
    world.param("income_exempt.other", "1", prefix="2106")
    result = world.run()
    assert result.household("R1")["conclusion"] == "eligible"
    exempt = {r["source"]: r["exempt"] for r in result.member_income.to_pylist()}
    assert exempt == {"wage": False, "other": True}


def test_exemption_of_another_division_does_not_apply(world):
    (member,) = world.household("R1")
    world.add("tax_income", id_number=member, month="2025-03", category="other", amount=Decimal("50000.00"))
    world.param("income_exempt.other", "1", prefix="2107")
    assert world.verdict("R1") == ("ineligible", {"income_above_line"})


def test_member_income_report_gives_monthly_amount_per_source(world):
    (member,) = world.household("R1")
    world.wage(member, "1000.00")
    (row,) = world.run().member_income.to_pylist()
    assert row["months_counted"] == 12
    assert row["monthly_amount"] == Decimal("83.33")


def test_a_long_window_counts_every_distinct_month_once(world):
    # 72 months reach the second 60-month word of the month count; a duplicated month counts once
    world.param("income_window_months", "72", prefix="210602")
    (member,) = world.household("R1")
    world.wage(member, "72000.00", months=72, start="2019-07")
    world.add("tax_income", id_number=member, month="2025-06", category="wage", amount=Decimal("0.00"))
    result = world.run()
    (wage,) = result.member_income.to_pylist()
    assert wage["months_counted"] == 72
    assert wage["total_amount"] == Decimal("72000.00")
    assert wage["monthly_amount"] == Decimal("1000.00")


def test_an_income_window_beyond_120_months_is_refused_with_a_chinese_message(world):
    world.param("income_window_months", "121", prefix="210602")
    world.household("R1")
    with pytest.raises(JobInputError, match="参数 income_window_months 应为 1 至 120 的整数"):
        world.run()
