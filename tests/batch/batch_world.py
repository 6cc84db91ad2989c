"""A small world of households and department data for the batch engine tests (builders, no fixtures)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pyarrow as pa
from stdnum.cn import ric

from minzheng.batch.backends import Backend
from minzheng.batch.intake import DATASETS, DatasetSnapshot
from minzheng.batch.verification import (
    REQUIRED_FOR_VERIFICATION,
    Parameter,
    VerificationResult,
    default_parameters,
    parameters_table,
    run_verification,
)

REQUEST_DATE = dt.date(2025, 7, 15)  # income window: 2024-07 … 2025-06
DIVISION = "210602001001"  # a community in 丹东市振兴区
DIBAO = Decimal("663.00")


def make_id(sequence: int, address: str = "210602", birth: str = "19800101") -> str:
    """A valid 公民身份号码 with the given sequence number."""
    body = f"{address}{birth}{sequence % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


class World:
    """Households applying on one date, their department data and the parameters in force."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.parameters: list[Parameter] = [*default_parameters(), Parameter("21", "dibao_standard", DIBAO)]
        self.delivered: dict[str, dt.date] = dict.fromkeys(REQUIRED_FOR_VERIFICATION, dt.date(2025, 7, 1))
        self._next_person = 1

    def person(self, status: str = "normal", **hukou: Any) -> str:
        id_number = make_id(self._next_person, birth=f"{1950 + self._next_person // 1000:04d}0101")
        self._next_person += 1
        row = {
            "id_number": id_number,
            "name": f"成员{self._next_person}",
            "sex": 1,
            "birth_date": ric.get_birth_date(id_number),
            "hukou_code": DIVISION,
            "status": status,
            "status_date": None if status == "normal" else dt.date(2025, 6, 1),
        }
        self.rows["hukou"].append(row | hukou)
        return id_number

    def household(
        self,
        request_id: str,
        members: int = 1,
        *,
        program: str = "dibao",
        division: str = DIVISION,
        request_date: dt.date = REQUEST_DATE,
    ) -> list[str]:
        ids = [self.person() for _ in range(members)]
        for id_number in ids:
            self.requests.append(
                {
                    "request_id": request_id,
                    "household_id": f"H-{request_id}",
                    "division_code": division,
                    "request_date": request_date,
                    "program": program,
                    "id_number": id_number,
                }
            )
        return ids

    def add(self, dataset: str, **row: Any) -> None:
        self.rows[dataset].append(row)

    def wage(self, id_number: str, total: str, months: int = 12, start: str = "2024-07") -> None:
        """Spread ``total`` over ``months`` months (remainder in the first) as wage income."""
        amount = Decimal(total)
        each = (amount / months).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
        year, month = map(int, start.split("-"))
        for i in range(months):
            m = year * 12 + month - 1 + i
            value = each + (amount - each * months if i == 0 else 0)
            self.add(
                "tax_income",
                id_number=id_number,
                month=f"{m // 12:04d}-{m % 12 + 1:02d}",
                category="wage",
                amount=value,
            )

    def param(self, name: str, value: str, prefix: str = "", **dates: dt.date | None) -> None:
        self.parameters.append(Parameter(prefix, name, Decimal(value), **dates))

    def snapshot(self) -> DatasetSnapshot:
        tables = {
            name: pa.Table.from_pylist(self.rows.get(name, []), schema=DATASETS[name].schema)
            for name in DATASETS
        }
        return DatasetSnapshot(
            tables={n: t for n, t in tables.items() if n in self.delivered or n == "asset_flags"},
            as_of=dict(self.delivered),
        )

    def requests_table(self) -> pa.Table:
        from minzheng.batch.verification import REQUESTS_SCHEMA

        return pa.Table.from_pylist(self.requests, schema=REQUESTS_SCHEMA)

    def run(self, backend: Backend | None = None) -> VerificationResult:
        return run_verification(
            self.requests_table(), parameters_table(self.parameters), self.snapshot(), backend=backend
        )

    def verdict(self, request_id: str) -> tuple[str, set[str]]:
        row = self.run().household(request_id)
        return row["conclusion"], {r["code"] for r in row["reasons"]}
