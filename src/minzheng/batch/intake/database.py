"""部门数据库表交付: take a department dataset from a table or view of a database the department fills.

Any database SQLAlchemy can reach (PostgreSQL, SQLite, and the PostgreSQL- or Oracle-compatible domestic
databases through their dialects) is read the same way: the column set is checked against the contract, a
column declared as a floating-point type is refused for money/shares/integers (as for Parquet), every value
is rendered as text, the rows are sorted, and the extract goes through the very same intake as a CSV file —
the same row checks, rejected-row report, ``as_of`` versioning and atomic store. Because the extract is
sorted and rendered canonically, the same table content delivered again has the same hash and is a no-op,
whatever order the database returned it in.

The caller names the connection (a URL from the installation's configuration, never typed by a user) and
the table; the URL's credentials never appear in an error message.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from ..errors import DeliveryFormatError, DeliverySchemaError
from .contracts import Dataset, Kind
from .delivery import check_columns, dataset_spec, intake_delivery
from .store import DeliveryReceipt, ExchangeStore

#: ``table`` or ``schema.table``: plain identifiers only, quoted by SQLAlchemy, so a name cannot carry SQL
TABLE_NAME = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]{0,62}\.)?[A-Za-z_][A-Za-z0-9_]{0,62}$")
_FETCH_ROWS = 50_000
_NO_FLOATS = (Kind.MONEY, Kind.SHARE, Kind.INTEGER)


def intake_database_table(
    url: str,
    table: str,
    dataset: str,
    as_of: dt.date,
    *,
    store: ExchangeStore,
    source: str = "default",
    connection_name: str = "database",
) -> DeliveryReceipt:
    """接收数据库表交付: read ``table`` through ``url`` and take it in like a file delivery of ``dataset``."""
    spec = dataset_spec(dataset)
    extract = read_table(url, table, spec, connection_name=connection_name)
    with tempfile.TemporaryDirectory(prefix="exchange-table-") as tmp:
        path = Path(tmp) / f"{connection_name}.{table}.csv"
        pacsv.write_csv(extract, path)
        return intake_delivery(
            path, dataset, as_of, store=store, source=source, original_name=f"{connection_name}:{table}"
        )


def read_table(url: str, table: str, spec: Dataset, *, connection_name: str = "database") -> pa.Table:
    """The contract's columns of ``table`` as text, sorted by every column (a canonical extract)."""
    import sqlalchemy as sa
    from sqlalchemy.pool import NullPool

    if not TABLE_NAME.match(table or ""):
        raise DeliveryFormatError(
            f"数据库表名不合法：{table!r}（应为 表名 或 模式名.表名，仅字母、数字和下划线）",
            dataset=spec.name,
        )
    schema, _, name = table.rpartition(".")
    label = f"数据库连接 {connection_name} 的表 {table}"
    try:
        engine = sa.create_engine(url, poolclass=NullPool)
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as error:
        raise DeliveryFormatError(
            f"数据库连接 {connection_name} 的配置无效（{type(error).__name__}）", dataset=spec.name
        ) from None
    try:
        with engine.connect() as connection:
            try:
                columns = sa.inspect(connection).get_columns(name, schema=schema or None)
            except sa.exc.NoSuchTableError:
                raise DeliveryFormatError(f"{label} 不存在或无权读取", dataset=spec.name) from None
            declared = {c["name"]: c["type"] for c in columns}
            check_columns(list(declared), spec)
            _check_declared_types(declared, spec, label)
            # an optional column (contract minor version) the table does not have is left out, as in a file
            names = [c.name for c in spec.columns if c.name in declared]
            query = sa.select(*(sa.column(n) for n in names)).select_from(
                sa.table(name, schema=schema or None)
            )
            result = connection.execution_options(stream_results=True, yield_per=_FETCH_ROWS).execute(query)
            batches = [_as_text(names, rows) for rows in result.partitions()]
    except sa.exc.DBAPIError as error:
        # the driver's message may quote the URL (host, user): say which connection, not how it is reached
        raise DeliveryFormatError(
            f"读取{label}失败：{type(error.orig).__name__ if error.orig else type(error).__name__}",
            dataset=spec.name,
        ) from None
    finally:
        engine.dispose()
    extract = pa.concat_tables(batches) if batches else _empty(names)
    return extract.sort_by([(n, "ascending") for n in names])


def _check_declared_types(declared: dict, spec: Dataset, label: str) -> None:
    import sqlalchemy as sa

    for column in spec.columns:
        if (
            column.name in declared
            and column.kind in _NO_FLOATS
            and isinstance(declared[column.name], sa.Float)
        ):
            raise DeliverySchemaError(
                f"{label} 的列 {column.name} 类型为 {declared[column.name]}，应为 {column.kind.value}"
                "（金额不得使用浮点数，请使用 DECIMAL(18,2) 或文本）",
                dataset=spec.name,
                column=column.name,
            )


def _as_text(names: list[str], rows: list) -> pa.Table:
    values = list(zip(*rows, strict=True)) if rows else [() for _ in names]
    return pa.table(
        {n: pa.array([_text(v) for v in col], pa.string()) for n, col in zip(names, values, strict=True)}
    )


def _empty(names: list[str]) -> pa.Table:
    return pa.table({n: pa.array([], pa.string()) for n in names})


def _text(value: object) -> str | None:
    """A database value as the text a CSV delivery would carry (the intake checks it like any CSV cell)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        # a NUMERIC column in SQLite comes back as a float: its shortest repr is the written value; a float
        # that was not a 2-decimal amount shows more digits and is rejected by the row checks
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return str(value)
