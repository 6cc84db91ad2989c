"""资金大数据比对 on the batch engine: every check finds its seeded case and nothing else (an oracle written
from the checks' text), through the real exchange store, identically on DuckDB and Spark."""

import pytest

from minzheng.batch.fundchecks import CheckLimits, run_fund_checks
from tests.funds.check_world import EXCLUSIONS, deliver, oracle, payments_table, payments_world


def _pairs(result) -> set[tuple[str, int]]:
    return set(
        zip(
            result.findings.column("check_code").to_pylist(),
            result.findings.column("payment_id").to_pylist(),
            strict=True,
        )
    )


def test_every_check_finds_its_seeded_case_and_no_near_miss(tmp_path):
    """死亡后仍发放, 重复发放, 互斥项目, 共用账户, 金额不符, 辖区外, 超标车辆/企业 (社会救助资金专项整治 大数据比对)."""
    rows = payments_world()
    snapshot = deliver(tmp_path).snapshot()
    result = run_fund_checks(payments_table(rows), snapshot, exclusions=EXCLUSIONS, limits=CheckLimits())
    assert _pairs(result) == oracle(rows)
    assert set(result.by_check()) == {
        "paid_after_death", "duplicate_in_program", "exclusive_programs", "shared_account",
        "amount_mismatch", "outside_jurisdiction", "vehicle_over_limit", "business_over_limit",
    }  # fmt: skip


def test_a_death_known_only_to_the_registry_is_found(tmp_path):
    import pyarrow as pa

    from minzheng.batch.fundchecks import REGISTRY_DEATHS_SCHEMA
    from tests.funds.check_world import D, make_id

    rows = payments_world()
    deaths = pa.Table.from_pylist(
        [{"id_number": make_id(3), "death_date": D(2026, 1, 5)}], schema=REGISTRY_DEATHS_SCHEMA
    )
    result = run_fund_checks(
        payments_table(rows), deliver(tmp_path).snapshot(), exclusions=EXCLUSIONS, registry_deaths=deaths
    )
    dead = {p for c, p in _pairs(result) if c == "paid_after_death"}
    assert {
        r["payment_id"] for r in rows if r["id_number"] == make_id(3) and r["month"] > D(2026, 1, 5)
    } <= dead


@pytest.mark.spark
def test_duckdb_and_spark_give_identical_findings(tmp_path, spark):
    from minzheng.batch.backends import SparkBackend

    rows = payments_world()
    snapshot = deliver(tmp_path).snapshot()
    on_duckdb = run_fund_checks(payments_table(rows), snapshot, exclusions=EXCLUSIONS)
    with SparkBackend(spark) as backend:
        on_spark = run_fund_checks(payments_table(rows), snapshot, exclusions=EXCLUSIONS, backend=backend)
    assert on_duckdb.findings.schema == on_spark.findings.schema
    assert on_duckdb.findings.to_pylist() == on_spark.findings.to_pylist()
