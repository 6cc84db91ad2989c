"""The benchmark's pandas baseline and hand-written SQL are independent implementations of the same rules:
on a tiny synthetic world all three must reach the same conclusion for every household, and pandas the
engine's very results (figures, reasons with evidence, per-member income)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCHMARK = Path(__file__).parents[2] / "benchmarks" / "verification.py"


def _benchmark_module():
    spec = importlib.util.spec_from_file_location("verification_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_engine_pandas_and_hand_written_sql_reach_identical_conclusions(tmp_path):
    bench = _benchmark_module()
    world = tmp_path / "world"
    counts = bench.generate_world(world, households=400)
    assert counts["requests"] > 400
    for target in ("engine", "pandas", "hand"):
        out = tmp_path / f"{target}.parquet"
        if target == "engine":
            bench.run_engine(world, out, "duckdb")
        elif target == "pandas":
            bench.run_pandas(world, out)
        else:
            bench.run_hand_sql(world, out)
    engine = bench.conclusions(tmp_path / "engine.parquet")
    assert set(engine.values()) == {"eligible", "ineligible", "manual_review"}
    assert bench.conclusions(tmp_path / "pandas.parquet") == engine
    assert bench.conclusions(tmp_path / "hand.parquet") == engine
    bench.compare_results("pandas", tmp_path / "engine.parquet", tmp_path / "pandas.parquet")


def test_a_difference_in_one_evidence_row_is_reported(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    import pytest

    bench = _benchmark_module()
    bench.generate_world(tmp_path / "world", households=200)
    bench.run_engine(tmp_path / "world", tmp_path / "engine.parquet", "duckdb")
    table = pq.read_table(tmp_path / "engine.parquet")
    reasons = table["reasons"].to_pylist()
    row = next(i for i, r in enumerate(reasons) if r != "[]")
    reasons[row] = reasons[row].replace('"values":{', '"values":{"x":"1",', 1)
    altered = table.set_column(table.column_names.index("reasons"), "reasons", pa.array(reasons))
    pq.write_table(altered, tmp_path / "other.parquet")
    pq.write_table(pq.read_table(tmp_path / "engine-income.parquet"), tmp_path / "other-income.parquet")
    with pytest.raises(SystemExit, match=f"reasons at row {row}"):
        bench.compare_results("other", tmp_path / "engine.parquet", tmp_path / "other.parquet")


MONITORING_BENCHMARK = Path(__file__).parents[2] / "benchmarks" / "monitoring.py"


def test_monitoring_engine_and_its_pandas_baseline_give_the_same_warnings(tmp_path):
    """The monitoring benchmark's pandas rules are its oracle: on a small world the engine's warnings (key,
    rule, household, member, date) are the same for the full run and both daily runs it times."""
    import datetime as dt

    from minzheng.batch.intake import DatasetSnapshot
    from minzheng.batch.monitoring import rules_table, run_monitoring

    spec = importlib.util.spec_from_file_location("monitoring_benchmark", MONITORING_BENCHMARK)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    population, paths = bench.build_world(0.003, tmp_path)
    snapshot = DatasetSnapshot(tables=paths, as_of={name: bench.UNTIL for name in paths})
    columns = ["warning_key", "rule_code", "household_id", "id_number", "event_date"]
    runs = [
        (bench.YEAR_START - dt.timedelta(days=1), bench.UNTIL),
        (dt.date(2025, 12, 30), dt.date(2025, 12, 31)),
        (dt.date(2025, 12, 31), bench.UNTIL),
    ]
    for since, until in runs:
        result = run_monitoring(population, rules_table(bench.RULES), snapshot, until=until, since=since)
        engine = result.warnings.select(columns).to_pandas().sort_values("warning_key").reset_index(drop=True)
        baseline = bench.pandas_rules(population, paths, since, until)[columns]
        assert len(engine) > 0 and engine.equals(baseline), (since, until)
    assert {"income_below_line", "income_above_line"} <= set(engine["rule_code"])  # the 1 Jan run's
