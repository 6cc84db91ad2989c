"""资金大数据比对 — run the anomaly checks over payments and return the findings (``run_fund_checks``).

The payments come as an Arrow table (the platform: the payroll lines of a period) or as Parquet files (the
benchmark's 24 million rows); department data (deaths, vehicles, business) from an exchange-store snapshot.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyarrow as pa

from ..backends import Backend, DuckDBBackend
from ..contract_tables import cast_to_contract, normalised
from ..intake.registration import register_dataset
from ..intake.store import DatasetSnapshot
from .contracts import (
    EXCLUSIONS_SCHEMA,
    FINDINGS_SCHEMA,
    FUND_CHECK_DATASETS,
    LIMITS_SCHEMA,
    PAYMENTS_SCHEMA,
    REGISTRY_DEATHS_SCHEMA,
)
from .job_sql import fund_check_steps


@dataclass(frozen=True)
class CheckLimits:
    """The limits of the department-data checks (元): a vehicle's purchase price, a business's capital."""

    vehicle_price_limit: Decimal = Decimal("100000.00")
    business_capital_limit: Decimal = Decimal("100000.00")


@dataclass(frozen=True)
class FundCheckResult:
    """疑点: one row per (check, payment) (contract ``fundchecks-output``), sorted by ``finding_key``."""

    findings: pa.Table

    def by_check(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for code in self.findings.column("check_code").to_pylist():
            counts[code] = counts.get(code, 0) + 1
        return counts


def run_fund_checks(
    payments: pa.Table | Sequence[Path],
    snapshot: DatasetSnapshot,
    *,
    exclusions: Iterable[tuple[str, str]] = (),
    limits: CheckLimits | None = None,
    registry_deaths: pa.Table | None = None,
    backend: Backend | None = None,
) -> FundCheckResult:
    """Every check over ``payments``; DuckDB in memory unless a backend is given (the caller closes it)."""
    limits = limits or CheckLimits()
    engine = backend or DuckDBBackend()
    try:
        if isinstance(payments, pa.Table):
            engine.register_arrow("payments", cast_to_contract(payments, PAYMENTS_SCHEMA, "发放明细"))
        else:
            engine.register_parquet("payments", list(payments), PAYMENTS_SCHEMA)
        pairs = [{"program_a": a, "program_b": b} for a, b in exclusions]
        engine.register_arrow("exclusions", pa.Table.from_pylist(pairs, schema=EXCLUSIONS_SCHEMA))
        engine.register_arrow(
            "limits",
            pa.Table.from_pylist(
                [
                    {
                        "vehicle_price_limit": limits.vehicle_price_limit,
                        "business_capital_limit": limits.business_capital_limit,
                    }
                ],
                schema=LIMITS_SCHEMA,
            ),
        )
        deaths = registry_deaths if registry_deaths is not None else REGISTRY_DEATHS_SCHEMA.empty_table()
        engine.register_arrow(
            "registry_deaths", cast_to_contract(deaths, REGISTRY_DEATHS_SCHEMA, "登记死亡人员")
        )
        for dataset in FUND_CHECK_DATASETS:
            register_dataset(engine, dataset, snapshot)
        for step in fund_check_steps():
            engine.materialize(step)
        findings = engine.fetch("findings", order_by=("finding_key",))
        return FundCheckResult(normalised(findings, FINDINGS_SCHEMA))
    finally:
        if backend is None:
            engine.close()
