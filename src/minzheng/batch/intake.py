"""部门数据接收 (intake): read a delivery, check its schema, split valid and rejected rows, store it.

Whole-file problems (unreadable file, missing/extra columns, wrong Parquet types, no rows) raise a typed
:class:`~minzheng.batch.errors.BatchError` with a Chinese message and store nothing. Row problems never abort
the delivery and never vanish: each bad row lands in ``rejected.parquet`` with its row number and reason.
Validation runs in DuckDB over Arrow, independent of the engine chosen for the verification job, because
intake is a per-file step that must not wait for a cluster.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .contracts import DATASETS, REJECTED_ROWS_SCHEMA, Column, Dataset, Kind
from .errors import DeliveryFormatError, DeliverySchemaError, EmptyDeliveryError, UnknownDatasetError
from .ids import id_number_problems
from .store import ACCEPTED, RECEIPT, REJECTED, DeliveryReceipt, ExchangeStore
from .validation_sql import accepted_value_sql, row_problem_sql

_SOURCE_NAME = re.compile(r"^[\w\-]{1,64}$")
_PARQUET_MAGIC = b"PAR1"


def intake_delivery(
    path: Path | str,
    dataset: str,
    as_of: dt.date,
    *,
    store: ExchangeStore,
    source: str = "default",
    original_name: str | None = None,
) -> DeliveryReceipt:
    """接收一次部门交付: validate ``path`` against ``dataset``'s contract and store it as of ``as_of``.

    Re-delivering identical bytes returns the earlier receipt with ``duplicate=True`` and changes nothing.
    ``original_name`` is what the receipt calls the delivery (default: the file's name).
    """
    spec = dataset_spec(dataset)
    if not _SOURCE_NAME.match(source):
        raise DeliveryFormatError(
            f"数据来源名称不合法：{source!r}（仅允许字母、数字、下划线和连字符）", dataset=dataset
        )
    path = Path(path)
    content = path.read_bytes()
    sha256 = hashlib.sha256(content).hexdigest()
    earlier = store.find_by_hash(dataset, sha256)
    if earlier is not None:
        return _replace_duplicate(earlier)
    if not content.strip():
        raise EmptyDeliveryError(f"数据集 {dataset} 的交付文件为空：{path.name}", dataset=dataset)

    table, is_parquet = _read(content, spec, path.name)
    if table.num_rows == 0:
        raise EmptyDeliveryError(f"数据集 {dataset} 的交付文件没有数据行：{path.name}", dataset=dataset)
    delivery_id = sha256[:24]
    accepted, rejected, warnings = validate_rows(table, spec, delivery_id)
    receipt = DeliveryReceipt(
        dataset=dataset,
        source=source,
        as_of=as_of,
        delivery_id=delivery_id,
        sha256=sha256,
        received_at=dt.datetime.now(dt.UTC),
        original_name=original_name or path.name,
        rows_total=table.num_rows,
        rows_accepted=accepted.num_rows,
        rows_rejected=rejected.num_rows,
        warnings=tuple(warnings),
    )
    target = store.delivery_dir(dataset, source, as_of, delivery_id)
    try:
        _write_atomically(target, receipt, accepted, rejected, content, ".parquet" if is_parquet else ".csv")
    except OSError:
        # the same file arriving twice at once: the other intake won the rename, and its result stands
        if (target / RECEIPT).exists():
            return _replace_duplicate(DeliveryReceipt.from_file(target / RECEIPT))
        raise
    return DeliveryReceipt.from_file(target / RECEIPT)


def dataset_spec(name: str) -> Dataset:
    try:
        return DATASETS[name]
    except KeyError:
        known = "、".join(DATASETS)
        raise UnknownDatasetError(f"未知的数据集：{name}（可用：{known}）", dataset=name) from None


def _replace_duplicate(receipt: DeliveryReceipt) -> DeliveryReceipt:
    return replace(receipt, duplicate=True)


def _read(content: bytes, spec: Dataset, name: str) -> tuple[pa.Table, bool]:
    if content[:4] == _PARQUET_MAGIC:
        try:
            table = pq.read_table(io.BytesIO(content))
        except (pa.ArrowException, OSError) as error:
            raise DeliveryFormatError(
                f"数据集 {spec.name} 的 Parquet 文件无法读取：{error}", dataset=spec.name
            ) from error
        check_columns(list(table.column_names), spec)
        check_parquet_types(table.schema, spec)
        return table, True
    return _read_csv(content, spec, name), False


def _read_csv(content: bytes, spec: Dataset, name: str) -> pa.Table:
    body = content[3:] if content.startswith(b"\xef\xbb\xbf") else content
    first_line = body.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        header = [h.strip() for h in next(csv.reader([first_line.decode("utf-8")]), [])]
    except UnicodeDecodeError as error:
        raise DeliveryFormatError(
            f"数据集 {spec.name} 的 CSV 文件 {name} 不是 UTF-8 编码（请勿使用 GBK 等编码）", dataset=spec.name
        ) from error
    check_columns(header, spec)
    try:
        return pacsv.read_csv(
            io.BytesIO(body),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()),
                null_values=[""],
                strings_can_be_null=True,
            ),
        )
    except pa.ArrowInvalid as error:
        # pyarrow also lands here for invalid UTF-8 in the body
        raise DeliveryFormatError(
            f"数据集 {spec.name} 的 CSV 文件 {name} 无法解析（须为带表头的 UTF-8 CSV）：{error}",
            dataset=spec.name,
        ) from error


def check_columns(columns: list[str], spec: Dataset) -> None:
    """缺列或多列 → DeliverySchemaError naming every offending column."""
    expected = [c.name for c in spec.columns]
    missing = [c for c in expected if c not in columns]
    extra = [c for c in columns if c not in expected]
    duplicated = sorted({c for c in columns if columns.count(c) > 1})
    problems = []
    if missing:
        problems.append(f"缺少列 {', '.join(missing)}")
    if extra:
        problems.append(f"多出未约定的列 {', '.join(extra)}")
    if duplicated:
        problems.append(f"列名重复 {', '.join(duplicated)}")
    if problems:
        column = (missing or extra or duplicated)[0]
        raise DeliverySchemaError(
            f"数据集 {spec.name} 的列与约定不符：{'；'.join(problems)}。应为：{', '.join(expected)}",
            dataset=spec.name,
            column=column,
        )


def _type_accepted(kind: Kind, arrow_type: pa.DataType) -> bool:
    if pa.types.is_null(arrow_type) or pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type):
        return True
    if kind is Kind.DATE:
        return pa.types.is_date(arrow_type)
    if kind in (Kind.MONEY, Kind.SHARE):
        return pa.types.is_decimal(arrow_type) or pa.types.is_integer(arrow_type)
    if kind is Kind.INTEGER:
        return pa.types.is_integer(arrow_type)
    if kind is Kind.BOOLEAN:
        return pa.types.is_boolean(arrow_type)
    return False


def check_parquet_types(schema: pa.Schema, spec: Dataset) -> None:
    """类型错误 → DeliverySchemaError. Floats are refused for money: they cannot hold 0.01 exactly."""
    for column in spec.columns:
        arrow_type = schema.field(column.name).type
        if _type_accepted(column.kind, arrow_type):
            continue
        hint = (
            "（金额不得使用浮点数，请使用 DECIMAL(18,2) 或文本）" if pa.types.is_floating(arrow_type) else ""
        )
        raise DeliverySchemaError(
            f"数据集 {spec.name} 的列 {column.name} 类型为 {arrow_type}，应为 {column.kind.value}{hint}",
            dataset=spec.name,
            column=column.name,
        )


def validate_rows(table: pa.Table, spec: Dataset, delivery_id: str) -> tuple[pa.Table, pa.Table, list[str]]:
    """Split ``table`` into accepted rows (storage types) and rejected rows (row number + Chinese reason)."""
    ids = pc.unique(pc.utf8_trim_whitespace(table["id_number"].cast(pa.string()))).to_pylist()
    problems, unknown_address = id_number_problems(ids)
    bad_ids = pa.table(
        {
            "raw_id": pa.array(list(problems), pa.string()),
            "problem": pa.array(list(problems.values()), pa.string()),
        }
    )
    numbered = table.append_column("_row", pa.array(range(1, table.num_rows + 1), pa.int64()))
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    try:
        con.register("delivery", numbered)
        con.register("bad_ids", bad_ids)
        con.execute(f"CREATE TEMP TABLE checked AS {_checked_sql(spec)}")
        accepted = con.sql(_accepted_sql(spec)).to_arrow_table().cast(spec.schema)
        rejected = con.sql(_rejected_sql(spec, delivery_id)).to_arrow_table()
    finally:
        con.close()
    warnings = []
    if unknown_address:
        warnings.append(
            f"{unknown_address} 个公民身份号码的地址码不在现行区划表中（可能为已撤销区划，仅提示，未拒收）"
        )
    return accepted, rejected.cast(REJECTED_ROWS_SCHEMA), warnings


def _text(column: Column) -> str:
    return f"NULLIF(TRIM(CAST(d.\"{column.name}\" AS VARCHAR)), '')"


def _checked_sql(spec: Dataset) -> str:
    texts = ", ".join(f'{_text(c)} AS "{c.name}"' for c in spec.columns)
    checks = ", ".join(row_problem_sql(c, f'"{c.name}"') for c in spec.columns)
    return f"""
        WITH t AS (SELECT d._row, {texts} FROM delivery d)
        SELECT t.*, concat_ws('；', b.problem, {checks}) AS _reason
        FROM t LEFT JOIN bad_ids b ON b.raw_id = t.id_number
    """


def _accepted_sql(spec: Dataset) -> str:
    values = ", ".join(
        f'{accepted_value_sql(c, f"{chr(34)}{c.name}{chr(34)}")} AS "{c.name}"' for c in spec.columns
    )
    return f"SELECT {values} FROM checked WHERE _reason = '' ORDER BY _row"


def _rejected_sql(spec: Dataset, delivery_id: str) -> str:
    raw = ", ".join(f'"{c.name}" := "{c.name}"' for c in spec.columns)
    return f"""
        SELECT '{spec.name}' AS dataset, '{delivery_id}' AS delivery_id, _row AS row_number, _reason AS reason,
               CAST(to_json(struct_pack({raw})) AS VARCHAR) AS raw_values
        FROM checked WHERE _reason <> '' ORDER BY _row
    """


def _write_atomically(
    target: Path, receipt: DeliveryReceipt, accepted: pa.Table, rejected: pa.Table, raw: bytes, suffix: str
) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{uuid.uuid4().hex}-", dir=target.parent))
    try:
        pq.write_table(accepted, staging / ACCEPTED)
        pq.write_table(rejected, staging / REJECTED)
        (staging / f"raw{suffix}").write_bytes(raw)
        (staging / RECEIPT).write_text(receipt.to_json(), encoding="utf-8")
        os.rename(staging, target)  # atomic on one filesystem: readers see all of the delivery or none
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
