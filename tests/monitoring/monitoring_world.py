"""A small monitored population with department events, for the monitoring engine tests (builders only)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pyarrow as pa
from stdnum.cn import ric

from minzheng.batch.backends import Backend
from minzheng.batch.intake import DATASETS, DatasetSnapshot
from minzheng.batch.monitoring import (
    MONITORING_DATASETS,
    MONITORING_POPULATION_SCHEMA,
    MonitoringResult,
    RuleVersion,
    rules_table,
    run_monitoring,
)

DIVISION = "210602002001"
LINE = Decimal("663.00")
RUN_DAY = dt.date(2026, 3, 1)  # the daily run on 1 March evaluates February's income


def default_rules() -> list[RuleVersion]:
    """The national defaults the monitoring app ships (monitoring/rule_catalogue.py), as rule versions."""
    return [
        RuleVersion(1, "medical_expense", "high", amount=Decimal("20000"), ratio=Decimal("0.5"), months=12),
        RuleVersion(2, "severe_disability", "medium", grade=2),
        RuleVersion(3, "working_age_death", "high", age_from=16, age_to=59),
        RuleVersion(4, "unemployment", "medium"),
        RuleVersion(5, "disaster_loss", "high", amount=Decimal("10000")),
        RuleVersion(6, "income_below_line", "medium", months=3),
        RuleVersion(7, "income_above_line", "low", ratio=Decimal("1"), months=3),
    ]


class World:
    """Monitored households and the events departments delivered about them."""

    def __init__(self) -> None:
        self.population: list[dict[str, Any]] = []
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.rules = default_rules()
        self._next = 1

    def household(
        self,
        name: str,
        members: int = 1,
        *,
        in_dibao: bool = False,
        line: Decimal | None = LINE,
        division: str = DIVISION,
        births: tuple[dt.date, ...] = (),
    ) -> list[str]:
        ids = []
        for i in range(members):
            birth = births[i] if i < len(births) else dt.date(1980, 1, 1)
            body = f"{division[:6]}{birth:%Y%m%d}{self._next % 1000:03d}"
            self._next += 1
            id_number = body + ric.calc_check_digit(body + "0")
            ids.append(id_number)
            self.population.append(
                {
                    "id_number": id_number,
                    "household_id": f"H-{name}",
                    "division_code": division,
                    "birth_date": birth,
                    "in_dibao": in_dibao,
                    "dibao_line": line,
                }
            )
        return ids

    def add(self, dataset: str, **row: Any) -> None:
        self.rows[dataset].append(row)

    def bill(self, id_number: str, day: dt.date, self_paid: str, total: str | None = None) -> None:
        self.add(
            "medical_bills",
            id_number=id_number,
            settle_date=day,
            total_cost=Decimal(total or self_paid) * 2,
            self_paid=Decimal(self_paid),
            inpatient=True,
        )

    def wage(self, id_number: str, months: list[str], amount: str) -> None:
        for month in months:
            self.add("tax_income", id_number=id_number, month=month, category="wage", amount=Decimal(amount))

    def snapshot(self) -> DatasetSnapshot:
        tables = {
            name: pa.Table.from_pylist(self.rows.get(name, []), schema=DATASETS[name].schema)
            for name in MONITORING_DATASETS
        }
        return DatasetSnapshot(tables=tables, as_of={name: RUN_DAY for name in tables})

    def run(
        self, *, until: dt.date = RUN_DAY, since: dt.date | None = None, backend: Backend | None = None
    ) -> MonitoringResult:
        population = pa.Table.from_pylist(self.population, schema=MONITORING_POPULATION_SCHEMA)
        return run_monitoring(
            population, rules_table(self.rules), self.snapshot(), until=until, since=since, backend=backend
        )


def months(first: str, count: int) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    found = []
    for _ in range(count):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found
