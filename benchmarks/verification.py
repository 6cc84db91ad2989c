"""Benchmark: 家庭经济状况核对 at city scale.

Generates a synthetic world (``verification_world.py``; default 1,000,000 households / ~2.5M persons / ~66M
department rows, skewed) and times, in one run,

1. intake of one department delivery (deposits, CSV, with bad rows) — the per-file cost;
2. the engine end-to-end on DuckDB (``run_verification``), then storing every household result in
   PostgreSQL by COPY (CSV rendered by Arrow, two connections in parallel) — timed separately;
3. a straightforward pandas implementation of the same rules (baseline; ``verification_baselines.py``) to the
   same results — conclusions, figures, every reason with its evidence rows, per-member income — compared
   value by value with the engine's (the seconds until its conclusions are known are printed too);
4. one hand-written DuckDB SQL query for the same conclusions (the practical limit on this machine);
5. the engine on Spark local[2] at 1% of the scale (and DuckDB on that same world, for the ratio).

The engine and the hand-written query run ``--repeat`` times (default 2), the best counting; every run is
printed. All implementations must reach identical conclusions (pandas and Spark: identical results); each
runs in its own process so its peak memory (VmHWM, plus any child such as Spark's JVM) is measured
separately. The PostgreSQL store creates and drops its
own database (``--postgres`` names the server; ``--skip-postgres`` leaves it out).

    .venv/bin/python benchmarks/verification.py --scale 0.1          # 100k households
    .venv/bin/python benchmarks/verification.py                       # full scale (needs ~15 GB, minutes)
    .venv/bin/python benchmarks/verification.py --scale 0.01 --skip-spark
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from verification_baselines import run_hand_sql, run_pandas
from verification_world import (
    DELIVERED_AS_OF,
    FULL_HOUSEHOLDS,
    benchmark_parameters,
    generate_world,
    snapshot_of,
)

from minzheng.batch.intake import ExchangeStore, intake_delivery
from minzheng.batch.verification import parameters_table, run_verification

__all__ = ["generate_world", "run_engine", "run_hand_sql", "run_pandas"]

BENCH_DATABASE = "minzheng_bench_verification"

# ---------------------------------------------------------------- the engine, and storing its results


def run_engine(directory: Path, out: Path, backend: str, postgres: str | None = None) -> None:
    """Verify every household; with ``postgres``, store the results there. Writes the conclusions to ``out``
    and the seconds of each phase next to it (``<out>.json``)."""
    started = time.perf_counter()
    requests = pq.read_table(directory / "requests.parquet")
    params = parameters_table(benchmark_parameters())
    if backend == "spark":
        from minzheng.batch.backends.spark_backend import SparkBackend, spark_session

        spark = spark_session(
            "local[2]", **{"spark.ui.showConsoleProgress": "false", "spark.driver.memory": "4g"}
        )
        spark.sparkContext.setLogLevel("ERROR")
        with SparkBackend(spark) as engine:
            result = run_verification(requests, params, snapshot_of(directory), backend=engine)
    else:
        from minzheng.batch.backends import DuckDBBackend

        with DuckDBBackend(threads=2, temp_directory=directory / "spill") as engine:
            result = run_verification(requests, params, snapshot_of(directory), backend=engine)
    phases = {"compute": time.perf_counter() - started}
    if postgres is not None:
        phases["store"] = store_households(result.households, postgres)
    pq.write_table(result.households, out)
    pq.write_table(result.member_income, _income_path(out))
    out.with_suffix(".json").write_text(json.dumps(phases))


def _income_path(out: Path) -> Path:
    return out.with_name(out.stem + "-income.parquet")


_HOUSEHOLD_RESULTS_DDL = """
CREATE TABLE household_results (
    request_id text PRIMARY KEY, household_id text NOT NULL, division_code text NOT NULL,
    request_date date NOT NULL, program text NOT NULL, member_count bigint NOT NULL,
    per_capita_monthly_income numeric(16,2), total_financial_assets numeric(16,2),
    per_capita_financial_assets numeric(16,2), dibao_standard numeric(16,2), income_line numeric(16,2),
    asset_limit numeric(16,2), conclusion text NOT NULL, reasons jsonb NOT NULL)
"""


def store_households(households: pa.Table, postgres: str) -> float:
    """COPY every household result (verification-output/1.0) into a fresh database; returns the seconds the
    COPY and its commit took (creating and dropping the database is not counted).

    Arrow renders the rows as CSV (in C++, nulls as unquoted empty fields), PostgreSQL parses them: the
    server side — above all ``jsonb`` parsing of the reasons — is the cost, so the rows go in as two halves
    over two connections at once, one per core (the halves commit separately; a failed half raises)."""
    import psycopg

    with psycopg.connect(postgres, dbname="postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
        admin.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    try:
        with psycopg.connect(postgres, dbname=BENCH_DATABASE) as conn:
            conn.execute(_HOUSEHOLD_RESULTS_DDL)
            conn.commit()
        started = time.perf_counter()
        half = (households.num_rows + 1) // 2
        parts = [households.slice(0, half), households.slice(half)]
        with ThreadPoolExecutor(max_workers=len(parts)) as pool:
            list(pool.map(lambda part: _copy_csv(part, postgres), parts))
        seconds = time.perf_counter() - started
        with psycopg.connect(postgres, dbname=BENCH_DATABASE) as conn:
            stored = conn.execute("SELECT COUNT(*) FROM household_results").fetchone()[0]
        if stored != households.num_rows:
            raise RuntimeError(f"stored {stored} of {households.num_rows} household results")
        return seconds
    finally:
        with psycopg.connect(postgres, dbname="postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")


def _copy_csv(part: pa.Table, postgres: str) -> None:
    import psycopg

    buffer = io.BytesIO()
    pa_csv.write_csv(part, buffer, pa_csv.WriteOptions(include_header=False))
    with psycopg.connect(postgres, dbname=BENCH_DATABASE) as conn, conn.cursor() as cursor:
        names = ", ".join(part.column_names)
        with cursor.copy(f"COPY household_results ({names}) FROM STDIN WITH (FORMAT csv)") as copy:
            view = buffer.getbuffer()
            for start in range(0, len(view), 1 << 22):
                copy.write(view[start : start + (1 << 22)])
        conn.commit()


def run_intake(directory: Path, out: Path) -> None:
    # a fresh store each run: in one the workdir kept, the same file again would be a recognised duplicate
    store = ExchangeStore(Path(tempfile.mkdtemp(prefix="exchange-", dir=directory)))
    receipt = intake_delivery(directory / "deposits_delivery.csv", "deposits", DELIVERED_AS_OF, store=store)
    pq.write_table(pa.table({"rows": [receipt.rows_total], "rejected": [receipt.rows_rejected]}), out)


# ---------------------------------------------------------------- measurement


def _peak_kb(pid: int | str = "self") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children_peak_kb() -> int:
    me, total = os.getpid(), 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:  # ppid
            total += _peak_kb(stat.parent.name)
    return total


def _child(target: str, args: tuple[Any, ...], queue: Any) -> None:
    started = time.perf_counter()
    globals()[target](*args)
    queue.put((time.perf_counter() - started, _peak_kb() + _children_peak_kb()))


def measure(target: str, *args: Any) -> tuple[float, float]:
    """Run ``target`` in a fresh process: (seconds, peak resident memory in MB)."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    process = ctx.Process(target=_child, args=(target, args, queue))
    process.start()
    seconds, peak = queue.get()
    process.join()
    if process.exitcode:
        raise RuntimeError(f"{target} failed with exit code {process.exitcode}")
    return seconds, peak / 1024


def conclusions(path: Path) -> dict[str, str]:
    table = pq.read_table(path)
    return dict(zip(table["request_id"].to_pylist(), table["conclusion"].to_pylist(), strict=True))


def compare_results(name: str, reference: Path, other: Path) -> None:
    """Every household row (figures, conclusion, reasons with evidence) and every per-member income row
    must be equal, value by value."""
    for label, left, right in [
        ("household results", reference, other),
        ("member income", _income_path(reference), _income_path(other)),
    ]:
        ours, theirs = pq.read_table(left), pq.read_table(right)
        if ours.schema != theirs.schema or ours.num_rows != theirs.num_rows:
            raise SystemExit(
                f"{name}: {label} differ in shape: {ours.schema} {ours.num_rows} / {theirs.num_rows}"
            )
        for column in ours.column_names:
            if not ours[column].equals(theirs[column]):
                a, b = ours[column].to_pylist(), theirs[column].to_pylist()
                i = next(i for i in range(len(a)) if a[i] != b[i])
                raise SystemExit(
                    f"{name}: {label} differ in {column} at row {i}: {str(a[i])[:400]} / {str(b[i])[:400]}"
                )


def compare(name: str, reference: dict[str, str], other: dict[str, str]) -> None:
    differing = [k for k in reference if reference[k] != other.get(k)]
    if differing or len(reference) != len(other):
        sample = [(k, reference[k], other.get(k)) for k in differing[:5]]
        raise SystemExit(f"{name}: {len(differing)} conclusions differ from the engine, e.g. {sample}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of 1,000,000 households")
    parser.add_argument("--workdir", type=Path, default=None, help="keep generated data here")
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="runs of the engine and of the hand-written SQL (the best counts)",
    )
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--skip-pandas", action="store_true")
    parser.add_argument("--postgres", default="host=127.0.0.1 port=5432 user=postgres", help="libpq DSN")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    root = args.workdir or Path(tempfile.mkdtemp(prefix="verification-bench-"))
    households = max(100, int(FULL_HOUSEHOLDS * args.scale))
    world = root / f"world-{households}"
    print(f"load average (1/5/15 min) at the start: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    started = time.perf_counter()
    counts = generate_world(world, households)
    department_rows = sum(v for k, v in counts.items() if k != "requests")
    print(
        f"world: {households:,} households, {counts['requests']:,} persons in requests, "
        f"{department_rows:,} department rows ({time.perf_counter() - started:.1f} s to generate, {root})"
    )
    for name, rows in counts.items():
        print(f"  {name:<20} {rows:>12,}")

    figures: dict[str, tuple[float, float]] = {}
    figures["intake (deposits CSV)"] = measure("run_intake", world, root / "intake.parquet")
    intake = pq.read_table(root / "intake.parquet").to_pylist()[0]
    print(f"intake: {intake['rows']:,} rows, {intake['rejected']:,} rejected")
    postgres = None if args.skip_postgres else args.postgres
    # The engine and the hand-written query each run ``--repeat`` times in fresh processes and the best run
    # counts (as timeit does): on a shared 2-core machine one run varies by ±15 %; every run is printed.
    runs = []
    for _ in range(args.repeat):
        _, peak = measure("run_engine", world, root / "engine.parquet", "duckdb", postgres)
        runs.append((json.loads((root / "engine.json").read_text()), peak))
    engine_peak = max(peak for _, peak in runs)
    computed = ", ".join(f"{phases['compute']:.1f}" for phases, _ in runs)
    print(f"engine runs, computation (s): {computed}")
    figures["engine DuckDB, computation"] = (min(p["compute"] for p, _ in runs), engine_peak)
    if postgres is not None:
        figures["store in PostgreSQL (COPY)"] = (min(p["store"] for p, _ in runs), engine_peak)
        best = min(p["compute"] + p["store"] for p, _ in runs)
        figures["engine end to end, stored"] = (best, engine_peak)
    reference = conclusions(root / "engine.parquet")
    hand = [measure("run_hand_sql", world, root / "hand.parquet") for _ in range(args.repeat)]
    print(f"hand-written SQL runs (s): {', '.join(f'{seconds:.1f}' for seconds, _ in hand)}")
    figures["hand-written DuckDB SQL"] = (min(t for t, _ in hand), max(peak for _, peak in hand))
    compare("hand-written SQL", reference, conclusions(root / "hand.parquet"))
    if not args.skip_pandas:
        figures["pandas baseline"] = measure("run_pandas", world, root / "pandas.parquet")
        conclusions_only = json.loads((root / "pandas.json").read_text())["conclusions"]
        figures["  of which until conclusions known"] = (conclusions_only, figures["pandas baseline"][1])
        compare("pandas", reference, conclusions(root / "pandas.parquet"))
        compare_results("pandas", root / "engine.parquet", root / "pandas.parquet")
    if not args.skip_spark:
        small = root / f"world-{max(100, households // 100)}"
        generate_world(small, max(100, households // 100))
        figures["engine DuckDB (1% world)"] = measure(
            "run_engine", small, root / "engine-small.parquet", "duckdb"
        )
        figures["engine Spark local[2] (1% world)"] = measure(
            "run_engine", small, root / "spark-small.parquet", "spark"
        )
        compare_results("spark", root / "engine-small.parquet", root / "spark-small.parquet")

    # the figures are wall-clock seconds: on a shared machine, say how busy it was
    print(f"load average (1/5/15 min) at the end: {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    tally: dict[str, int] = {}
    for value in reference.values():
        tally[value] = tally.get(value, 0) + 1
    print(f"conclusions (identical across implementations): {tally}")
    report(figures)


def report(figures: dict[str, tuple[float, float]]) -> None:
    """The figures, each against the engine's computation in this run, then the issue's targets."""
    engine = figures["engine DuckDB, computation"][0]
    print(f"{'implementation':<36}{'seconds':>10}{'peak MB':>10}{'× engine':>10}")
    for name, (seconds, peak) in figures.items():
        base = figures["engine DuckDB (1% world)"][0] if "1% world" in name else engine
        print(f"{name:<36}{seconds:>10.1f}{peak:>10.0f}{seconds / base:>10.2f}")
    # the memory target is the engine's (its process also renders and stores the results); baselines vary
    peak = figures["engine DuckDB, computation"][1]
    checks = [
        ("engine ÷ hand-written SQL ≤ 1.5", engine / figures["hand-written DuckDB SQL"][0], 1.5, True),
        ("engine peak memory (GiB) ≤ 8", peak / 1024, 8, True),
    ]
    if "pandas baseline" in figures:
        checks.append(("pandas ÷ engine ≥ 10", figures["pandas baseline"][0] / engine, 10, False))
    if "engine end to end, stored" in figures:
        checks.append(
            ("end to end incl. PostgreSQL (s) ≤ 60", figures["engine end to end, stored"][0], 60, True)
        )
    for label, value, limit, at_most in checks:
        met = value <= limit if at_most else value >= limit
        print(f"  {label:<40}{value:>8.2f}  {'met' if met else 'MISSED'}")


if __name__ == "__main__":
    main()
