"""Reads of 资金发放, each scoped to the user's jurisdiction (another region's roster or line is a 404)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Max, Min, Q, QuerySet, Sum

from minzheng.assistance.interface import payable_amounts
from minzheng.core.jurisdiction import get_in_jurisdiction_or_404, scope
from minzheng.core.selectors.divisions import names_of

from .models import LOCKED_STATUSES, BankFormat, FollowUp, LineKind, PaymentStatus, PayrollLine, PayrollRoster
from .rules.bank_files import Payment, bank_matches, keywords


@dataclass(frozen=True)
class RosterFilter:
    month: date | None = None
    program_code: str = ""
    status: str = ""


def roster_list(user, filters: RosterFilter = RosterFilter()) -> QuerySet[PayrollRoster]:
    rosters = scope(
        PayrollRoster.objects.select_related("generated_by", "approved_by"), user, "division_code"
    )
    if filters.month:
        rosters = rosters.filter(month=filters.month.replace(day=1))
    if filters.program_code:
        rosters = rosters.filter(program_code=filters.program_code)
    if filters.status:
        rosters = rosters.filter(status=filters.status)
    return rosters


def roster_detail(user, pk: int) -> PayrollRoster:
    return get_in_jurisdiction_or_404(
        PayrollRoster.objects.select_related("generated_by", "approved_by"), user, "division_code", pk=pk
    )


def roster_lines(
    roster: PayrollRoster, *, status: str = "", kind: str = "", q: str = ""
) -> QuerySet[PayrollLine]:
    lines = roster.lines.order_by("seq")
    if status:
        lines = lines.filter(payment_status=status)
    if kind:
        lines = lines.filter(kind=kind)
    if q:
        lines = lines.filter(Q(payee_name__contains=q) | Q(household_number=q) | Q(bank_account=q))
    return lines


@dataclass(frozen=True)
class Subtotal:
    township_code: str
    township_name: str
    lines: int
    households: int
    persons: int
    amount: Decimal


def township_subtotals(roster: PayrollRoster) -> list[Subtotal]:
    """乡镇（街道）小计, in code order — one query plus one for the names."""
    rows = list(
        roster.lines.values("township_code")
        .annotate(
            n=Count("pk"),
            households=Count("household", distinct=True),
            persons=Sum("persons", filter=Q(kind=LineKind.REGULAR)),
            amount=Sum("amount"),
        )
        .order_by("township_code")
    )
    names = names_of({r["township_code"] for r in rows})
    return [
        Subtotal(
            r["township_code"],
            names.get(r["township_code"], r["township_code"]),
            r["n"],
            r["households"],
            r["persons"] or 0,
            Decimal(r["amount"] or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP),
        )
        for r in rows
    ]


def roster_payments(roster: PayrollRoster, bank_keywords: str = "") -> tuple[list[Payment], list[Payment]]:
    """The transfers of a roster — one per payee and account, net of adjustments — as (payable, not payable).

    Not payable: net amount ≤ 0 (a 扣发 larger than the month's payment is recovered outside the bank file).
    ``bank_keywords`` keeps only the transfers to that bank (one file per bank).
    """
    rows = (
        roster.lines.values(
            "enrolment_id", "household_number", "division_code", "township_code", "payee_name",
            "payee_id_number", "bank_name", "bank_account",
        )
        .annotate(amount=Sum("amount"), persons=Max("persons"), first_seq=Min("seq"))
        .order_by("first_seq")
    )  # fmt: skip
    wanted = keywords(bank_keywords)
    rows = [r for r in rows if bank_matches(r["bank_name"], wanted)]
    names = names_of({r["division_code"] for r in rows} | {r["township_code"] for r in rows})
    payable, not_payable = [], []
    for r in rows:
        payment = Payment(
            seq=len(payable) + 1,
            enrolment_id=r["enrolment_id"],
            household_number=r["household_number"],
            division_code=r["division_code"],
            division_name=names.get(r["division_code"], ""),
            township_name=names.get(r["township_code"], ""),
            payee_name=r["payee_name"],
            payee_id_number=r["payee_id_number"],
            bank_name=r["bank_name"],
            bank_account=r["bank_account"],
            persons=r["persons"],
            amount=r["amount"],
        )
        (payable if payment.amount > 0 and payment.bank_account else not_payable).append(payment)
    return payable, not_payable


def bank_summary(roster: PayrollRoster) -> list[dict]:
    """Per 开户银行: transfers and amount, so the caseworker sees which bank files to send."""
    return list(
        roster.lines.values("bank_name")
        .annotate(households=Count("enrolment_id", distinct=True), amount=Sum("amount"))
        .order_by("bank_name")
    )


def roster_drift(roster: PayrollRoster) -> int:
    """Enrolments whose amount in force now differs from the roster (changed, stopped or added after it was
    generated) — shown to the approver; such a change after approval becomes a later month's 补发/扣发."""
    entitled = payable_amounts(
        roster.month, program_code=roster.program_code, division_code=roster.division_code
    )
    regular = dict(roster.lines.filter(kind=LineKind.REGULAR).values_list("enrolment_id", "amount"))
    elsewhere = set(
        PayrollLine.objects.filter(
            kind=LineKind.REGULAR, month=roster.month, roster__program_code=roster.program_code
        )
        .exclude(roster=roster)
        .values_list("enrolment_id", flat=True)
    )
    changed = sum(1 for pk, amount in regular.items() if entitled.get(pk) != amount)
    return changed + len(set(entitled) - set(regular) - elsewhere)


def follow_up_queue(user, state: str = FollowUp.OPEN) -> QuerySet[PayrollLine]:
    """发放失败待处理: failed payments in the jurisdiction, oldest first."""
    lines = scope(PayrollLine.objects.select_related("roster"), user, "division_code").filter(
        payment_status=PaymentStatus.FAILED
    )
    if state:
        lines = lines.filter(follow_up=state)
    return lines.order_by("roster__month", "pk")


def line_detail(user, pk: int) -> PayrollLine:
    return get_in_jurisdiction_or_404(
        PayrollLine.objects.select_related("roster"), user, "division_code", pk=pk
    )


def bank_formats(*, enabled_only: bool = True) -> QuerySet[BankFormat]:
    formats = BankFormat.objects.all()
    return formats.filter(enabled=True) if enabled_only else formats


def bank_format(code: str) -> BankFormat | None:
    return BankFormat.objects.filter(code=code, enabled=True).first()


def bank_format_by_pk(pk: int) -> BankFormat:
    """Bank formats are installation-wide configuration (not records of a region)."""
    from django.http import Http404

    found = BankFormat.objects.filter(pk=pk).first()
    if found is None:
        raise Http404("代发格式不存在")
    return found


# --- for other domains (payments.interface) -----------------------------------------------------------------


@dataclass(frozen=True)
class PaidLine:
    """One line of a locked roster as another domain sees it (资金项目监督): what was paid, to whom, for what."""

    line_id: int
    program_code: str
    program_name: str
    payer_division_code: str
    month: date
    for_month: date
    kind: str
    enrolment_id: int
    household_id: int
    household_number: str
    division_code: str
    township_code: str
    payee_name: str
    payee_id_number: str
    bank_account: str
    amount: Decimal
    payment_status: str


_PAID_FIELDS = (
    "pk", "roster__program_code", "roster__program_name", "roster__division_code", "month", "for_month",
    "kind", "enrolment_id", "household_id", "household_number", "division_code", "township_code",
    "payee_name", "payee_id_number", "bank_account", "amount", "payment_status",
)  # fmt: skip


def paid_lines(
    division_code: str,
    *,
    program_codes: tuple[str, ...] = (),
    month_from: date | None = None,
    month_to: date | None = None,
    regular_only: bool = False,
    exclude_line_ids: frozenset[int] = frozenset(),
):
    """Lines of approved (locked) rosters paid in ``division_code``'s area (its code prefix), optionally for
    some programs and months (inclusive), streamed as ``PaidLine``s in roster-month and line order. Failed
    payments are left out (they are not money spent until reissued)."""
    from minzheng.core.jurisdiction import division_prefix

    lines = PayrollLine.objects.filter(
        roster__status__in=sorted(LOCKED_STATUSES), division_code__startswith=division_prefix(division_code)
    ).exclude(payment_status=PaymentStatus.FAILED)
    if program_codes:
        lines = lines.filter(roster__program_code__in=program_codes)
    if month_from:
        lines = lines.filter(month__gte=month_from)
    if month_to:
        lines = lines.filter(month__lte=month_to)
    if regular_only:
        lines = lines.filter(kind=LineKind.REGULAR)
    for row in lines.order_by("month", "pk").values_list(*_PAID_FIELDS).iterator(chunk_size=5000):
        if row[0] not in exclude_line_ids:
            yield PaidLine(*row)
