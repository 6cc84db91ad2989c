"""接收部门数据: a file uploaded by an administrator, or a table of a department database named in the
installation's configuration, validated by the batch engine and stored."""

import datetime as dt
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import Http404

from minzheng.batch.errors import BatchError
from minzheng.batch.intake import DeliveryReceipt, intake_database_table, intake_delivery
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import Sheet, write_workbook

from ..errors import VerificationError
from .store import exchange_store


def receive_delivery(
    actor, *, data: bytes, file_name: str, dataset: str, as_of: dt.date, source: str = "default"
) -> DeliveryReceipt:
    """Validate and store one department file; the same bytes again are recognised and change nothing."""
    require(actor, Capability.MANAGE_EXCHANGE)
    suffix = Path(file_name).suffix.lower()
    if suffix not in {".csv", ".parquet"}:
        raise VerificationError("部门数据文件应为 .csv（UTF-8，带表头）或 .parquet 格式", field="file")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(file_name).name
        path.write_bytes(data)
        try:
            receipt = intake_delivery(
                path, dataset, as_of, store=exchange_store(), source=source or "default"
            )
        except BatchError as exc:
            raise VerificationError(exc.message, field=getattr(exc, "column", None) or "file") from exc
    _audit(actor, receipt, dataset, as_of)
    return receipt


def database_connections() -> list[str]:
    """Names of the configured department databases (their URLs stay in the configuration)."""
    return sorted(settings.EXCHANGE_DATABASES)


def connection_names(actor) -> list[str]:
    """The configured connection names, for an administrator choosing where to take a table from."""
    require(actor, Capability.MANAGE_EXCHANGE)
    return database_connections()


def receive_table(
    actor, *, connection: str, table: str, dataset: str, as_of: dt.date, source: str = "default"
) -> DeliveryReceipt:
    """Take in a department dataset from a table or view of a configured database: the same checks, rejected
    rows, as_of versioning and no-op on identical content as a file."""
    require(actor, Capability.MANAGE_EXCHANGE)
    url = settings.EXCHANGE_DATABASES.get(connection)
    if not url:
        raise VerificationError(f"未配置的数据库连接：{connection}", field="connection")
    try:
        receipt = intake_database_table(
            url,
            table.strip(),
            dataset,
            as_of,
            store=exchange_store(),
            source=source or "default",
            connection_name=connection,
        )
    except BatchError as exc:
        raise VerificationError(exc.message, field=getattr(exc, "column", None) or "table") from exc
    _audit(actor, receipt, dataset, as_of)
    return receipt


def _audit(actor, receipt: DeliveryReceipt, dataset: str, as_of: dt.date) -> None:
    record_event(
        actor,
        AuditEvent.IMPORT,
        object_type="exchange_delivery",
        object_id=receipt.delivery_id,
        summary=f"接收部门数据 {dataset}（{receipt.original_name}，{as_of:%Y-%m-%d}）：{receipt.rows_accepted}行接收，"
        f"{receipt.rows_rejected}行拒收" + ("（重复交付，未变更）" if receipt.duplicate else ""),
    )


def rejected_rows_report(actor, delivery_id: str) -> tuple[DeliveryReceipt, bytes]:
    """拒收明细 (.xlsx) of one delivery: row number, every reason, the row as delivered."""
    require(actor, Capability.MANAGE_EXCHANGE)
    receipt = exchange_store().find(delivery_id)
    if receipt is None:
        raise Http404("交付不存在")
    rows = exchange_store().rejected_rows_of(receipt).to_pylist()
    content = write_workbook(
        [
            Sheet(
                "拒收明细",
                ["行号", "拒收原因", "原始数据"],
                ([r["row_number"], r["reason"], r["raw_values"]] for r in rows),
                column_widths=(8, 80, 120),
                notes=[
                    f"{receipt.dataset}（{receipt.source}，截止 {receipt.as_of:%Y-%m-%d}，{receipt.original_name}）："
                    f"共{receipt.rows_total}行，拒收{receipt.rows_rejected}行"
                ],
            )
        ]
    )
    record_event(
        actor,
        AuditEvent.EXPORT,
        object_type="exchange_delivery",
        object_id=receipt.delivery_id,
        summary=f"下载部门数据拒收明细 {receipt.dataset}（{receipt.rows_rejected}行）",
    )
    return receipt, content
