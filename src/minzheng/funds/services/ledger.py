"""资金台账 writes: funds, allocations down the levels, and bookings of locked payroll lines as disbursements."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum

from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import covers, division_prefix, parse_division_code
from minzheng.core.money import TOTAL_MAX, check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.payments.interface import paid_lines

from ..errors import FundsConflict, InvalidFundInput
from ..models import Allocation, Disbursement, Fund, FundKind, FundLevel
from ..rules.ledger import allocation_problem, disbursement_problem


def _division(user, code: str, field: str) -> str:
    parsed = parse_division_code(code, field=field, label="区划代码")
    if not parsed:
        raise InvalidFundInput("区划代码应为12位数字", field=field)
    if not covers(user.division_code, parsed):
        raise InvalidFundInput("区划不在您的管辖范围内", field=field)
    return parsed


def create_fund(
    user, *, name: str, year: int, level: str, kind: str, division_code: str, budget, program_codes: str,
    document_number: str = "",
) -> Fund:  # fmt: skip
    require(user, Capability.MANAGE_FUNDS)
    if level not in FundLevel.values:
        raise InvalidFundInput("资金来源应为中央、省级、市级或县级", field="level")
    if kind not in FundKind.values:
        raise InvalidFundInput("预算类别应为一般公共预算或彩票公益金", field="kind")
    if not 2000 <= int(year) <= 2100:
        raise InvalidFundInput("年度应在2000至2100之间", field="year")
    amount = check_money(budget, field="budget", label="预算金额", maximum=TOTAL_MAX, error=InvalidFundInput)
    if not amount:
        raise InvalidFundInput("预算金额应大于0", field="budget")
    with transaction.atomic():
        fund = Fund.objects.create(
            name=name.strip(), year=int(year), level=level, kind=kind,
            division_code=_division(user, division_code, "division_code"), budget=amount,
            program_codes=",".join(c.strip() for c in program_codes.split(",") if c.strip()),
            document_number=document_number, created_by=user,
        )  # fmt: skip
        record_event(
            user, "funds.fund_created", object_type="fund", object_id=fund.pk, division_code=fund.division_code,
            summary=f"新建资金 {fund}：预算 {amount} 元", after={"budget": str(amount), "level": level, "kind": kind},
        )  # fmt: skip
    return fund


def allocate(
    user, fund: Fund, *, division_code: str, amount, allocated_on: date, document_number: str = ""
) -> Allocation:
    """资金下达: refused in Chinese when the fund's allocations would exceed its budget."""
    require(user, Capability.MANAGE_FUNDS)
    value = check_money(amount, field="amount", label="下达金额", maximum=TOTAL_MAX, error=InvalidFundInput)
    code = _division(user, division_code, "division_code")
    if not code.startswith(division_prefix(fund.division_code)):
        raise InvalidFundInput("只能下达到预算单位本级或下级区划", field="division_code")
    with transaction.atomic():
        fund = Fund.objects.select_for_update().get(pk=fund.pk)
        allocated = fund.allocations.aggregate(s=Sum("amount"))["s"] or Decimal("0.00")
        problem = allocation_problem(fund.budget, allocated, value or Decimal("0"))
        if problem:
            raise InvalidFundInput(problem, field="amount")
        allocation = Allocation.objects.create(
            fund=fund, division_code=code, amount=value, allocated_on=allocated_on,
            document_number=document_number, created_by=user,
        )  # fmt: skip
        record_event(
            user, "funds.allocated", object_type="fund", object_id=fund.pk, division_code=code,
            summary=f"{fund} 下达 {code} {value} 元", after={"amount": str(value), "division_code": code},
        )  # fmt: skip
    return allocation


def book_payments(user, allocation: Allocation, *, month_from: date, month_to: date) -> int:
    """记账: the locked payroll lines of the allocation's area, the fund's programs and the months given, not yet
    booked to any fund, become its disbursements — all or none: refused in Chinese when they would take the
    allocation's spending over its amount. Returns the number of lines booked."""
    require(user, Capability.MANAGE_FUNDS)
    fund = allocation.fund
    if month_from > month_to:
        raise InvalidFundInput("起始月份不能晚于截止月份", field="month_from")
    if month_from.year != fund.year or month_to.year != fund.year:
        raise InvalidFundInput(f"记账月份应在资金年度{fund.year}年内", field="month_from")
    prefix = division_prefix(allocation.division_code)
    with transaction.atomic():
        allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
        booked = frozenset(
            Disbursement.objects.filter(
                division_code__startswith=prefix, month__gte=month_from, month__lte=month_to
            ).values_list("payroll_line_id", flat=True)
        )
        rows = [
            Disbursement(
                allocation=allocation,
                payroll_line_id=line.line_id,
                month=line.month,
                program_name=line.program_name,
                division_code=line.division_code,
                township_code=line.township_code,
                household_number=line.household_number,
                payee_name=line.payee_name,
                payee_id_masked=mask_id_number(line.payee_id_number),
                amount=line.amount,
            )
            for line in paid_lines(
                allocation.division_code,
                program_codes=fund.programs,
                month_from=month_from,
                month_to=month_to,
                exclude_line_ids=booked,
            )
        ]
        total = sum((r.amount for r in rows), Decimal("0.00"))
        spent = allocation.disbursements.aggregate(s=Sum("amount"))["s"] or Decimal("0.00")
        problem = disbursement_problem(allocation.amount, spent, total)
        if problem:
            raise InvalidFundInput(problem, field="month_to")
        try:
            with transaction.atomic():
                Disbursement.objects.bulk_create(rows, batch_size=2000)
        except IntegrityError:
            raise FundsConflict("有发放明细已记入其他资金，一笔发放只能记入一项资金，请刷新后重试") from None
        record_event(
            user, "funds.booked", object_type="fund", object_id=fund.pk,
            division_code=allocation.division_code,
            summary=f"{fund} 记账 {len(rows)} 笔 {total} 元（{month_from:%Y-%m}至{month_to:%Y-%m}）",
            after={"lines": len(rows), "amount": str(total)},
        )  # fmt: skip
    return len(rows)
