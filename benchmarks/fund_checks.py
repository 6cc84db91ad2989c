"""Benchmark of the fund anomaly checks (issue 24): 1,000,000 recipients × 24 months of payments.

Target: every check (死亡后发放, 同项目重复, 互斥项目, 共用账户, 金额不符, 辖区外, 超标车辆/企业) over ~24 million payment
rows in ≤ 60 s on DuckDB (2 threads). Baseline: the same checks in pandas, in the same process on the same
Parquet files; both must find the same number of findings per check (printed side by side).

    .venv/bin/python benchmarks/fund_checks.py               # full scale
    .venv/bin/python benchmarks/fund_checks.py --scale 0.05  # a quick run
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from minzheng.batch.backends import DuckDBBackend  # noqa: E402
from minzheng.batch.fundchecks import CheckLimits, run_fund_checks  # noqa: E402
from minzheng.batch.intake import DATASETS, DatasetSnapshot  # noqa: E402

MONTHS = 24
EXCLUSIONS = [("dibao_urban", "tekun")]


def generate(directory: Path, recipients: int) -> list[Path]:
    """Payments as Parquet (one file per 6 months), with anomalies seeded at fixed rates."""
    con = duckdb.connect()
    con.execute("SET threads = 2")
    paths = []
    for part in range(MONTHS // 6):
        path = directory / f"payments_{part}.parquet"
        con.execute(
            f"""
            COPY (
              WITH base AS (
                SELECT r, m FROM range({recipients}) AS a(r), range({part * 6}, {part * 6 + 6}) AS b(m)
                UNION ALL SELECT r, 5 FROM range({recipients}) AS a(r) WHERE r % 30000 = 11 AND {part} = 0
              ), rows AS (
                SELECT r, m, ROW_NUMBER() OVER () AS n FROM base
              )
              SELECT
                CAST({part} * 100000000 + n AS BIGINT) AS payment_id,
                CASE WHEN r % 10 = 0 THEN 'tekun' ELSE 'dibao_urban' END AS program_code,
                CASE WHEN r % 10 = 0 THEN '特困供养' ELSE '城市低保' END AS program_name,
                CAST(DATE '2025-01-01' + TO_MONTHS(CAST(m AS INTEGER)) AS DATE) AS month,
                '210602' || LPAD(CAST(r AS VARCHAR), 12, '0') AS id_number,
                'H' || CAST(r AS VARCHAR) AS household_key,
                CASE WHEN r % 100000 = 7 THEN '210603001001' ELSE '210602' || LPAD(CAST(r % 1000 AS VARCHAR), 6, '0') END AS division_code,
                '210602' AS payer_prefix,
                '6230' || LPAD(CAST(CASE WHEN r % 50000 = 3 THEN r - 1 ELSE r END AS VARCHAR), 12, '0') AS bank_account,
                CAST(CASE WHEN r % 40000 = 5 THEN 550 ELSE 500 END AS DECIMAL(18, 2)) AS amount,
                CAST(500 AS DECIMAL(18, 2)) AS enrolled_amount
              FROM rows
              UNION ALL
              SELECT CAST(900000000 + {part} * 10000000 + r AS BIGINT), 'tekun', '特困供养',
                     CAST(DATE '2025-01-01' + TO_MONTHS(7) AS DATE), '210602' || LPAD(CAST(r AS VARCHAR), 12, '0'),
                     'H' || CAST(r AS VARCHAR), '210602000001', '210602', '6230' || LPAD(CAST(r AS VARCHAR), 12, '0'),
                     CAST(900 AS DECIMAL(18, 2)), CAST(900 AS DECIMAL(18, 2))
              FROM range({recipients}) AS a(r) WHERE r % 25000 = 13 AND r % 10 <> 0 AND {part} = 1
            ) TO '{path}' (FORMAT parquet)
            """
        )
        paths.append(path)
    con.close()
    return paths


def department(recipients: int) -> DatasetSnapshot:
    step = max(recipients // 2000, 1)
    ids = [f"210602{r:012d}" for r in range(1, recipients, step)]
    deaths = pa.table({"id_number": ids, "death_date": [dt.date(2025, 6, 15)] * len(ids)})
    vehicles = pa.table(
        {
            "id_number": ids[:500],
            "plate": ["辽F00000"] * len(ids[:500]),
            "vehicle_type": ["car"] * len(ids[:500]),
            "registered_date": [dt.date(2024, 1, 1)] * len(ids[:500]),
            "purchase_price": pa.array([Decimal("200000.00")] * len(ids[:500]), pa.decimal128(18, 2)),
            "for_disability": [False] * len(ids[:500]),
        }
    )
    empty = {name: DATASETS[name].schema.empty_table() for name in ("business",)}
    return DatasetSnapshot({"deaths": deaths, "vehicles": vehicles, **empty}, {})


def pandas_checks(paths: list[Path], snapshot: DatasetSnapshot, limits: CheckLimits) -> dict[str, int]:
    """The same checks in pandas (amounts as integer 分)."""
    p = pd.concat([pd.read_parquet(path) for path in paths], ignore_index=True)
    p["cents"] = (p["amount"].astype(float) * 100).round().astype("int64")
    p["enrolled"] = (p["enrolled_amount"].astype(float) * 100).round().astype("int64")
    p["month"] = pd.to_datetime(p["month"])
    found: dict[str, set] = {}
    deaths = snapshot.tables["deaths"].to_pandas().groupby("id_number")["death_date"].min()
    dead = p.join(pd.to_datetime(deaths), on="id_number", how="inner")
    found["paid_after_death"] = set(dead.loc[dead["death_date"] < dead["month"], "payment_id"])
    keys = ["id_number", "program_code", "month"]
    first = p.groupby(keys)["payment_id"].transform("min")
    size = p.groupby(keys)["payment_id"].transform("size")
    found["duplicate_in_program"] = set(p.loc[(size > 1) & (p["payment_id"] != first), "payment_id"])
    programs = {a for pair in EXCLUSIONS for a in pair}
    ex = p[p["program_code"].isin(programs)]
    pairs = ex.merge(ex, on=["id_number", "month"], suffixes=("_a", "")).query(
        "program_code_a < program_code"
    )
    allowed = {(a, b) for a, b in EXCLUSIONS} | {(b, a) for a, b in EXCLUSIONS}
    hit = [(a, b) in allowed for a, b in zip(pairs["program_code_a"], pairs["program_code"], strict=True)]
    found["exclusive_programs"] = set(pairs.loc[hit, "payment_id"])
    households = p.groupby(["bank_account", "month"])["household_key"].transform("nunique")
    found["shared_account"] = set(p.loc[households > 1, "payment_id"])
    found["amount_mismatch"] = set(p.loc[p["cents"] != p["enrolled"], "payment_id"])
    outside = pd.Series(False, index=p.index)
    for length in p["payer_prefix"].str.len().unique():
        same = p["payer_prefix"].str.len() == length
        outside |= same & (p["division_code"].str.slice(0, int(length)) != p["payer_prefix"])
    found["outside_jurisdiction"] = set(p.loc[outside, "payment_id"])
    v = snapshot.tables["vehicles"].to_pandas()
    v = v[(~v["for_disability"]) & (v["purchase_price"] > limits.vehicle_price_limit)]
    since = pd.to_datetime(v.groupby("id_number")["registered_date"].min())
    cars = p.join(since, on="id_number", how="inner")
    found["vehicle_over_limit"] = set(cars.loc[cars["registered_date"] < cars["month"], "payment_id"])
    found["business_over_limit"] = set()
    return {k: len(v) for k, v in found.items() if v}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="share of 1,000,000 recipients")
    parser.add_argument("--no-pandas", action="store_true")
    args = parser.parse_args()
    recipients = int(1_000_000 * args.scale)
    limits = CheckLimits()
    with tempfile.TemporaryDirectory(prefix="fund_checks_") as tmp:
        started = time.perf_counter()
        paths = generate(Path(tmp), recipients)
        rows = duckdb.sql(f"SELECT COUNT(*) FROM read_parquet({[str(p) for p in paths]})").fetchall()[0][0]
        print(
            f"data: {recipients:,} recipients × {MONTHS} months = {rows:,} payment rows ({time.perf_counter() - started:.1f} s to generate)"
        )
        snapshot = department(recipients)
        started = time.perf_counter()
        with DuckDBBackend(threads=2, temp_directory=str(Path(tmp) / "spill")) as backend:
            result = run_fund_checks(paths, snapshot, exclusions=EXCLUSIONS, limits=limits, backend=backend)
        duck_seconds = time.perf_counter() - started
        duck = result.by_check()
        print(
            f"DuckDB (2 threads): {duck_seconds:.1f} s, {result.findings.num_rows:,} findings — target ≤ 60 s: {'met' if duck_seconds <= 60 else 'MISSED'}"
        )
        if args.no_pandas:
            print(duck)
            return
        started = time.perf_counter()
        baseline = pandas_checks(paths, snapshot, limits)
        pandas_seconds = time.perf_counter() - started
        print(f"pandas baseline: {pandas_seconds:.1f} s ({pandas_seconds / duck_seconds:.1f}× DuckDB)")
        print(f"{'check':<24}{'DuckDB':>12}{'pandas':>12}")
        for code in sorted(set(duck) | set(baseline)):
            print(f"{code:<24}{duck.get(code, 0):>12,}{baseline.get(code, 0):>12,}")
        print("same findings per check:", duck == baseline)


if __name__ == "__main__":
    main()
