"""A snapshot's department datasets onto a backend (交换数据注册): what each job reads from the exchange store."""

from __future__ import annotations

import pyarrow as pa

from ..backends import Backend
from ..contract_tables import cast_to_contract
from .contracts import DATASETS
from .store import DatasetSnapshot


def register_dataset(
    engine: Backend, name: str, datasets: DatasetSnapshot, dataset: str | None = None
) -> None:
    """Register ``dataset`` (default: ``name``) of the snapshot under the view name ``name``: its files as
    delivered (only their own columns) or an Arrow table held to the dataset's schema; nothing delivered
    registers an empty table."""
    dataset = dataset or name
    schema = DATASETS[dataset].schema
    source = datasets.tables.get(dataset)
    if isinstance(source, pa.Table):
        for column in DATASETS[dataset].columns:
            # an optional column (contract minor version) may be absent: NULL, its default applies in the job
            if column.optional and column.name not in source.column_names:
                source = source.append_column(column.name, pa.nulls(source.num_rows, column.arrow_type))
        engine.register_arrow(name, cast_to_contract(source, schema, f"数据集 {dataset}"))
    else:
        engine.register_parquet(name, list(source or []), schema)
