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
import json
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import DeliveryFormatError, DeliverySchemaError, EmptyDeliveryError, UnknownDatasetError
from ..ids import id_number_problems
from .contracts import DATASETS, REJECTED_ROWS_SCHEMA, Column, Dataset, Kind
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
    # the same bytes as of another date or from another source are another delivery (a newer as_of
    # refreshes the dataset's age); only the same content, source and as_of again is a duplicate
    delivery_id = hashlib.sha256(f"{sha256}:{source}:{as_of.isoformat()}".encode()).hexdigest()[:24]
    target = store.delivery_dir(dataset, source, as_of, delivery_id)
    if (target / RECEIPT).exists():
        return _replace_duplicate(DeliveryReceipt.from_file(target / RECEIPT))
    if not content.strip():
        raise EmptyDeliveryError(f"数据集 {dataset} 的交付文件为空：{path.name}", dataset=dataset)

    delivery = _read(content, spec, path.name)
    if delivery.table.num_rows == 0 and not delivery.malformed:
        raise EmptyDeliveryError(f"数据集 {dataset} 的交付文件没有数据行：{path.name}", dataset=dataset)
    accepted, rejected, warnings = validate_rows(
        delivery.table, spec, delivery_id, as_of=as_of, row_numbers=delivery.row_numbers
    )
    rejected = _with_malformed(rejected, delivery.malformed, spec, delivery_id)
    receipt = DeliveryReceipt(
        dataset=dataset,
        source=source,
        as_of=as_of,
        delivery_id=delivery_id,
        sha256=sha256,
        received_at=dt.datetime.now(dt.UTC),
        original_name=original_name or path.name,
        rows_total=accepted.num_rows + rejected.num_rows,
        rows_accepted=accepted.num_rows,
        rows_rejected=rejected.num_rows,
        warnings=tuple(warnings),
    )
    try:
        _write_atomically(
            target, receipt, accepted, rejected, content, ".parquet" if delivery.parquet else ".csv"
        )
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


@dataclass(frozen=True)
class _Delivery:
    """A delivery as read: the well-formed rows (text or Parquet-typed), their 1-based data row numbers,
    and the rows that could not be split into the dataset's columns (row number, raw text)."""

    table: pa.Table
    row_numbers: pa.Array
    malformed: tuple[tuple[int, str], ...] = ()
    parquet: bool = False


#: leading bytes of files often sent by mistake instead of CSV (xlsx/docx are ZIP, xls/doc are OLE2)
_NOT_CSV_MAGIC: dict[bytes, str] = {
    b"PK\x03\x04": "Excel 工作簿（.xlsx）或其他压缩文件",
    b"\xd0\xcf\x11\xe0": "Excel 97-2003 工作簿（.xls）或其他 Office 文件",
    b"%PDF": "PDF 文件",
}


def _read(content: bytes, spec: Dataset, name: str) -> _Delivery:
    if content[:4] == _PARQUET_MAGIC:
        try:
            table = pq.read_table(io.BytesIO(content))
        except (pa.ArrowException, OSError) as error:
            raise DeliveryFormatError(
                f"数据集 {spec.name} 的 Parquet 文件 {name} 无法读取，文件可能已损坏", dataset=spec.name
            ) from error
        check_columns(list(table.column_names), spec)
        check_parquet_types(table.schema, spec)
        table = _with_optional_columns(table, spec)
        return _Delivery(table, pa.array(range(1, table.num_rows + 1), pa.int64()), parquet=True)
    for magic, kind in _NOT_CSV_MAGIC.items():
        if content.startswith(magic):
            raise DeliveryFormatError(
                f"数据集 {spec.name} 的文件 {name} 是{kind}，不是 CSV：请另存为 UTF-8 编码、带表头的 CSV "
                "或 Parquet 后重新交付",
                dataset=spec.name,
            )
    return _read_csv(content, spec, name)


def _read_csv(content: bytes, spec: Dataset, name: str) -> _Delivery:
    body = content[3:] if content.startswith(b"\xef\xbb\xbf") else content
    first_line = body.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        header = [h.strip() for h in next(csv.reader([first_line.decode("utf-8")]), [])]
    except UnicodeDecodeError as error:
        raise DeliveryFormatError(
            f"数据集 {spec.name} 的 CSV 文件 {name} 不是 UTF-8 编码（请勿使用 GBK 等编码）", dataset=spec.name
        ) from error
    if any(not h.isprintable() for h in header):
        raise DeliveryFormatError(
            f"数据集 {spec.name} 的文件 {name} 不是文本格式的 CSV（表头含不可打印字符）：请交付 UTF-8 编码、"
            "带表头的 CSV 或 Parquet",
            dataset=spec.name,
        )
    check_columns(header, spec)
    table, malformed = _parse_csv(body, header, spec, threaded=True)
    if malformed:
        # row numbers of malformed rows are only known to the single-threaded reader: read again with it
        table, malformed = _parse_csv(body, header, spec, threaded=False)
    skipped = {number for number, _ in malformed}
    numbers = (
        [n for n in range(1, table.num_rows + len(skipped) + 1) if n not in skipped]
        if skipped
        else range(1, table.num_rows + 1)
    )
    table = _with_optional_columns(table, spec)
    return _Delivery(table, pa.array(numbers, pa.int64()), tuple(malformed))


def _parse_csv(
    body: bytes, header: list[str], spec: Dataset, *, threaded: bool
) -> tuple[pa.Table, list[tuple[int, str]]]:
    """Parse the CSV body as text columns; rows with too few or too many fields are set aside with their
    1-based data row number (the header is not counted) instead of refusing the file."""
    malformed: list[tuple[int, str]] = []

    def set_aside(row: pacsv.InvalidRow) -> str:
        # row.number counts the file's lines from 1, header included; None when read in parallel
        malformed.append((row.number - 1 if row.number is not None else 0, row.text))
        return "skip"

    try:
        table = pacsv.read_csv(
            io.BytesIO(body),
            read_options=pacsv.ReadOptions(column_names=header, skip_rows=1, use_threads=threaded),
            parse_options=pacsv.ParseOptions(invalid_row_handler=set_aside),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(header, pa.string()),
                null_values=[""],
                strings_can_be_null=True,
            ),
        )
    except pa.ArrowInvalid as error:
        # pyarrow lands here for invalid UTF-8 in the body; its message quotes the bytes, so it is not shown
        raise DeliveryFormatError(
            f"数据集 {spec.name} 的 CSV 文件无法解析：须为 UTF-8 编码、带表头的 CSV（文件中有非 UTF-8 字符"
            "或不成对的引号）",
            dataset=spec.name,
        ) from error
    return table, malformed


def _with_optional_columns(table: pa.Table, spec: Dataset) -> pa.Table:
    """Add the optional columns a delivery left out, empty (their default applies at validation)."""
    for column in spec.columns:
        if column.optional and column.name not in table.column_names:
            table = table.append_column(column.name, pa.nulls(table.num_rows, pa.string()))
    return table.select([c.name for c in spec.columns])


def _with_malformed(
    rejected: pa.Table, malformed: tuple[tuple[int, str], ...], spec: Dataset, delivery_id: str
) -> pa.Table:
    """Rejected rows plus the rows that could not be split into columns, in row order."""
    if not malformed:
        return rejected
    width = len(spec.columns)
    extra = pa.table(
        {
            "dataset": [spec.name] * len(malformed),
            "delivery_id": [delivery_id] * len(malformed),
            "row_number": [number for number, _ in malformed],
            "reason": [
                f"列数不符：应为 {width} 列，实际为 {len(next(csv.reader([text]), []))} 列"
                for _, text in malformed
            ],
            "raw_values": [json.dumps({"line": text}, ensure_ascii=False) for _, text in malformed],
        },
        schema=REJECTED_ROWS_SCHEMA,
    )
    combined = pa.concat_tables([rejected, extra])
    return combined.take(pc.sort_indices(combined, [("row_number", "ascending")]))


def check_columns(columns: list[str], spec: Dataset) -> None:
    """缺列或多列 → DeliverySchemaError naming every offending column."""
    expected = [c.name for c in spec.columns]
    missing = [c.name for c in spec.columns if c.name not in columns and not c.optional]
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
        if column.name not in schema.names:
            continue  # an optional column left out
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


def validate_rows(
    table: pa.Table,
    spec: Dataset,
    delivery_id: str,
    *,
    as_of: dt.date,
    row_numbers: pa.Array | None = None,
) -> tuple[pa.Table, pa.Table, list[str]]:
    """Split ``table`` into accepted rows (storage types) and rejected rows (row number + Chinese reason).

    ``as_of`` is the delivery's extract date: a row dated after it (a death in 2099, next year's statement)
    is rejected. ``row_numbers`` are the rows' 1-based data row numbers (default: 1, 2, …)."""
    ids = pc.unique(pc.utf8_trim_whitespace(table["id_number"].cast(pa.string()))).to_pylist()
    problems, unknown_address = id_number_problems(ids)
    bad_ids = pa.table(
        {
            "raw_id": pa.array(list(problems), pa.string()),
            "problem": pa.array(list(problems.values()), pa.string()),
        }
    )
    if row_numbers is None:
        row_numbers = pa.array(range(1, table.num_rows + 1), pa.int64())
    numbered = table.append_column("_row", row_numbers)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    try:
        con.register("delivery", numbered)
        con.register("bad_ids", bad_ids)
        con.execute(f"CREATE TEMP TABLE checked AS {_checked_sql(spec, as_of)}")
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


def _checked_sql(spec: Dataset, as_of: dt.date) -> str:
    texts = ", ".join(f'{_text(c)} AS "{c.name}"' for c in spec.columns)
    checks = ", ".join(row_problem_sql(c, f'"{c.name}"', as_of) for c in spec.columns)
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
