"""The benchmark's pandas baseline and hand-written SQL are independent implementations of the same rules:
on a tiny synthetic world all three must reach the same conclusion for every household."""

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
