"""Financial assets (24 × 低保标准 per capita), vehicles, real estate and business rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

AS_OF = dt.date(2025, 6, 30)


def _deposit(world, id_number, balance, bank="工商银行", as_of=AS_OF, account_type="current"):
    world.add(
        "deposits",
        id_number=id_number,
        bank=bank,
        account_type=account_type,
        balance=Decimal(balance),
        as_of=as_of,
    )


def test_financial_assets_exactly_at_the_limit_are_eligible(world):
    a, b = world.household("R1", members=2)
    _deposit(world, a, "20000.00")
    world.add("securities", id_number=b, kind="fund", market_value=Decimal("11824.00"), as_of=AS_OF)
    row = world.run().household("R1")
    assert row["asset_limit"] == Decimal("15912.00")  # 24 × 663
    assert row["per_capita_financial_assets"] == Decimal("15912.00")
    assert row["conclusion"] == "eligible"


def test_financial_assets_one_fen_above_the_limit_are_ineligible(world):
    a, b = world.household("R1", members=2)
    _deposit(world, a, "20000.00")
    world.add(
        "insurance_policies", id_number=b, policy_type="寿险", cash_value=Decimal("6000.00"), as_of=AS_OF
    )
    world.add(
        "housing_fund", id_number=b, as_of=AS_OF, balance=Decimal("5824.02"), monthly_deposit=Decimal("0")
    )
    row = world.run().household("R1")
    assert row["per_capita_financial_assets"] == Decimal("15912.01")
    assert row["conclusion"] == "ineligible"
    (reason,) = row["reasons"]
    assert reason["code"] == "financial_assets_above_limit"
    assert {e["dataset"] for e in reason["evidence"]} == {
        "computed",
        "deposits",
        "insurance_policies",
        "housing_fund",
    }


def test_only_the_latest_statement_per_bank_counts(world):
    (member,) = world.household("R1")
    _deposit(world, member, "90000.00", as_of=dt.date(2025, 1, 31))
    _deposit(world, member, "100.00", as_of=AS_OF)
    _deposit(world, member, "200.00", bank="建设银行", as_of=dt.date(2025, 3, 31))
    _deposit(world, member, "80000.00", as_of=dt.date(2025, 8, 31))  # after the request date
    row = world.run().household("R1")
    assert row["total_financial_assets"] == Decimal("300.00")
    assert row["conclusion"] == "eligible"


def _vehicle(world, id_number, price, vehicle_type="car", for_disability=False, plate="辽F12345"):
    world.add(
        "vehicles",
        id_number=id_number,
        plate=plate,
        vehicle_type=vehicle_type,
        registered_date=dt.date(2020, 5, 1),
        purchase_price=Decimal(price),
        for_disability=for_disability,
    )


def test_car_priced_at_the_vehicle_limit_is_allowed(world):
    (member,) = world.household("R1")
    _vehicle(world, member, "50000.00")
    assert world.verdict("R1") == ("eligible", set())


def test_car_one_fen_above_the_vehicle_limit_disqualifies(world):
    (member,) = world.household("R1")
    _vehicle(world, member, "50000.01")
    row = world.run().household("R1")
    assert row["conclusion"] == "ineligible"
    (reason,) = row["reasons"]
    (evidence,) = reason["evidence"]
    assert evidence["dataset"] == "vehicles"
    assert evidence["key"] == {"id_number": member, "plate": "辽F12345"}
    assert evidence["values"]["purchase_price"] == "50000.01"


def test_motorcycles_tricycles_and_vehicles_for_disability_are_exempt(world):
    (member,) = world.household("R1")
    _vehicle(world, member, "80000.00", vehicle_type="motorcycle", plate="A")
    _vehicle(world, member, "80000.00", vehicle_type="tricycle", plate="B")
    _vehicle(world, member, "80000.00", for_disability=True, plate="C")
    assert world.verdict("R1") == ("eligible", set())


def test_vehicle_price_limit_is_a_division_parameter(world):
    (member,) = world.household("R1")
    _vehicle(world, member, "60000.00")
    world.param("vehicle_price_limit", "80000", prefix="210602")
    assert world.verdict("R1") == ("eligible", set())


def _property(world, id_number, share, usage="residential", property_id="P1"):
    world.add(
        "real_estate",
        id_number=id_number,
        property_id=property_id,
        usage=usage,
        area_m2=Decimal("60.00"),
        share=Decimal(share),
        registered_date=dt.date(2015, 1, 1),
    )


def test_one_flat_shared_by_two_members_is_one_property(world):
    a, b = world.household("R1", members=2)
    _property(world, a, "0.5")
    _property(world, b, "0.5")
    assert world.verdict("R1") == ("eligible", set())


def test_residential_shares_above_one_disqualify(world):
    a, b = world.household("R1", members=2)
    _property(world, a, "0.5")
    _property(world, b, "0.5")
    _property(world, b, "0.0001", property_id="P2")
    assert world.verdict("R1") == ("ineligible", {"residential_share_above_limit"})


def test_any_commercial_property_disqualifies(world):
    (member,) = world.household("R1")
    _property(world, member, "0.1", usage="commercial")
    assert world.verdict("R1") == ("ineligible", {"commercial_property"})


def _business(world, id_number, capital, role="legal_rep", status="active"):
    world.add(
        "business",
        id_number=id_number,
        uscc="91210600MA0U000000",
        role=role,
        registered_capital=Decimal(capital),
        status=status,
    )


def test_business_capital_at_the_limit_is_allowed(world):
    (member,) = world.household("R1")
    _business(world, member, "100000.00")
    assert world.verdict("R1") == ("eligible", set())


def test_business_capital_above_the_limit_disqualifies_a_legal_rep_or_owner(world):
    rep, owner = world.household("R1", members=2)
    _business(world, rep, "100000.01")
    _business(world, owner, "200000.00", role="owner")
    row = world.run().household("R1")
    assert row["conclusion"] == "ineligible"
    assert len(row["reasons"][0]["evidence"]) == 2


def test_shareholders_and_closed_businesses_do_not_disqualify(world):
    a, b = world.household("R1", members=2)
    _business(world, a, "5000000.00", role="shareholder")
    _business(world, b, "5000000.00", status="closed")
    assert world.verdict("R1") == ("eligible", set())


def test_every_disqualifier_is_listed(world):
    (member,) = world.household("R1")
    world.wage(member, "100000.00")
    _vehicle(world, member, "90000.00")
    _property(world, member, "1", usage="commercial")
    conclusion, codes = world.verdict("R1")
    assert conclusion == "ineligible"
    assert codes == {"income_above_line", "vehicle_over_price", "commercial_property"}


def test_a_vehicle_delivered_twice_is_cited_once(world):
    """Precise readings: a vehicle counts once per plate (and identical rows once)."""
    import datetime as dt
    from decimal import Decimal as Dec

    (owner,) = world.household("R1")
    row = dict(
        id_number=owner,
        plate="辽F99999",
        vehicle_type="car",
        registered_date=dt.date(2020, 1, 1),
        purchase_price=Dec("90000.00"),
        for_disability=False,
    )
    world.add("vehicles", **row)
    world.add("vehicles", **row)
    world.add(
        "vehicles", **{**row, "registered_date": dt.date(2018, 1, 1), "purchase_price": Dec("70000.00")}
    )
    result = world.run().household("R1")
    (reason,) = result["reasons"]
    assert reason["code"] == "vehicle_over_price" and len(reason["evidence"]) == 1
    assert reason["evidence"][0]["values"]["purchase_price"] == "90000.00"


def test_per_capita_assets_are_compared_unrounded(world):
    """Precise readings: per-capita assets are compared unrounded with 24 × 低保标准 (15,912.00 for 663):
    three members holding 47,736.01 are over by a third of a 分, though the rounded figure equals the limit."""
    import datetime as dt
    from decimal import Decimal as Dec

    a, _, _ = world.household("R1", members=3)
    world.add(
        "deposits",
        id_number=a,
        bank="工行",
        account_type="time",
        balance=Dec("47736.01"),
        as_of=dt.date(2025, 6, 30),
    )
    row = world.run().household("R1")
    assert row["per_capita_financial_assets"] == Dec("15912.00")
    assert row["conclusion"] == "ineligible"
