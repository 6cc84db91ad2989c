"""One job, two engines: DuckDB and Spark must give identical results, row by row, on every edge case."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest
from store_world import placeholder_csv_line

from minzheng.batch.backends import DuckDBBackend
from minzheng.batch.intake import DatasetSnapshot, ExchangeStore, intake_delivery
from minzheng.batch.verification import parameters_table, run_verification

D = dt.date


def _edge_case_world(world):
    """Every rule at its boundary, a few households each, in one world."""
    (at_line,) = world.household("income-at-line")
    world.wage(at_line, "7956.00")
    (above,) = world.household("income-above")
    world.wage(above, "7956.12")
    three = world.household("rounding", members=3)
    world.wage(three[0], "23868.17")
    world.add("tax_income", id_number=three[1], month="2025-07", category="wage", amount=Decimal("99999.99"))
    world.add(
        "tax_income", id_number=three[2], month="2025-01", category="interest", amount=Decimal("-12.35")
    )
    (edge,) = world.household("edge-program", program="dibao_edge")
    world.wage(edge, "11934.00")
    world.add("pension", id_number=edge, month="2025-06", amount=Decimal("0.06"))  # 994.505 → 994.51
    (exempt,) = world.household("exempt")
    world.add("tax_income", id_number=exempt, month="2025-03", category="other", amount=Decimal("50000.00"))
    world.param("income_exempt.other", "1", prefix="210602")
    world.add(
        "unemployment",
        id_number=exempt,
        registered_date=D(2024, 12, 1),
        benefit_month="2024-12",
        benefit_amount=Decimal("1.00"),
    )

    a, b = world.household("assets-at-limit", members=2)
    world.add(
        "deposits",
        id_number=a,
        bank='农行"乡镇\\支行',
        account_type="time",
        balance=Decimal("20000.00"),
        as_of=D(2025, 6, 30),
    )
    world.add("securities", id_number=b, kind="fund", market_value=Decimal("11824.00"), as_of=D(2025, 6, 30))
    (rich,) = world.household("assets-above")
    world.add(
        "deposits",
        id_number=rich,
        bank="工行",
        account_type="current",
        balance=Decimal("90000.00"),
        as_of=D(2025, 1, 31),
    )
    world.add(
        "deposits",
        id_number=rich,
        bank="工行",
        account_type="current",
        balance=Decimal("15912.01"),
        as_of=D(2025, 6, 30),
    )
    world.add(
        "housing_fund",
        id_number=rich,
        as_of=D(2025, 6, 30),
        balance=Decimal("0.00"),
        monthly_deposit=Decimal("300.00"),
    )

    for request_id, price, kind, disability in [
        ("car-at-limit", "50000.00", "car", False),
        ("car-above", "50000.01", "car", False),
        ("motorcycle", "90000.00", "motorcycle", False),
        ("disability-car", "90000.00", "car", True),
    ]:
        (owner,) = world.household(request_id)
        world.add(
            "vehicles",
            id_number=owner,
            plate=f"辽F-{request_id}",
            vehicle_type=kind,
            registered_date=D(2020, 1, 1),
            purchase_price=Decimal(price),
            for_disability=disability,
        )

    for request_id, shares, usage in [
        ("shared-flat", ["0.5", "0.5"], "residential"),
        ("two-flats", ["0.5", "0.5001"], "residential"),
        ("shop", ["0.1"], "commercial"),
    ]:
        owners = world.household(request_id, members=len(shares))
        for i, (owner, share) in enumerate(zip(owners, shares, strict=True)):
            world.add(
                "real_estate",
                id_number=owner,
                property_id=f"{request_id}-{i}",
                usage=usage,
                area_m2=Decimal("50.00"),
                share=Decimal(share),
                registered_date=D(2010, 1, 1),
            )

    for request_id, capital, role, status in [
        ("firm-at-limit", "100000.00", "legal_rep", "active"),
        ("firm-above", "100000.01", "owner", "active"),
        ("firm-shareholder", "9000000.00", "shareholder", "active"),
        ("firm-closed", "9000000.00", "legal_rep", "closed"),
    ]:
        (person,) = world.household(request_id)
        world.add(
            "business",
            id_number=person,
            uscc="91210600MA0U000000",
            role=role,
            registered_capital=Decimal(capital),
            status=status,
        )

    (dead,) = world.household("deceased")
    world.rows["hukou"][-1]["status"] = "deceased"
    world.add("deaths", id_number=dead, death_date=D(2025, 6, 1))
    world.household("moved", members=2)
    world.rows["hukou"][-1]["status"] = "moved_out"
    world.household("beijing", division="110101001001")
    (flagged,) = world.household("bank-flag")
    world.add("asset_flags", id_number=flagged, source="农行", over_limit=True, as_of=D(2025, 6, 30))
    world.household("later-date", request_date=D(2025, 10, 20))  # tax_income is now too old
    world.delivered["tax_income"] = D(2025, 7, 1)
    world.param("dibao_standard", "700", prefix="210602", valid_from=D(2025, 10, 1))


def _through_store(world, directory) -> DatasetSnapshot:
    """Deliver the world as departments do — CSV files through intake into the exchange store — and take the
    platform's snapshot: each dataset split over two sources, one row repeated in both, and an older
    delivery of the first source (with other values) superseded by the current one."""
    store = ExchangeStore(directory / "exchange")
    snapshot = world.snapshot()
    for n, (name, table) in enumerate(snapshot.tables.items()):
        as_of = world.delivered.get(name, D(2025, 7, 1))
        rows = table.to_pylist()
        first, second = rows[::2], rows[1::2] + rows[:1]  # the first row is delivered by both sources
        older = [dict(r) for r in first]
        for row in older:
            for column, value in row.items():
                if isinstance(value, Decimal) and column != "share":
                    row[column] = value + 1
        for source, part, delivered in (
            ("a", older, as_of - dt.timedelta(days=30)),
            ("a", first, as_of),
            ("b", second, as_of),
        ):
            path = directory / f"{n}-{source}-{delivered}.csv"
            pacsv.write_csv(pa.Table.from_pylist(part, schema=table.schema), path)
            if not part:  # departments deliver whole extracts: a row about someone outside the world
                path.write_text(
                    ",".join(table.schema.names) + "\n" + placeholder_csv_line(name), encoding="utf-8"
                )
            intake_delivery(path, name, delivered, store=store, source=source)
    return store.snapshot()


@pytest.mark.spark
def test_duckdb_and_spark_give_identical_results_row_by_row(world, spark, tmp_path):
    from minzheng.batch.backends import SparkBackend

    _edge_case_world(world)
    snapshot = _through_store(world, tmp_path)
    requests, parameters = world.requests_table(), parameters_table(world.parameters)
    with DuckDBBackend() as duck:
        on_duckdb = run_verification(requests, parameters, snapshot, backend=duck, with_records=True)
    with SparkBackend(spark) as backend:
        on_spark = run_verification(requests, parameters, snapshot, backend=backend, with_records=True)

    assert on_duckdb.households.schema == on_spark.households.schema
    for duck_row, spark_row in zip(
        on_duckdb.households.to_pylist(), on_spark.households.to_pylist(), strict=True
    ):
        assert duck_row == spark_row
    assert on_duckdb.member_income.to_pylist() == on_spark.member_income.to_pylist()
    assert on_duckdb.member_records.num_rows > 0
    assert on_duckdb.member_records.to_pylist() == on_spark.member_records.to_pylist()
    conclusions = dict(
        zip(
            on_duckdb.households["request_id"].to_pylist(),
            on_duckdb.households["conclusion"].to_pylist(),
            strict=True,
        )
    )
    assert conclusions == {
        "income-at-line": "eligible",
        "income-above": "ineligible",
        "rounding": "eligible",
        "edge-program": "ineligible",
        "exempt": "eligible",
        "assets-at-limit": "eligible",
        "assets-above": "ineligible",
        "car-at-limit": "eligible",
        "car-above": "ineligible",
        "motorcycle": "eligible",
        "disability-car": "eligible",
        "shared-flat": "eligible",
        "two-flats": "ineligible",
        "shop": "ineligible",
        "firm-at-limit": "eligible",
        "firm-above": "ineligible",
        "firm-shareholder": "eligible",
        "firm-closed": "eligible",
        "deceased": "manual_review",
        "moved": "manual_review",
        "beijing": "manual_review",
        "bank-flag": "manual_review",
        "later-date": "manual_review",
    }
