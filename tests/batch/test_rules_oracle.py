"""The engine against an independent reading of the rule text, on the path the platform runs.

exchange-formats.md rules 1–8 and "Precise readings (decided 2026-12)": households drawn around every
threshold (income and asset limits to the 分, the vehicle price and business capital limits, residential
shares, pension kinds, stale datasets, rejected rows, repeated rows from several sources, superseded
deliveries) are delivered as files through intake into the exchange store; the platform's snapshot on the
request date feeds the job; every household's conclusion and reason codes must equal ``oracle.verdict``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from oracle import Policy, verdict
from store_world import DIBAO, REQUEST_DATE, StoreWorld, world_data

from minzheng.batch.intake import ExchangeStore
from minzheng.batch.verification import Parameter, default_parameters, parameters_table, run_verification


def _parameters():
    return parameters_table([*default_parameters(), Parameter("21", "dibao_standard", DIBAO)])


def engine_verdicts(world: StoreWorld, backend=None) -> dict[str, tuple[str, set[str]]]:
    with tempfile.TemporaryDirectory() as directory:
        store = ExchangeStore(Path(directory) / "exchange")
        world.deliver(store, Path(directory))
        result = run_verification(
            world.requests_table(),
            _parameters(),
            store.snapshot(cutoff=REQUEST_DATE),
            backend=backend,
        )
    return {
        request_id: (
            result.household(request_id)["conclusion"],
            {r["code"] for r in result.household(request_id)["reasons"]},
        )
        for request_id in world.members
    }


@settings(max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(world_data)
def test_engine_equals_the_rule_text_on_households_around_every_threshold(data):
    world = StoreWorld(data)
    engine = engine_verdicts(world)
    policy = Policy(dibao_standard=DIBAO)
    for request_id, members in world.members.items():
        expected = verdict(members, world.deliveries, policy, REQUEST_DATE, world.programs[request_id])
        assert engine[request_id] == expected, request_id


@pytest.mark.spark
@settings(max_examples=1, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(world_data)
def test_duckdb_and_spark_agree_through_the_store_on_every_household(spark, data):
    """One job, two engines, the same store: conclusions, figures, reasons and evidence, household by
    household, and the member records of the report."""
    from minzheng.batch.backends import SparkBackend

    world = StoreWorld(data)
    with tempfile.TemporaryDirectory() as directory:
        store = ExchangeStore(Path(directory) / "exchange")
        world.deliver(store, Path(directory))
        snapshot = store.snapshot(cutoff=REQUEST_DATE)
        requests, parameters = world.requests_table(), _parameters()
        on_duckdb = run_verification(requests, parameters, snapshot, with_records=True)
        with SparkBackend(spark) as backend:
            on_spark = run_verification(requests, parameters, snapshot, backend=backend, with_records=True)
    assert on_duckdb.households.to_pylist() == on_spark.households.to_pylist()
    assert on_duckdb.member_income.to_pylist() == on_spark.member_income.to_pylist()
    assert on_duckdb.member_records.to_pylist() == on_spark.member_records.to_pylist()
