"""资金大数据比对 in the platform: run the checks over an area's payments, keep each finding once, and record
the county's outcome (确认问题 → 追回金额, or 核实无问题 with the explanation)."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from minzheng.assistance.interface import entitlements_for_month
from minzheng.batch.fundchecks import PAYMENTS_SCHEMA, REGISTRY_DEATHS_SCHEMA, CheckLimits, run_fund_checks
from minzheng.batch.intake import ExchangeStore
from minzheng.core.identity import mask_id_number
from minzheng.core.jurisdiction import covers, division_prefix, parse_division_code
from minzheng.core.models import Person
from minzheng.core.money import check_money
from minzheng.core.permissions import Capability, require
from minzheng.core.services.audit import record_event
from minzheng.payments.interface import paid_lines
from minzheng.policy.interface import parameter_value

from ..errors import FundsConflict, InvalidFundInput
from ..models import CheckRun, Finding, FindingStatus
from ..rules.exclusions import EXCLUSIVE_PROGRAMS
from ..rules.ledger import recovery_problem


def exchange_store() -> ExchangeStore:
    return ExchangeStore(root=settings.VAR_DIR / "exchange")


def _months(start: date, end: date) -> list[date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1)
    return months


def run_checks(
    user, *, division_code: str, month_from: date, month_to: date, store: ExchangeStore | None = None
) -> CheckRun:
    """比对: every check over the locked payroll lines (正常发放) of the area and months; a finding already
    known (same check, same payment) is kept as it is, with its outcome."""
    require(user, Capability.MANAGE_FUNDS)
    code = parse_division_code(division_code, label="比对区划")
    if not code or not covers(user.division_code, code):
        raise InvalidFundInput("比对区划不在您的管辖范围内", field="division_code")
    if month_from > month_to:
        raise InvalidFundInput("起始月份不能晚于截止月份", field="month_from")
    months = _months(month_from, month_to)
    if len(months) > 36:
        raise InvalidFundInput("一次比对最多36个月", field="month_to")
    lines = {
        line.line_id: line
        for line in paid_lines(code, month_from=months[0], month_to=months[-1], regular_only=True)
    }
    enrolled = {}
    for month in months:
        for e in entitlements_for_month(month, division_code=code):
            enrolled[(e.enrolment_id, month)] = e.monthly_amount
    rows = [
        {
            "payment_id": line.line_id,
            "program_code": line.program_code,
            "program_name": line.program_name,
            "month": line.month,
            "id_number": line.payee_id_number,
            "household_key": str(line.household_id),
            "division_code": line.division_code,
            "payer_prefix": division_prefix(line.payer_division_code),
            "bank_account": line.bank_account,
            "amount": line.amount,
            "enrolled_amount": enrolled.get((line.enrolment_id, line.month)),
        }
        for line in lines.values()
    ]
    ids = sorted({r["id_number"] for r in rows})
    deaths = []
    for start in range(0, len(ids), 900):
        deaths += [
            {"id_number": n, "death_date": d}
            for n, d in Person.objects.filter(
                id_number__in=ids[start : start + 900], death_date__isnull=False
            ).values_list("id_number", "death_date")
        ]
    today = timezone.localdate()
    limits = CheckLimits(
        vehicle_price_limit=parameter_value("funds_vehicle_price_limit", code, today),
        business_capital_limit=parameter_value("funds_business_capital_limit", code, today),
    )
    result = run_fund_checks(
        pa.Table.from_pylist(rows, schema=PAYMENTS_SCHEMA),
        (store or exchange_store()).snapshot(),
        exclusions=EXCLUSIVE_PROGRAMS,
        limits=limits,
        registry_deaths=pa.Table.from_pylist(deaths, schema=REGISTRY_DEATHS_SCHEMA),
    )
    found = result.findings.to_pylist()
    with transaction.atomic():
        run = CheckRun.objects.create(
            division_code=code, month_from=months[0], month_to=months[-1], payments=len(rows), started_by=user
        )
        known = set(
            Finding.objects.filter(finding_key__in=[f["finding_key"] for f in found]).values_list(
                "finding_key", flat=True
            )
        )
        new = []
        for f in found:
            if f["finding_key"] in known:
                continue
            line = lines[f["payment_id"]]
            new.append(
                Finding(
                    run=run,
                    finding_key=f["finding_key"],
                    check_code=f["check_code"],
                    payroll_line_id=line.line_id,
                    month=line.month,
                    amount=line.amount,
                    program_name=line.program_name,
                    division_code=line.division_code,
                    township_code=line.township_code,
                    household_number=line.household_number,
                    payee_name=line.payee_name,
                    payee_id_masked=mask_id_number(line.payee_id_number),
                    evidence=f["evidence"][:300],
                )
            )
        Finding.objects.bulk_create(new, batch_size=2000)
        run.findings = len(new)
        run.save(update_fields=["findings"])
        record_event(
            user, "funds.checks_run", object_type="fund_check_run", object_id=run.pk, division_code=code,
            summary=f"资金比对 {months[0]:%Y-%m}至{months[-1]:%Y-%m}：{len(rows)} 笔发放，新增疑点 {len(new)} 条",
            after={"payments": len(rows), "findings": len(new)},
        )  # fmt: skip
    return run


def decide_finding(
    user, finding: Finding, *, confirmed: bool, recovered_amount=None, explanation: str = ""
) -> Finding:
    """核实: 确认问题 with the amount recovered (追回), or 核实无问题 with the explanation. Decided once."""
    require(user, Capability.HANDLE_FUND_FINDINGS)
    recovered = check_money(
        recovered_amount, field="recovered_amount", label="追回金额", error=InvalidFundInput
    )
    explanation = (explanation or "").strip()
    with transaction.atomic():
        finding = Finding.objects.select_for_update().get(pk=finding.pk)
        if finding.status != FindingStatus.OPEN:
            raise FundsConflict("该疑点已核实，不能重复登记")
        problem = recovery_problem(confirmed, recovered, finding.amount)
        if problem:
            raise InvalidFundInput(problem, field="recovered_amount")
        if not explanation:
            raise InvalidFundInput("请填写核实说明", field="explanation")
        finding.status = FindingStatus.CONFIRMED if confirmed else FindingStatus.EXPLAINED
        finding.recovered_amount = recovered if confirmed else None
        finding.explanation = explanation
        finding.decided_by = user
        finding.decided_at = timezone.now()
        finding.save(update_fields=["status", "recovered_amount", "explanation", "decided_by", "decided_at"])
        record_event(
            user, "funds.finding_done", object_type="fund_finding", object_id=finding.pk,
            division_code=finding.division_code,
            summary=f"疑点核实：{finding.get_status_display()}" + (f"，追回 {recovered} 元" if confirmed else ""),
            after={"status": finding.status, "recovered_amount": str(recovered or "")},
        )  # fmt: skip
    return finding
