"""交换数据存储: a directory of Parquet files per dataset, source and delivery.

Layout (one directory per delivery, written to a temporary name and renamed into place, so a failed intake
never leaves half a delivery and never touches earlier ones)::

    <root>/<dataset>/source=<source>/as_of=<YYYY-MM-DD>/<delivery_id>/
        accepted.parquet   rows that passed validation, in the contract's storage types
        rejected.parquet   rows that did not, with row number and Chinese reason
        raw.<ext>          the file as delivered (purged after the retention period)
        receipt.json       what happened (counts, content hash, warnings)

A delivery is a full extract of one source (e.g. one bank) as of ``as_of``; the current data of a dataset is
the latest delivery of each of its sources. The delivery id is a hash of the content, source and as_of, so
re-delivering the same bytes as of the same date is recognised and does nothing, while the same bytes as of
a later date are a new delivery (the data is confirmed as of that date). Folder names are for people and
``find``: no reader may take a column from them (a row's own ``as_of`` is the row's).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .contracts import REJECTED_ROWS_SCHEMA

DEFAULT_ROOT = Path("var/exchange")
RECEIPT = "receipt.json"
ACCEPTED = "accepted.parquet"
REJECTED = "rejected.parquet"


@dataclass(frozen=True)
class DeliveryReceipt:
    """交付回执: the outcome of one intake, stored next to the data."""

    dataset: str
    source: str
    as_of: dt.date
    delivery_id: str
    sha256: str
    received_at: dt.datetime
    original_name: str
    rows_total: int
    rows_accepted: int
    rows_rejected: int
    warnings: tuple[str, ...] = ()
    duplicate: bool = False  # True when this call found the same content already delivered
    path: Path = field(default=Path(), compare=False)

    def to_json(self) -> str:
        data = asdict(self)
        data.update(as_of=self.as_of.isoformat(), received_at=self.received_at.isoformat())
        data.pop("path")
        data.pop("duplicate")
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_file(cls, path: Path) -> DeliveryReceipt:
        data = json.loads(path.read_text(encoding="utf-8"))
        data.update(
            as_of=dt.date.fromisoformat(data["as_of"]),
            received_at=dt.datetime.fromisoformat(data["received_at"]),
            warnings=tuple(data.get("warnings", ())),
        )
        return cls(**data, path=path.parent)


@dataclass(frozen=True)
class DatasetSnapshot:
    """The data of every dataset for one job: Parquet paths (from the store) or Arrow tables (tests, other
    callers); each dataset's as_of — its latest delivery's, which the staleness rule compares with the
    request date; and the rows those deliveries rejected (paths of ``rejected.parquet`` files or tables in
    the rejected-rows contract), so a member whose rows were refused is not judged on partial data."""

    tables: dict[str, list[Path] | pa.Table]
    as_of: dict[str, dt.date]
    rejected: dict[str, list[Path] | pa.Table] = field(default_factory=dict)


class ExchangeStore:
    """Directory store of department deliveries (部门交付数据目录)."""

    def __init__(self, root: Path | str = DEFAULT_ROOT) -> None:
        self.root = Path(root)

    def delivery_dir(self, dataset: str, source: str, as_of: dt.date, delivery_id: str) -> Path:
        return self.root / dataset / f"source={source}" / f"as_of={as_of.isoformat()}" / delivery_id

    def receipts(self, dataset: str | None = None) -> list[DeliveryReceipt]:
        """All stored deliveries, oldest first."""
        pattern = f"{dataset or '*'}/source=*/as_of=*/*/{RECEIPT}"
        found = [DeliveryReceipt.from_file(p) for p in self.root.glob(pattern)]
        return sorted(found, key=lambda r: (r.dataset, r.source, r.as_of, r.received_at))

    def find(self, delivery_id: str) -> DeliveryReceipt | None:
        """One delivery by its id (24 hex digits), or None."""
        if not re.fullmatch(r"[0-9a-f]{24}", delivery_id or ""):
            return None
        found = sorted(self.root.glob(f"*/source=*/as_of=*/{delivery_id}/{RECEIPT}"))
        return DeliveryReceipt.from_file(found[0]) if found else None

    def rejected_rows_of(self, receipt: DeliveryReceipt) -> pa.Table:
        """被拒绝的行 of one delivery, by row number."""
        return pq.read_table(receipt.path / REJECTED)

    def current(
        self, cutoff: dt.date | None = None, *, received_before: dt.datetime | None = None
    ) -> Iterator[DeliveryReceipt]:
        """The latest delivery per (dataset, source) with as_of ≤ cutoff — as the store stood at
        ``received_before`` when given (what an earlier run saw)."""
        latest: dict[tuple[str, str], DeliveryReceipt] = {}
        for receipt in self.receipts():
            if received_before is not None and receipt.received_at >= received_before:
                continue
            if cutoff is None or receipt.as_of <= cutoff:
                latest[(receipt.dataset, receipt.source)] = receipt  # receipts() is sorted: later wins
        yield from latest.values()

    def snapshot(
        self, cutoff: dt.date | None = None, *, received_before: dt.datetime | None = None
    ) -> DatasetSnapshot:
        """Paths of the current accepted rows per dataset, for the verification and monitoring jobs."""
        paths: dict[str, list[Path]] = {}
        rejected: dict[str, list[Path]] = {}
        as_of: dict[str, dt.date] = {}
        for receipt in self.current(cutoff, received_before=received_before):
            paths.setdefault(receipt.dataset, []).append(receipt.path / ACCEPTED)
            if receipt.rows_rejected:
                rejected.setdefault(receipt.dataset, []).append(receipt.path / REJECTED)
            # "a dataset whose latest delivery is older than max_data_age_days" (precise readings)
            as_of[receipt.dataset] = max(as_of.get(receipt.dataset, receipt.as_of), receipt.as_of)
        return DatasetSnapshot(tables=dict(paths), as_of=as_of, rejected=rejected)

    def accepted_rows(self, receipt: DeliveryReceipt) -> pa.Table:
        return pq.read_table(receipt.path / ACCEPTED)

    def rejected_rows(self, dataset: str | None = None) -> pa.Table:
        """被拒绝的行: every rejected row of every stored delivery (of one dataset)."""
        tables = [pq.read_table(r.path / REJECTED) for r in self.receipts(dataset)]
        return pa.concat_tables(tables) if tables else REJECTED_ROWS_SCHEMA.empty_table()

    def purge(self, retention_days: int, today: dt.date | None = None) -> list[str]:
        """Delete raw files received more than ``retention_days`` ago, and whole deliveries that old which a
        newer delivery of the same source has superseded. The current delivery of each source is kept, so a
        purge never changes what the verification job sees. Returns the delivery ids touched."""
        cutoff = (today or dt.date.today()) - dt.timedelta(days=retention_days)
        current = {r.delivery_id for r in self.current()}
        touched: list[str] = []
        for receipt in self.receipts():
            if receipt.received_at.date() >= cutoff:
                continue
            if receipt.delivery_id not in current:
                shutil.rmtree(receipt.path)
                touched.append(receipt.delivery_id)
                continue
            raws = list(receipt.path.glob("raw.*"))
            for raw in raws:
                raw.unlink()
            if raws:
                touched.append(receipt.delivery_id)
        return touched
