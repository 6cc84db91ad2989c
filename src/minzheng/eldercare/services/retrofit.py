"""居家适老化改造: application → 入户评估 → 施工 → 验收 → 补贴, and the yearly targets."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from minzheng.core.jurisdiction import covers
from minzheng.core.models import AuditEvent

from ..errors import EldercareConflict, InvalidEldercareInput
from ..models import RetrofitCase, RetrofitItem, RetrofitStatus, RetrofitTarget
from .common import Capability, audit, check_in_jurisdiction, require, require_text

_FIELDS = [
    "status",
    "assessed_on",
    "planned_items",
    "estimated_cost",
    "works_done_on",
    "accepted_on",
    "subsidy_amount",
    "subsidy_paid_on",
]


def _money(value, field: str, label: str) -> Decimal:
    try:
        amount = Decimal(value)
    except (TypeError, ArithmeticError, ValueError):
        raise InvalidEldercareInput(f"{label}须为金额，如 3000 或 3000.50", field=field) from None
    if amount < 0 or amount.as_tuple().exponent < -2:
        raise InvalidEldercareInput(f"{label}须为不小于0、最多两位小数的金额", field=field)
    return amount


def _step(case: RetrofitCase, expected: str, action: str) -> None:
    if case.status != expected:
        raise EldercareConflict(f"当前状态为“{case.get_status_display()}”，不能{action}")


@transaction.atomic
def apply(actor, *, household, elder, year: int, applied_on: date) -> RetrofitCase:
    """受理一户的适老化改造申请 (one per household and year)."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, household.residence_division_code)
    if not household.memberships.filter(person=elder, valid_to__isnull=True).exists():
        raise InvalidEldercareInput(f"{elder.name}不是该户的现有成员", field="elder")
    if RetrofitCase.objects.filter(household=household, year=year).exists():
        raise EldercareConflict(f"该户{year}年已有适老化改造申请", field="household")
    case = RetrofitCase.objects.create(
        household=household,
        elder=elder,
        division_code=household.residence_division_code,
        year=year,
        applied_on=applied_on,
        created_by=actor,
    )
    audit(actor, AuditEvent.CREATE, case, f"受理{household.number}适老化改造申请（{year}年）", _FIELDS)
    return case


@transaction.atomic
def assess(actor, case: RetrofitCase, *, assessed_on: date, items: list[str], estimated_cost) -> RetrofitCase:
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, case.division_code)
    _step(case, RetrofitStatus.APPLIED, "录入评估")
    if not items or any(item not in RetrofitItem.values for item in items):
        raise InvalidEldercareInput("请选择至少一项改造项目", field="items")
    if assessed_on < case.applied_on:
        raise InvalidEldercareInput("评估日期不能早于申请日期", field="assessed_on")
    case.assessed_on, case.planned_items = assessed_on, sorted(set(items))
    case.estimated_cost = _money(estimated_cost, "estimated_cost", "预算")
    case.status = RetrofitStatus.ASSESSED
    case.save()
    audit(actor, AuditEvent.UPDATE, case, "适老化改造入户评估", _FIELDS)
    return case


@transaction.atomic
def finish_works(actor, case: RetrofitCase, *, contractor: str, done_on: date) -> RetrofitCase:
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, case.division_code)
    _step(case, RetrofitStatus.ASSESSED, "登记完工")
    if done_on < case.assessed_on:
        raise InvalidEldercareInput("完工日期不能早于评估日期", field="done_on")
    case.contractor = require_text(contractor, "contractor", "施工单位", 100)
    case.works_done_on, case.status = done_on, RetrofitStatus.WORKS_DONE
    case.save()
    audit(actor, AuditEvent.UPDATE, case, "适老化改造完工", _FIELDS)
    return case


@transaction.atomic
def accept(actor, case: RetrofitCase, *, passed: bool, on: date, note: str) -> RetrofitCase:
    """验收: passed → 已验收 (counts toward the year's target); failed → back to 已评估 for rework."""
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, case.division_code)
    _step(case, RetrofitStatus.WORKS_DONE, "验收")
    if on < case.works_done_on:
        raise InvalidEldercareInput("验收日期不能早于完工日期", field="on")
    case.acceptance_note = require_text(note, "note", "验收意见", 300)
    if passed:
        case.accepted_on, case.status = on, RetrofitStatus.ACCEPTED
    else:
        case.works_done_on, case.status = None, RetrofitStatus.ASSESSED
    case.save()
    audit(actor, AuditEvent.UPDATE, case, f"适老化改造验收{'合格' if passed else '不合格'}", _FIELDS)
    return case


@transaction.atomic
def pay_subsidy(actor, case: RetrofitCase, *, amount, paid_on: date) -> RetrofitCase:
    require(actor, Capability.MANAGE_ELDERCARE)
    check_in_jurisdiction(actor, case.division_code)
    _step(case, RetrofitStatus.ACCEPTED, "登记补贴")
    amount = _money(amount, "amount", "补贴金额")
    if case.estimated_cost is not None and amount > case.estimated_cost:
        raise InvalidEldercareInput("补贴金额不能超过评估预算", field="amount")
    if paid_on < case.accepted_on:
        raise InvalidEldercareInput("拨付日期不能早于验收日期", field="paid_on")
    case.subsidy_amount, case.subsidy_paid_on, case.status = amount, paid_on, RetrofitStatus.SUBSIDISED
    case.save()
    audit(actor, AuditEvent.UPDATE, case, f"适老化改造补贴 {amount} 元", _FIELDS)
    return case


@transaction.atomic
def set_target(
    actor, *, division_code: str, year: int, households: int, source_note: str = ""
) -> RetrofitTarget:
    """年度改造任务 (a city's or county's); setting it again replaces the figure, audited with the old one."""
    require(actor, Capability.MANAGE_ELDERCARE)
    if not covers(actor.division_code, division_code):
        raise InvalidEldercareInput("只能为本辖区设定目标", field="division_code")
    if households <= 0:
        raise InvalidEldercareInput("目标户数须大于0", field="households")
    target, created = RetrofitTarget.objects.get_or_create(
        division_code=division_code,
        year=year,
        defaults={"households": households, "source_note": source_note},
    )
    before = None if created else {"households": target.households}
    target.households, target.source_note = households, source_note.strip()[:200]
    target.save()
    audit(
        actor,
        AuditEvent.CREATE if created else AuditEvent.UPDATE,
        target,
        f"{year}年适老化改造目标 {households} 户",
        ["year", "households"],
        before,
    )
    return target
