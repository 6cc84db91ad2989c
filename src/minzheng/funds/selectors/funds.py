"""Reads of 资金项目监督, scoped to the user's jurisdiction (another region's fund or finding is a 404)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, QuerySet, Sum

from minzheng.core.jurisdiction import get_in_jurisdiction_or_404, scope
from minzheng.core.permissions import Capability, require

from ..models import Allocation, Disbursement, Finding, FindingStatus, Fund
from ..rules.ledger import MonthExecution, execution_rate, monthly_execution

ZERO = Decimal("0.00")


def fund_list(user, *, year: int | None = None) -> QuerySet[Fund]:
    require(user, Capability.VIEW_REGISTRY)
    funds = scope(Fund.objects.all(), user, "division_code")
    if year:
        funds = funds.filter(year=year)
    return funds.annotate(allocated=Sum("allocations__amount"))


def fund_detail(user, pk: int) -> Fund:
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(Fund.objects.all(), user, "division_code", pk=pk)


def fund_totals(fund: Fund) -> dict[str, Decimal | None]:
    allocated = fund.allocations.aggregate(s=Sum("amount"))["s"] or ZERO
    spent = Disbursement.objects.filter(allocation__fund=fund).aggregate(s=Sum("amount"))["s"] or ZERO
    return {
        "allocated": allocated,
        "spent": spent,
        "balance": allocated - spent,
        "rate": execution_rate(allocated, spent),
    }


def allocations_of(fund: Fund) -> list[dict]:
    spent = dict(
        Disbursement.objects.filter(allocation__fund=fund)
        .values_list("allocation_id")
        .annotate(s=Sum("amount"))
    )
    return [
        {
            "allocation": a,
            "spent": spent.get(a.pk, ZERO),
            "rate": execution_rate(a.amount, spent.get(a.pk, ZERO)),
        }
        for a in fund.allocations.order_by("division_code", "pk")
    ]


def fund_execution(fund: Fund) -> list[MonthExecution]:
    """执行率 per month over the fund's allocations."""
    allocated = fund.allocations.aggregate(s=Sum("amount"))["s"] or ZERO
    by_month = dict(
        Disbursement.objects.filter(allocation__fund=fund)
        .values_list("month")
        .annotate(s=Sum("amount"))
        .order_by()
    )
    return monthly_execution(allocated, by_month)


def township_totals(fund: Fund) -> list[dict]:
    return list(
        Disbursement.objects.filter(allocation__fund=fund)
        .values("township_code")
        .annotate(
            lines=Count("pk"), amount=Sum("amount"), households=Count("household_number", distinct=True)
        )
        .order_by("township_code")
    )


def fund_payments(user, fund: Fund, *, township_code: str = "", month=None) -> QuerySet[Disbursement]:
    """The people paid from the fund (masked snapshots), narrowed to a township or a month."""
    rows = scope(Disbursement.objects.filter(allocation__fund=fund), user, "division_code")
    if township_code:
        rows = rows.filter(township_code=township_code)
    if month:
        rows = rows.filter(month=month)
    return rows.order_by("month", "township_code", "household_number", "pk")


def finding_list(user, *, status: str = "", check_code: str = "") -> QuerySet[Finding]:
    require(user, Capability.VIEW_REGISTRY)
    rows = scope(Finding.objects.all(), user, "division_code")
    if status:
        rows = rows.filter(status=status)
    if check_code:
        rows = rows.filter(check_code=check_code)
    return rows.order_by("status", "-month", "pk")


def finding_detail(user, pk: int) -> Finding:
    require(user, Capability.VIEW_REGISTRY)
    return get_in_jurisdiction_or_404(Finding.objects.all(), user, "division_code", pk=pk)


def recovery_statistics(user) -> list[dict]:
    """疑点 and 追回 per check type: found, open, confirmed, explained, money flagged and recovered."""
    rows = (
        scope(Finding.objects.all(), user, "division_code")
        .values("check_code")
        .annotate(
            found=Count("pk"),
            open=Count("pk", filter=Q(status=FindingStatus.OPEN)),
            confirmed=Count("pk", filter=Q(status=FindingStatus.CONFIRMED)),
            explained=Count("pk", filter=Q(status=FindingStatus.EXPLAINED)),
            flagged=Sum("amount"),
            recovered=Sum("recovered_amount"),
        )
        .order_by("check_code")
    )
    return list(rows)


def allocation_in(fund: Fund, pk: int) -> Allocation:
    from django.http import Http404

    found = fund.allocations.filter(pk=pk).first()
    if found is None:
        raise Http404("记录不存在或不在您的管辖范围内")
    return found
