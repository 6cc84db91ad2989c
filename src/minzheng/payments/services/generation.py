"""Generating a month's roster: the entitlements of the month, pending reissues and retroactive 补发/扣发,
written set-based in ONE transaction.

Crash-safe and idempotent: the old draft lines are deleted and the new ones inserted (COPY on PostgreSQL)
inside the same transaction, so a crash half-way leaves the roster as it was; a re-run replaces, never adds.
Whatever happens above, the partial unique indexes refuse a second regular line for an enrolment and month
or a second reissue of a failed line. Only drafts (草稿, or 退回) are generated — an approved roster is
final and later changes become adjustment lines of a later month (``rules.adjustments``).
"""

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from minzheng.assistance.rules.months import add_months, month_start
from minzheng.assistance.selectors.entitlements import Entitlement, entitlements_for_month
from minzheng.assistance.selectors.payable_amounts import payable_amounts
from minzheng.assistance.selectors.programs import program_list
from minzheng.core.bulk import insert_rows
from minzheng.core.jurisdiction import covers, division_level, division_prefix, full_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import division_name
from minzheng.core.services.audit import record_event

from ..errors import PayrollError, RosterConflict, RosterLocked
from ..models import FollowUp, LineKind, PaymentStatus, PayrollLine, PayrollRoster, RosterStatus
from ..rules.adjustments import Adjustment, retroactive_adjustments

# How far back a change recorded after approval is still settled automatically as 补发/扣发. Older
# back-dated changes are rare and need a person's decision (追回 outside the bank file, or a manual case).
RETROACTIVE_MONTHS = 12

LINE_FIELDS = [
    "roster", "seq", "kind", "month", "for_month", "enrolment_id", "household", "household_number",
    "division_code", "township_code", "payee_name", "payee_id_number", "bank_name", "bank_account",
    "persons", "amount", "adjusts_line", "note", "payment_status", "failure_reason", "follow_up",
    "follow_up_note",
]  # fmt: skip
_KIND_ORDER = {LineKind.REGULAR: 0, LineKind.REISSUE: 1, LineKind.ARREARS: 2, LineKind.DEDUCTION: 3}


@dataclass(frozen=True)
class Snapshot:
    """Who is paid and where: from this month's entitlement, or from the last line booked if none."""

    household_id: int
    household_number: str
    division_code: str
    payee_name: str
    payee_id_number: str
    bank_name: str
    bank_account: str
    persons: int


@dataclass(frozen=True)
class Draft:
    kind: str
    for_month: date
    enrolment_id: int
    who: Snapshot
    amount: Decimal
    adjusts_line_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class GenerationResult:
    roster: PayrollRoster
    skipped_elsewhere: int  # enrolments already paid this month by another roster (e.g. moved township)


def _snapshot(e: Entitlement) -> Snapshot:
    return Snapshot(
        e.household_id, e.household_number, e.division_code, e.payee_name, e.payee_id_number,
        e.bank_name, e.bank_account, e.persons,
    )  # fmt: skip


def overlapping(prefix: str) -> Q:
    """Rosters whose division is this one, inside it, or above it (a county over its townships)."""
    ancestors = [full_code(prefix[:n]) for n in (6, 9) if n < len(prefix)]
    return Q(division_code__startswith=prefix) | Q(division_code__in=ancestors)


def check_roster_scope(user, program_code: str, division_code: str) -> tuple[str, str]:
    """(program name, 12-digit division code) — or a Chinese error naming the field."""
    code = full_code(division_prefix(division_code)) if division_code else ""
    if division_level(code) not in (3, 4):
        raise PayrollError("发放区划须为县（市、区）或乡镇（街道）", field="division_code")
    if not covers(user.division_code, code):
        raise PayrollError("发放区划不在您的管辖范围内", field="division_code")
    program = program_list(user).filter(code=program_code, enabled=True).first()
    if program is None:
        raise PayrollError("请选择有效且已启用的救助项目", field="program_code")
    return program.name, code


def generate_roster(user, *, program_code: str, division_code: str, month: date) -> GenerationResult:
    """Create or regenerate the draft roster of ``program_code`` in ``division_code`` for ``month``."""
    require(user, Capability.PREPARE_PAYROLL)
    program_name, code = check_roster_scope(user, program_code, division_code)
    month = month_start(month)
    prefix = division_prefix(code)
    with transaction.atomic():
        conflict = (
            PayrollRoster.objects.filter(program_code=program_code, month=month)
            .filter(overlapping(prefix))
            .exclude(division_code=code)
            .first()
        )
        if conflict is not None:
            raise RosterConflict(
                f"{division_name(conflict.division_code)}已有{month:%Y年%m月}{program_name}花名册，"
                "同一项目同一月份不能在上下级区划重复生成",
                field="division_code",
            )
        roster, _ = PayrollRoster.objects.get_or_create(
            program_code=program_code,
            division_code=code,
            month=month,
            defaults={"program_name": program_name},
        )
        roster = PayrollRoster.objects.select_for_update().get(pk=roster.pk)
        if roster.status != RosterStatus.DRAFT:
            raise RosterLocked(
                f"花名册状态为“{roster.get_status_display()}”，不能重新生成（退回后方可重新生成）"
            )
        roster.lines.all().delete()
        drafts, skipped = _draft_lines(roster, prefix)
        insert_rows(PayrollLine, LINE_FIELDS, _rows(roster, drafts))
        _store_totals(roster, user)
        record_event(
            user,
            AuditEvent.UPDATE if roster.generation > 1 else AuditEvent.CREATE,
            object_type="payroll_roster",
            object_id=roster.pk,
            division_code=roster.division_code,
            summary=(
                f"生成{roster}（第{roster.generation}次）：{roster.line_count}条，{roster.household_count}户，"
                f"{roster.person_count}人，{roster.total_amount}元"
            ),
            after={
                "lines": roster.line_count,
                "total": str(roster.total_amount),
                "skipped_elsewhere": skipped,
            },
        )
    return GenerationResult(roster, skipped)


def _draft_lines(roster: PayrollRoster, prefix: str) -> tuple[Iterable[tuple], int]:
    """Rows in roster order (division, household, regular before adjustments). The regular rows are built
    straight from the entitlements as tuples — no object per household on the hot path."""
    month = roster.month
    paid_elsewhere = set(
        PayrollLine.objects.filter(
            kind=LineKind.REGULAR, month=month, roster__program_code=roster.program_code
        ).values_list("enrolment_id", flat=True)
    )
    regular: list[tuple] = []
    current: dict[int, Entitlement] = {}
    skipped = 0
    for e in entitlements_for_month(
        month, program_code=roster.program_code, division_code=roster.division_code
    ):
        current[e.enrolment_id] = e
        if e.enrolment_id in paid_elsewhere:
            skipped += 1
            continue
        regular.append(
            (e.division_code, e.household_number, 0, month, e.enrolment_id, e.household_id, e.payee_name,
             e.payee_id_number, e.bank_name, e.bank_account, e.persons, e.monthly_amount, LineKind.REGULAR, None, "")
        )  # fmt: skip

    def snapshots(enrolment_id: int) -> Snapshot | None:
        e = current.get(enrolment_id)
        return _snapshot(e) if e is not None else None

    adjustments = [
        *_reissues(roster, prefix, snapshots),
        *_retroactive(roster, prefix, snapshots, set(current)),
    ]
    extra = sorted(_draft_row(d) for d in adjustments)
    return heapq.merge(regular, extra, key=lambda row: row[:4]), skipped


def _draft_row(d: Draft) -> tuple:
    w = d.who
    return (
        w.division_code, w.household_number, _KIND_ORDER[d.kind], d.for_month, d.enrolment_id, w.household_id,
        w.payee_name, w.payee_id_number, w.bank_name, w.bank_account, w.persons, d.amount, d.kind,
        d.adjusts_line_id, d.note,
    )  # fmt: skip


def _line_snapshot(line: PayrollLine) -> Snapshot:
    return Snapshot(
        line.household_id, line.household_number, line.division_code, line.payee_name,
        line.payee_id_number, line.bank_name, line.bank_account, line.persons,
    )  # fmt: skip


def _reissues(roster: PayrollRoster, prefix: str, current) -> Iterable[Draft]:
    """Failed payments the caseworker chose to reissue (待补发), not yet reissued by another roster.
    Paid to the account in force now when the household is still enrolled (the old one may have failed)."""
    failed = (
        PayrollLine.objects.filter(
            follow_up=FollowUp.REISSUE,
            roster__program_code=roster.program_code,
            roster__month__lt=roster.month,
            division_code__startswith=prefix,
        )
        .exclude(pk__in=PayrollLine.objects.filter(kind=LineKind.REISSUE).values("adjusts_line"))
        .order_by("pk")
    )
    for line in failed:
        who = current(line.enrolment_id) or _line_snapshot(line)
        note = f"补发{line.for_month:%Y年%m月}发放失败（{line.failure_reason}）"
        yield Draft(
            LineKind.REISSUE, line.for_month, line.enrolment_id, who, line.amount, line.pk, note[:200]
        )


def _retroactive(roster: PayrollRoster, prefix: str, current, in_force: set[int]) -> list[Draft]:
    earliest = add_months(roster.month, -RETROACTIVE_MONTHS)
    months = sorted(
        set(
            PayrollRoster.objects.filter(
                program_code=roster.program_code,
                status__in=[RosterStatus.APPROVED, RosterStatus.SETTLED],
                month__lt=roster.month,
                month__gte=earliest,
            )
            .filter(overlapping(prefix))
            .values_list("month", flat=True)
        )
    )
    adjustments: list[Adjustment] = []
    for month in months:
        lines = PayrollLine.objects.filter(
            roster__program_code=roster.program_code, for_month=month, division_code__startswith=prefix
        ).exclude(roster=roster)
        booked = dict(
            lines.exclude(payment_status=PaymentStatus.FAILED)
            .values("enrolment_id")
            .annotate(total=Sum("amount"))
            .values_list("enrolment_id", "total")
        )
        failed = frozenset(
            lines.filter(payment_status=PaymentStatus.FAILED).values_list("enrolment_id", flat=True)
        )
        entitled = payable_amounts(
            month, program_code=roster.program_code, division_code=roster.division_code
        )
        adjustments.extend(retroactive_adjustments(month, entitled, booked, failed))
    missing = {a.enrolment_id for a in adjustments} - in_force
    last_line = {}
    for line in PayrollLine.objects.filter(kind=LineKind.REGULAR, enrolment_id__in=missing).order_by("pk"):
        last_line[line.enrolment_id] = _line_snapshot(line)
    drafts = []
    for a in adjustments:
        who = current(a.enrolment_id) or last_line.get(a.enrolment_id)
        if who is None:  # entitled in a past month yet never paid nor in force now: not this roster's
            continue
        label = "补发" if a.amount > 0 else "扣发"
        drafts.append(
            Draft(
                a.kind,
                a.for_month,
                a.enrolment_id,
                who,
                a.amount,
                None,
                f"{label}{a.for_month:%Y年%m月}差额（追溯调整）",
            )
        )
    return drafts


def _rows(roster: PayrollRoster, rows: Iterable[tuple]):
    month, pending = roster.month, PaymentStatus.PENDING
    for seq, r in enumerate(rows, start=1):
        division = r[0]
        yield (
            roster.pk, seq, r[12], month, r[3], r[4], r[5], r[1], division, full_code(division[:9]), r[6], r[7],
            r[8], r[9], r[10], r[11], r[13], r[14], pending, "", "", "",
        )  # fmt: skip


def _store_totals(roster: PayrollRoster, user) -> None:
    totals = roster.lines.aggregate(
        lines=Count("pk"),
        households=Count("household", distinct=True),
        persons=Sum("persons", filter=Q(kind=LineKind.REGULAR)),
        amount=Sum("amount"),
    )
    roster.line_count = totals["lines"] or 0
    roster.household_count = totals["households"] or 0
    roster.person_count = totals["persons"] or 0
    roster.total_amount = Decimal(totals["amount"] or 0).quantize(Decimal("0.01"))
    roster.generation += 1
    roster.generated_by = user
    roster.generated_at = timezone.now()
    roster.returned_reason = ""
    roster.save()
