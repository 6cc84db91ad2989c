"""The maker-checker every payable list of 殡葬 shares (惠民殡葬结算, 节地生态安葬奖补): 提交 by a preparer, 审核 by
an approver who did not prepare it, 退回 with a reason, .xlsx export audited — like a payroll roster. Each list
kind keeps its own 制表 (what goes on it); the moves between states live here once."""

from dataclasses import dataclass

from django.utils import timezone

from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.spreadsheets import Sheet, write_workbook

from ..errors import FuneralConflict, InvalidFuneralInput
from ..models import PayableList, SettlementStatus
from .common import audit, check_in_jurisdiction

STATE_FIELDS = ["status", "prepared_by", "approved_by", "return_note"]


@dataclass(frozen=True)
class ListKind:
    """What a payable list is called and which of its fields the audit keeps."""

    label: str  # 惠民殡葬结算 / 节地生态安葬奖补
    count_field: str  # orders_count / awards_count
    fields: tuple[str, ...]


def _locked(row: PayableList) -> PayableList:
    return type(row).objects.select_for_update().get(pk=row.pk)


def submit(actor, row: PayableList, kind: ListKind) -> PayableList:
    require(actor, Capability.PREPARE_PAYROLL)
    check_in_jurisdiction(actor, row.division_code)
    row = _locked(row)
    if row.status != SettlementStatus.DRAFT:
        raise FuneralConflict(f"只有待提交的{kind.label}可以提交审核")
    if not getattr(row, kind.count_field):
        raise InvalidFuneralInput(f"{kind.label}没有明细，不能提交", field="month")
    row.status, row.return_note = SettlementStatus.SUBMITTED, ""
    row.save(update_fields=["status", "return_note"])
    audit(actor, AuditEvent.UPDATE, row, f"提交{kind.label} {row.month:%Y-%m}", [*kind.fields, *STATE_FIELDS])
    return row


def approve(actor, row: PayableList, kind: ListKind) -> PayableList:
    """审核: never by the person who prepared it."""
    require(actor, Capability.APPROVE_PAYROLL)
    check_in_jurisdiction(actor, row.division_code)
    row = _locked(row)
    if row.status != SettlementStatus.SUBMITTED:
        raise FuneralConflict(f"只有待审核的{kind.label}可以审核")
    if row.prepared_by_id == actor.pk:
        raise FuneralConflict(f"制表人不能审核自己制作的{kind.label}")
    row.status, row.approved_by, row.approved_at = SettlementStatus.APPROVED, actor, timezone.now()
    row.save(update_fields=["status", "approved_by", "approved_at"])
    audit(
        actor, AuditEvent.UPDATE, row, f"审核通过{kind.label} {row.month:%Y-%m}：{row.total}元",
        [*kind.fields, *STATE_FIELDS],
    )  # fmt: skip
    return row


def send_back(actor, row: PayableList, kind: ListKind, *, reason: str) -> PayableList:
    require(actor, Capability.APPROVE_PAYROLL)
    check_in_jurisdiction(actor, row.division_code)
    row = _locked(row)
    if row.status != SettlementStatus.SUBMITTED:
        raise FuneralConflict(f"只有待审核的{kind.label}可以退回")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidFuneralInput("请填写退回意见", field="reason")
    row.status, row.return_note = SettlementStatus.DRAFT, reason[:200]
    row.save(update_fields=["status", "return_note"])
    audit(
        actor, AuditEvent.UPDATE, row, f"退回{kind.label} {row.month:%Y-%m}：{reason}",
        [*kind.fields, *STATE_FIELDS],
    )  # fmt: skip
    return row


def export(actor, row: PayableList, kind: ListKind, sheet: Sheet) -> bytes:
    """The list as .xlsx (names only, no ID numbers), audited as an export."""
    require(actor, Capability.EXPORT)
    check_in_jurisdiction(actor, row.division_code)
    content = write_workbook([sheet])
    audit(
        actor, AuditEvent.EXPORT, row,
        f"导出{kind.label} {row.month:%Y-%m}（{getattr(row, kind.count_field)}条）", [*kind.fields, *STATE_FIELDS],
    )  # fmt: skip
    return content
