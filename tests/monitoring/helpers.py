"""Test data for the monitoring app: 在保 households, department deliveries into the exchange store."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from minzheng.assistance.services.cases import open_case
from minzheng.assistance.services.enrolments import NewEnrolment, enrol_from_case
from minzheng.batch.intake import DATASETS, intake_delivery
from minzheng.monitoring.services.runs import exchange_store


def enrol(user, household, program: str = "dibao_urban", start: dt.date = dt.date(2025, 1, 1)):
    case = open_case(user, household_id=household.pk, program_code=program, applied_on=start)
    terms = NewEnrolment(
        start_month=start,
        monthly_amount=Decimal("300"),
        persons=household.memberships.count(),
        payee_id=household.head_id,
    )
    return enrol_from_case(user, case, terms)


_deliveries = iter(range(1, 10_000))


def deliver(dataset: str, rows: list[dict], as_of: dt.date, tmp: Path, source: str = "test") -> None:
    """One department delivery through the real intake (validated, stored in the exchange store)."""
    path = tmp / f"{dataset}-{next(_deliveries)}.parquet"
    pq.write_table(pa.Table.from_pylist(rows, schema=DATASETS[dataset].schema), path)
    intake_delivery(path, dataset, as_of, store=exchange_store(), source=source)


def members_of(household) -> list:
    return [m.person for m in household.memberships.order_by("relation", "pk")]
