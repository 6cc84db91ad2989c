"""迟到数据: events that reached the exchange store after the run that should have evaluated them.

Departments deliver whole extracts, so the rows a run has not seen are found by comparing the current extracts
with those the run read (EXCEPT), dataset by dataset, skipping datasets whose files did not change.
"""

from __future__ import annotations

import datetime as dt

from ..backends import Backend, DuckDBBackend
from ..intake.contracts import DATASETS
from ..intake.registration import register_dataset
from ..intake.store import DatasetSnapshot
from ..steps import sql_step

#: the date that places a row of each monitored dataset in a run's window (income rows: their month)
EVENT_DATE_COLUMNS: dict[str, str] = {
    "medical_bills": "settle_date",
    "disability_cert": "issued_date",
    "deaths": "death_date",
    "unemployment": "registered_date",
    "disaster_loss": "event_date",
    "tax_income": "month",
    "pension": "month",
}


def changed_datasets(seen: DatasetSnapshot, current: DatasetSnapshot) -> list[str]:
    """The monitored datasets whose current data may hold rows a run has not seen: delivered now, and not as
    the very files that run read (Arrow tables cannot be told apart, so they always count)."""
    changed = []
    for name in EVENT_DATE_COLUMNS:
        now, before = current.tables.get(name), seen.tables.get(name)
        same_files = isinstance(now, list) and set(now) == set(before if isinstance(before, list) else [])
        if now is not None and not same_files:
            changed.append(name)
    return changed


def late_events_since(
    seen: DatasetSnapshot,
    current: DatasetSnapshot,
    watermark: dt.date,
    *,
    backend: Backend | None = None,
) -> dt.date | None:
    """迟到数据: the earliest date of an event in the ``current`` deliveries that the deliveries a run has
    ``seen`` did not hold and that is dated on or before ``watermark`` — an event an incremental run would
    skip. Deliveries are whole extracts, so new rows are found by comparing rows, not by delivery. ``None``
    when nothing arrived late; the caller starts its window the day before the date returned."""
    changed = changed_datasets(seen, current)
    if not changed:
        return None
    owned = backend is None
    engine = backend or DuckDBBackend()
    dates = []
    try:
        for name in changed:
            register_dataset(engine, f"{name}_now", current, name)
            register_dataset(engine, f"{name}_seen", seen, name)
            columns = ", ".join(DATASETS[name].schema.names)
            column = EVENT_DATE_COLUMNS[name]
            date = f"CAST({column} || '-01' AS DATE)" if column == "month" else column
            dates.append(
                f"SELECT MIN({date}) AS first_date FROM (SELECT {columns} FROM {name}_now "
                f"EXCEPT SELECT {columns} FROM {name}_seen) AS new_rows "
                f"WHERE {date} <= CAST('{watermark.isoformat()}' AS DATE)"
            )
        engine.materialize(sql_step("late_events", " UNION ALL ".join(dates), reused=False))
        found = [d for d in engine.fetch("late_events")["first_date"].to_pylist() if d is not None]
    finally:
        if owned:
            engine.close()
    return min(found, default=None)
