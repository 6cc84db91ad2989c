"""接收部门数据: a delivery uploaded by an administrator is validated by the batch engine and stored."""

import datetime as dt
import tempfile
from pathlib import Path

from minzheng.batch import BatchError, DeliveryReceipt, intake_delivery
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event

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
    record_event(
        actor,
        AuditEvent.IMPORT,
        object_type="exchange_delivery",
        object_id=receipt.delivery_id,
        summary=f"接收部门数据 {dataset}（{as_of:%Y-%m-%d}）：{receipt.rows_accepted}行接收，{receipt.rows_rejected}行拒收"
        + ("（重复交付，未变更）" if receipt.duplicate else ""),
    )
    return receipt
