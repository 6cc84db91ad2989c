"""Generating a month's roster: the entitlements of the month, pending reissues and retroactive 补发/扣发,
written set-based in ONE transaction.

The regular lines never pass through Python: one ``INSERT … SELECT`` over the assistance domain's
entitlement query (``assistance.selectors.payable_amounts.entitlement_rows``, the same rows as
``entitlements_for_month``), numbered by ``ROW_NUMBER()`` in division and household order. The few
adjustment lines follow (``core.bulk.insert_rows``: COPY on PostgreSQL), numbered after them.

Crash-safe and idempotent: the old draft lines are deleted and the new ones inserted
inside the same transaction, so a crash half-way leaves the roster as it was; a re-run replaces, never adds.
Whatever happens above, the partial unique indexes refuse a second regular line for an enrolment and month
or a second reissue of a failed line. Only drafts (草稿, or 退回) are generated — an approved roster is
final and later changes become adjustment lines of a later month (``rules.adjustments``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from minzheng.assistance.interface import entitlement_rows, payable_amounts, programs
from minzheng.core.bulk import insert_rows
from minzheng.core.jurisdiction import covers, division_level, division_prefix, full_code
from minzheng.core.models import AuditEvent
from minzheng.core.permissions import Capability, require
from minzheng.core.selectors.divisions import division_name
from minzheng.core.services.audit import record_event
from minzheng.policy.interface import add_months, month_start

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
    program = next((p for p in programs(user, enabled_only=True) if p.code == program_code), None)
    if program is None:
        raise PayrollError("请选择有效且已启用的救助项目", field="program_code")
    if not program.pays_money:
        # 低保边缘、支出型困难家庭: the status opens 专项救助, it carries no monthly money to pay.
        raise PayrollError(f"{program.name}仅认定身份、不按月发放资金，无需生成花名册", field="program_code")
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
        regular = _insert_regular_lines(roster)
        skipped = _paid_elsewhere(roster)
        snapshots = _Snapshots(roster)
        adjustments = [*_reissues(roster, prefix, snapshots), *_retroactive(roster, prefix, snapshots)]
        insert_rows(PayrollLine, LINE_FIELDS, _rows(roster, adjustments, first_seq=regular + 1))
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


def _insert_regular_lines(roster: PayrollRoster) -> int:
    """One statement: this month's entitlements not already paid this month by another roster."""
    rows = entitlement_rows(
        roster.month, program_code=roster.program_code, division_code=roster.division_code
    )
    source, source_params = rows.query.sql_with_params()
    table = connection.ops.quote_name(PayrollLine._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(PayrollLine._meta.get_field(f).column) for f in LINE_FIELDS)
    month = connection.ops.adapt_datefield_value(roster.month)
    sql = f"""
        INSERT INTO {table} ({columns})
        SELECT %s, ROW_NUMBER() OVER (ORDER BY e.e_division_code, e.e_household_number, e.e_enrolment_id),
               %s, %s, %s, e.e_enrolment_id, e.e_household_id, e.e_household_number, e.e_division_code,
               SUBSTR(e.e_division_code, 1, 9) || '000', e.e_payee_name, e.e_payee_id_number, e.e_bank_name,
               e.e_bank_account, e.e_persons, e.e_monthly_amount, NULL, '', %s, '', '', ''
        FROM ({source}) e
        WHERE e.e_monthly_amount > 0 AND NOT EXISTS (
            SELECT 1 FROM {table} paid
            WHERE paid.enrolment_id = e.e_enrolment_id AND paid.month = %s AND paid.kind = %s
        )"""
    params = [
        roster.pk, LineKind.REGULAR, month, month, PaymentStatus.PENDING, *source_params, month, LineKind.REGULAR,
    ]  # fmt: skip
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount
    except IntegrityError:
        # Only a roster generated at the same moment for an overlapping division gets here: the index held.
        raise RosterConflict("另一份花名册刚刚发放了其中部分家庭的本月救助金，请刷新后重试") from None


def _paid_elsewhere(roster: PayrollRoster) -> int:
    """Entitled households this roster left out because another roster already pays them this month (e.g. a
    household that moved township after that township's roster was made). Free when no other roster exists."""
    others = PayrollLine.objects.filter(
        kind=LineKind.REGULAR, month=roster.month, roster__program_code=roster.program_code
    ).exclude(roster=roster)
    if not others.exists():
        return 0
    entitled = entitlement_rows(
        roster.month, program_code=roster.program_code, division_code=roster.division_code
    )
    return others.filter(enrolment_id__in=entitled.values("e_enrolment_id")).count()


class _Snapshots:
    """Payee and account for an adjustment line: this roster's regular line if the household is paid this
    month (the account in force now), else its last regular line anywhere. Looked up only for the few
    enrolments that have adjustments."""

    def __init__(self, roster: PayrollRoster):
        self.roster = roster

    def __call__(self, enrolment_ids) -> dict[int, "Snapshot"]:
        ids = sorted(set(enrolment_ids))
        found: dict[int, tuple[Snapshot, int]] = {}
        for start in range(0, len(ids), 500):
            lines = PayrollLine.objects.filter(
                kind=LineKind.REGULAR, enrolment_id__in=ids[start : start + 500]
            )
            for line in lines.order_by("pk"):
                if found.get(line.enrolment_id, (None, None))[1] != self.roster.pk:
                    found[line.enrolment_id] = (_line_snapshot(line), line.roster_id)
        return {pk: snapshot for pk, (snapshot, _) in found.items()}


def _line_snapshot(line: PayrollLine) -> Snapshot:
    return Snapshot(
        line.household_id, line.household_number, line.division_code, line.payee_name,
        line.payee_id_number, line.bank_name, line.bank_account, line.persons,
    )  # fmt: skip


def _reissues(roster: PayrollRoster, prefix: str, snapshots: _Snapshots) -> list[Draft]:
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
    failed = list(failed)
    current = snapshots(line.enrolment_id for line in failed)
    drafts = []
    for line in failed:
        who = current.get(line.enrolment_id) or _line_snapshot(line)
        note = f"补发{line.for_month:%Y年%m月}发放失败（{line.failure_reason}）"
        drafts.append(
            Draft(LineKind.REISSUE, line.for_month, line.enrolment_id, who, line.amount, line.pk, note[:200])
        )
    return drafts


def _retroactive(roster: PayrollRoster, prefix: str, snapshots: _Snapshots) -> list[Draft]:
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
    current = snapshots(a.enrolment_id for a in adjustments)
    drafts = []
    for a in adjustments:
        who = current.get(a.enrolment_id)
        if who is None:  # entitled in a past month, never paid and not in force now: decided by a person
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


def _rows(roster: PayrollRoster, drafts: list[Draft], first_seq: int):
    """Adjustment lines, numbered after the regular ones, in division and household order."""
    drafts.sort(key=lambda d: (d.who.division_code, d.who.household_number, _KIND_ORDER[d.kind], d.for_month))
    for seq, d in enumerate(drafts, start=first_seq):
        w = d.who
        yield (
            roster.pk, seq, d.kind, roster.month, d.for_month, d.enrolment_id, w.household_id,
            w.household_number, w.division_code, full_code(w.division_code[:9]), w.payee_name,
            w.payee_id_number, w.bank_name, w.bank_account, w.persons, d.amount, d.adjusts_line_id, d.note,
            PaymentStatus.PENDING, "", "", "",
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
    roster.total_amount = Decimal(totals["amount"] or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    roster.generation += 1
    roster.generated_by = user
    roster.generated_at = timezone.now()
    roster.returned_reason = ""
    roster.save()
