"""From department files to stored results: intake → snapshot → verification → results by run key."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pyarrow as pa
import pytest
from batch_world import DIBAO, World

from minzheng.batch.errors import JobInputError
from minzheng.batch.intake import DATASETS, DatasetSnapshot, ExchangeStore, intake_delivery
from minzheng.batch.verification import (
    REQUESTS_SCHEMA,
    REQUIRED_FOR_VERIFICATION,
    Parameter,
    default_parameters,
    parameters_table,
    read_results,
    run_verification,
    write_results,
)


def _deliver_world(world: World, store: ExchangeStore, tmp_path) -> None:
    import pyarrow.csv as pacsv

    for name in REQUIRED_FOR_VERIFICATION:
        rows = world.rows.get(name) or []
        if not rows:
            continue
        path = tmp_path / f"{name}.csv"
        pacsv.write_csv(pa.Table.from_pylist(rows, schema=DATASETS[name].schema), path)
        intake_delivery(path, name, dt.date(2025, 7, 1), store=store)


def test_delivered_files_feed_the_verification_and_results_are_kept_by_run_key(tmp_path):
    world = World()
    (member,) = world.household("R1")
    world.wage(member, "7956.12")
    world.add(
        "vehicles",
        id_number=member,
        plate="辽F1",
        vehicle_type="car",
        registered_date=dt.date(2020, 1, 1),
        purchase_price=Decimal("1000.00"),
        for_disability=False,
    )
    store = ExchangeStore(tmp_path / "exchange")
    _deliver_world(world, store, tmp_path)

    result = run_verification(
        world.requests_table(), parameters_table(world.parameters), store.snapshot(), with_records=True
    )
    row = result.household("R1")
    # several datasets were never delivered, but income above the line is proven by the rows present
    assert row["conclusion"] == "ineligible"
    missing = {e["dataset"] for r in row["reasons"] if r["code"] == "dataset_missing" for e in r["evidence"]}
    assert missing == set(REQUIRED_FOR_VERIFICATION) - {"hukou", "tax_income", "vehicles"}
    assert {r["code"] for r in row["reasons"]} == {"dataset_missing", "income_above_line"}

    out = tmp_path / "runs"
    write_results(result, out, "2025-07-15-batch-1")
    write_results(
        result.__class__(result.households.slice(0, 0), result.member_income), out, "2025-07-15-batch-1"
    )
    stored = read_results(out, "2025-07-15-batch-1")
    assert stored.households.to_pylist() == result.households.to_pylist()  # the second write was a no-op
    assert stored.member_records.to_pylist() == result.member_records.to_pylist()
    assert {"hukou", "vehicles"} <= set(result.member_records["dataset"].to_pylist())


def test_requests_with_invalid_member_ids_are_refused(tmp_path):
    requests = pa.Table.from_pylist(
        [
            {
                "request_id": "R1",
                "household_id": "H1",
                "division_code": "210602001001",
                "request_date": dt.date(2025, 7, 15),
                "program": "dibao",
                "id_number": "210602198001010010",
            }
        ],
        schema=REQUESTS_SCHEMA,
    )
    params = parameters_table([*default_parameters(), Parameter("21", "dibao_standard", DIBAO)])
    with pytest.raises(JobInputError, match="申请表中有 1 个无效的公民身份号码"):
        run_verification(requests, params, ExchangeStore(tmp_path).snapshot())


def test_a_duckdb_file_keeps_the_step_tables_of_a_run_for_inspection(tmp_path):
    import duckdb

    from minzheng.batch.backends import DuckDBBackend

    world = World()
    (member,) = world.household("R1")
    world.wage(member, "1200.00")
    database = tmp_path / "run.duckdb"
    with DuckDBBackend(database) as backend:
        assert world.run(backend).household("R1")["conclusion"] == "eligible"
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.sql("SELECT COUNT(*) FROM member_income").fetchall() == [(1,)]
        assert con.sql("SELECT conclusion FROM household_results").fetchall() == [("eligible",)]


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_a_member_without_an_id_number_names_the_request(tmp_path, blank):
    rows = [
        {
            "request_id": request_id,
            "household_id": "H",
            "division_code": "210602001001",
            "request_date": dt.date(2025, 7, 15),
            "program": "dibao",
            "id_number": id_number,
        }
        for request_id, id_number in (("R1", "210602198001010018"), ("R7", blank))
    ]
    requests = pa.Table.from_pylist(
        rows, schema=REQUESTS_SCHEMA.remove(5).append(pa.field("id_number", pa.string()))
    )
    params = parameters_table([*default_parameters(), Parameter("21", "dibao_standard", DIBAO)])
    with pytest.raises(JobInputError, match="缺少公民身份号码：R7"):
        run_verification(requests, params, ExchangeStore(tmp_path).snapshot())


def _pension_stored_before_kind(tmp_path) -> tuple[World, DatasetSnapshot]:
    """A pension delivery stored before exchange/1.1: its Parquet file has no kind column."""
    import pyarrow.parquet as pq

    world = World()
    (member,) = world.household("R1")
    path = tmp_path / "accepted.parquet"
    rows = [{"id_number": member, "month": "2025-03", "amount": Decimal("9000.00")}]
    pq.write_table(pa.Table.from_pylist(rows, schema=DATASETS["pension"].schema.remove(3)), path)
    snapshot = world.snapshot()
    return world, DatasetSnapshot(tables={**snapshot.tables, "pension": [path]}, as_of=snapshot.as_of)


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def test_a_pension_file_stored_before_the_kind_column_counts_as_retirement(tmp_path, engine, request):
    world, snapshot = _pension_stored_before_kind(tmp_path)
    backend = None
    if engine == "spark":
        from minzheng.batch.backends import SparkBackend

        backend = SparkBackend(request.getfixturevalue("spark"))
    result = run_verification(
        world.requests_table(), parameters_table(world.parameters), snapshot, backend=backend
    )
    (income,) = result.member_income.to_pylist()
    assert (income["source"], income["exempt"]) == ("pension", False)
    assert result.household("R1")["conclusion"] == "ineligible"  # 750 a month over 663
