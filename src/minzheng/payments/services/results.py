"""银行回盘 import: the bank's results (.xlsx or .csv) matched to the roster's transfers, applied atomically.

Any bad row refuses the whole file with a Chinese list of rows and problems. The same file again is
recognised by its hash and changes nothing; another file restating the same results leaves the same state.
Failed payments enter the follow-up queue (待处理); a payment already reissued or closed is not reopened.
"""

import csv
import hashlib
import io
from dataclasses import dataclass

from django.db import transaction

from minzheng.core.errors import ImportRejected
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.core.spreadsheets import XLSX_MAGIC, read_first_sheet

from ..errors import PayrollError
from ..models import BankResultImport, FollowUp, PaymentStatus, PayrollRoster, RosterStatus
from ..rules.bank_results import Transfer, match_results
from ..selectors import roster_payments

_CHUNK = 500
_DECIDED = [FollowUp.REISSUE, FollowUp.REISSUED, FollowUp.RESOLVED]


@dataclass(frozen=True)
class ResultSummary:
    rows: int
    paid: int
    failed: int
    duplicate: bool
    pending: int  # transfers still without a result


def read_rows(data: bytes, encoding: str = "gbk") -> list[list]:
    if data.startswith(XLSX_MAGIC):
        return read_first_sheet(data)
    if not data:
        raise ImportRejected("上传的文件是空文件")
    for candidate in ("utf-8-sig", encoding, "gb18030"):
        try:
            text = data.decode(candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        raise ImportRejected("无法识别文件编码，请上传 .xlsx，或 UTF-8 / GBK 编码的 .csv 文件")
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",\t;|") if "," not in text[:2048] else csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def import_results(
    user,
    roster: PayrollRoster,
    *,
    data: bytes,
    file_name: str,
    amount_unit: str = "yuan",
    encoding: str = "gbk",
) -> ResultSummary:
    require(user, Capability.PREPARE_PAYROLL)
    if not roster.is_locked:
        raise PayrollError("花名册审核通过并导出代发文件后才能导入银行回盘")
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        roster = PayrollRoster.objects.select_for_update().get(pk=roster.pk)
        if BankResultImport.objects.filter(roster=roster, file_sha256=digest).exists():
            return ResultSummary(0, 0, 0, True, _pending(roster))
        rows = read_rows(data, encoding)
        payable, _ = roster_payments(roster)
        transfers = [
            Transfer((p.enrolment_id, p.bank_account), p.bank_account, p.amount, p.payee_name)
            for p in payable
        ]
        results, errors = match_results(rows, transfers, amount_unit)
        errors.extend(_reopen_errors(roster, results))
        if errors:
            errors.sort(key=lambda e: e["row"] or 0)
            raise ImportRejected(
                f"回盘文件有{len(errors)}处错误，未导入任何结果，请修改后重新上传", errors=errors
            )
        for paid in (True, False):
            _apply(roster, [r for r in results if r.paid == paid], paid)
        paid_count = sum(1 for r in results if r.paid)
        BankResultImport.objects.create(
            roster=roster, file_name=file_name[:200], file_sha256=digest, rows=len(results),
            paid=paid_count, failed=len(results) - paid_count, imported_by=user,
        )  # fmt: skip
        pending = _pending(roster)
        if pending == 0 and roster.status == RosterStatus.APPROVED:
            roster.status = RosterStatus.SETTLED
            roster.save(update_fields=["status"])
        record_event(
            user,
            AuditEvent.IMPORT,
            object_type="payroll_roster",
            object_id=roster.pk,
            division_code=roster.division_code,
            summary=f"导入银行回盘 {file_name}：{roster}，成功{paid_count}笔，失败{len(results) - paid_count}笔，未回盘{pending}笔",
        )
    return ResultSummary(len(results), paid_count, len(results) - paid_count, False, pending)


def _reopen_errors(roster: PayrollRoster, results) -> list[dict]:
    """A failure already reissued or closed by a person is never silently turned into something else."""
    settled = set(roster.lines.filter(follow_up__in=_DECIDED).values_list("enrolment_id", "bank_account"))
    return [
        {"row": r.row, "column": "状态", "message": "该笔发放失败已转补发或已办结，不能再改为成功"}
        for r in results
        if r.paid and r.key in settled
    ]


def _apply(roster: PayrollRoster, results, paid: bool) -> None:
    # Transfers are keyed by (enrolment, account); an enrolment has one account per roster in practice,
    # so filtering both columns by IN lists stays exact and keeps the statement small on SQLite too.
    by_reason: dict[str, list] = {}
    for r in results:
        by_reason.setdefault("" if paid else r.reason, []).append(r.key)
    for reason, keys in by_reason.items():
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            lines = roster.lines.filter(
                enrolment_id__in=[k[0] for k in chunk], bank_account__in={k[1] for k in chunk}
            ).exclude(follow_up__in=_DECIDED)
            if paid:
                lines.update(payment_status=PaymentStatus.PAID, failure_reason="", follow_up=FollowUp.NONE)
            else:
                lines.update(
                    payment_status=PaymentStatus.FAILED, failure_reason=reason, follow_up=FollowUp.OPEN
                )


def _pending(roster: PayrollRoster) -> int:
    """Payable transfers still without a result."""
    waiting = set(
        roster.lines.filter(payment_status=PaymentStatus.PENDING).values_list("enrolment_id", "bank_account")
    )
    payable, _ = roster_payments(roster)
    return sum(1 for p in payable if (p.enrolment_id, p.bank_account) in waiting)
