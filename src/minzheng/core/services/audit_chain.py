"""Proving the audit log unbroken: walk the hash chain (``core.audit_chain``) and report the first break."""

from dataclasses import dataclass

from ..audit_chain import FIELDS, GENESIS, row_digest
from ..models import AuditChainHead, AuditEvent


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_id: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_id is None


def verify_chain(*, chunk_size: int = 5000, using: str = "default") -> ChainReport:
    """Recompute every row's hash in id order; the first row that does not follow from its predecessor
    (changed, replaced, inserted out of band, or following a removed row) is reported. The chain head must
    name the last row, so removing rows at the end is found too. ``using`` names another connection (a restored
    copy being checked before it goes live)."""
    previous, last_id, checked = GENESIS, 0, 0
    rows = AuditEvent.objects.using(using).order_by("id").values(*FIELDS, "prev_hash", "row_hash")
    for row in rows.iterator(chunk_size=chunk_size):
        if row["prev_hash"] != previous:
            return ChainReport(checked, row["id"], "前一条哈希不符（此前的记录被删除、替换或插入）")
        if row_digest(previous, row) != row["row_hash"]:
            return ChainReport(checked, row["id"], "本条内容与其哈希不符（记录被修改或替换）")
        previous, last_id, checked = row["row_hash"], row["id"], checked + 1
    head = AuditChainHead.objects.using(using).filter(pk=1).first()
    if checked and (head is None or (head.last_id, head.last_hash) != (last_id, previous)):
        return ChainReport(checked, last_id, "链尾与最后一条记录不符（末尾的记录被删除）")
    return ChainReport(checked)
